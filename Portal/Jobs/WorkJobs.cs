using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;

namespace Portal.Jobs;

/// This process as a holder of work rows: a name no other process, on this machine or another,
/// will ever use, so a row it held is recognisably its own.
public sealed class WorkNode
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, long), byte> running = new();

    public string Id { get; } = $"{(Environment.MachineName.Length > 100 ? Environment.MachineName[..100] : Environment.MachineName)}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// While a job of this process works on a row; only those rows have their lease renewed, so a
    /// row a job left behind (an error after the claim) is free again once its lease runs out.
    public IDisposable Working<T>(long id) where T : WorkItem
    {
        running[(typeof(T), id)] = 0;
        return new Release(() => running.TryRemove((typeof(T), id), out _));
    }

    public long[] RunningIds<T>() where T : WorkItem =>
        running.Keys.Where(k => k.Item1 == typeof(T)).Select(k => k.Item2).ToArray();

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}

public static class WorkJobs
{
    public static string Enqueue(IBackgroundJobClient jobs, WorkItem item) => Enqueue(jobs, item, item.Id);

    public static string Enqueue(IBackgroundJobClient jobs, WorkItem kind, long id) => kind switch
    {
        OutboundEmail => jobs.Enqueue<SendEmailJob>(j => j.RunAsync(id, CancellationToken.None)),
        DocumentRequest => jobs.Enqueue<GenerateDocumentJob>(j => j.RunAsync(id, CancellationToken.None)),
        ImportRun => jobs.Enqueue<ImportJob>(j => j.RunAsync(id, CancellationToken.None)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind.GetType().Name, "Unknown work item"),
    };

    /// How every job starts on its row: marked as worked on by this node (its lease renewed while
    /// the job runs), then claimed. Null, with a log line, when the row is done, held by another
    /// worker, not due yet, or gone: the job then has nothing to do. Dispose the answer at the end.
    public static async Task<IDisposable?> StartAsync<T>(DbSet<T> set, long id, WorkNode node, DateTime nowUtc, ILogger log, CancellationToken ct) where T : WorkItem
    {
        var working = node.Working<T>(id);
        if (await ClaimAsync(set, id, node, nowUtc, ct)) return working;
        working.Dispose();
        log.LogInformation("{Kind} {Id} already done, held by another worker, not due yet, or gone", typeof(T).Name, id);
        return null;
    }

    /// Takes the row for this node if nobody holds it and it is not finished. The check and the
    /// change are one UPDATE, so two workers running the same id never both get it.
    public static async Task<bool> ClaimAsync<T>(DbSet<T> set, long id, WorkNode node, DateTime nowUtc, CancellationToken ct) where T : WorkItem
    {
        var leaseUntil = nowUtc + WorkPolicy.Lease;
        var rows = await set
            .Where(w => w.Id == id
                && ((w.Status == WorkStatus.Pending && (w.NotBeforeUtc == null || w.NotBeforeUtc <= nowUtc))
                    || (w.Status == WorkStatus.Running && (w.LeaseUntilUtc == null || w.LeaseUntilUtc < nowUtc))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Status, WorkStatus.Running)
                .SetProperty(w => w.LeaseUntilUtc, leaseUntil)
                .SetProperty(w => w.LeaseNode, node.Id)
                .SetProperty(w => w.Attempts, w => w.Attempts + 1), ct);
        return rows == 1;
    }

    /// Marks the row done, if this node still holds it.
    public static async Task<bool> CompleteAsync<T>(DbSet<T> set, long id, WorkNode node, DateTime nowUtc) where T : WorkItem =>
        await set.Where(w => w.Id == id && w.Status == WorkStatus.Running && w.LeaseNode == node.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Status, WorkStatus.Done)
                .SetProperty(w => w.CompletedAtUtc, nowUtc)
                .SetProperty(w => w.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(w => w.LeaseNode, (string?)null)
                .SetProperty(w => w.LastError, (string?)null), CancellationToken.None) == 1;

    /// Gives the row back after a failed attempt, due again after a short back-off; the sweeper
    /// enqueues it then. Given up (Failed) only when it has failed for days.
    public static async Task FailAsync<T>(DbSet<T> set, long id, WorkNode node, int attempts, DateTime createdAtUtc, Exception error, DateTime nowUtc) where T : WorkItem
    {
        var status = WorkPolicy.StatusAfterFailure(createdAtUtc, nowUtc);
        var notBefore = nowUtc + WorkPolicy.DelayAfter(attempts);
        var message = Truncate($"{error.GetType().Name}: {error.Message}", 2000);
        await set.Where(w => w.Id == id && w.Status == WorkStatus.Running && w.LeaseNode == node.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Status, status)
                .SetProperty(w => w.LastError, message)
                .SetProperty(w => w.NotBeforeUtc, notBefore)
                .SetProperty(w => w.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(w => w.LeaseNode, (string?)null), CancellationToken.None);
    }

    /// The heartbeat: pushes back the lease of every row this node holds.
    public static Task<int> RenewAsync<T>(DbSet<T> set, WorkNode node, DateTime nowUtc, CancellationToken ct) where T : WorkItem
    {
        var leaseUntil = nowUtc + WorkPolicy.Lease;
        var ids = node.RunningIds<T>();
        if (ids.Length == 0) return Task.FromResult(0);
        return set.Where(w => w.Status == WorkStatus.Running && w.LeaseNode == node.Id && ids.Contains(w.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeaseUntilUtc, leaseUntil), ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
