using System.Collections.Concurrent;
using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;
using Portal.Email;

namespace Portal.Jobs;

/// Finds work rows that no job is taking care of and enqueues them again: rows whose job was lost
/// (in-memory queue on restart, a crash before enqueuing), rows due again after a failed attempt,
/// rows held by a node that died (its heartbeat stopped renewing their lease). Worker nodes run it
/// every few seconds (<see cref="WorkHeartbeatService"/>) and at start-up.
public sealed class PendingWorkSweeper(PortalDbContext db, IBackgroundJobClient jobs, MailServerStatus mailServer, TimeProvider clock, ILogger<PendingWorkSweeper> log)
{
    public const string RecurringJobId = "reprise-des-travaux-en-attente";
    private const int BatchSize = 500;

    // A row still waiting in a long queue is not enqueued again on every sweep, only now and then.
    private static readonly ConcurrentDictionary<(Type Kind, long Id), DateTime> Recent = new();
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(30);

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Reprise des courriels, documents et imports en attente")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = now - WorkPolicy.DispatchGrace;
        var emails = await Due(db.OutboundEmails, now, fresh).ToListAsync(ct);
        var documents = await Due(db.DocumentRequests, now, fresh).ToListAsync(ct);
        var imports = await Due(db.ImportRuns, now, fresh).ToListAsync(ct);
        var sentEmails = emails.Count(id => Dispatch(new OutboundEmail(), id, now));
        if (sentEmails == 0 && mailServer.ShouldTryOne(WorkPolicy.Heartbeat / 2))
            sentEmails += await TryOneWaitingEmailAsync(now, ct);
        var count = sentEmails + documents.Count(id => Dispatch(new DocumentRequest(), id, now))
            + imports.Count(id => Dispatch(new ImportRun(), id, now));
        if (Recent.Count > 10_000)
            foreach (var (key, at) in Recent)
                if (now - at > Repeat) Recent.TryRemove(key, out _);
        if (count > 0) log.LogInformation("Re-enqueued {Count} pending work items", count);
        // The rows that need a job, including those enqueued again by a sweep a moment ago.
        return emails.Count + documents.Count + imports.Count;
    }

    /// At start-up: everything pending now, whatever its back-off (a restart is a good moment to try
    /// again), and every row whose lease has run out.
    public async Task<int> StartUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboundEmails.Where(e => e.Status == WorkStatus.Pending && e.NotBeforeUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, (DateTime?)null), ct);
        await db.DocumentRequests.Where(e => e.Status == WorkStatus.Pending && e.NotBeforeUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, (DateTime?)null), ct);
        await db.ImportRuns.Where(e => e.Status == WorkStatus.Pending && e.NotBeforeUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, (DateTime?)null), ct);
        var count = 0;
        foreach (var id in await Due(db.OutboundEmails, now, now, int.MaxValue).ToListAsync(ct))
            if (Dispatch(new OutboundEmail(), id, now, force: true)) count++;
        foreach (var id in await Due(db.DocumentRequests, now, now, int.MaxValue).ToListAsync(ct))
            if (Dispatch(new DocumentRequest(), id, now, force: true)) count++;
        foreach (var id in await Due(db.ImportRuns, now, now, int.MaxValue).ToListAsync(ct))
            if (Dispatch(new ImportRun(), id, now, force: true)) count++;
        if (count > 0) log.LogInformation("Start-up: enqueued {Count} pending work items", count);
        return count;
    }

    /// The mail server was unreachable at this node's last attempt and nothing was tried since: the
    /// email whose next try is the nearest goes now, so that the server's return is noticed within
    /// a heartbeat (its success then sends the others, SendEmailJob).
    private async Task<int> TryOneWaitingEmailAsync(DateTime now, CancellationToken ct)
    {
        var next = await db.OutboundEmails.Where(e => e.Status == WorkStatus.Pending && e.NotBeforeUtc != null && e.NotBeforeUtc > now)
            .OrderBy(e => e.NotBeforeUtc).ThenBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        if (next is not { } id) return 0;
        var moved = await db.OutboundEmails.Where(e => e.Id == id && e.Status == WorkStatus.Pending && e.NotBeforeUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, now), ct);
        if (moved == 0) return 0;
        mailServer.Attempting();
        return Dispatch(new OutboundEmail(), id, now, force: true) ? 1 : 0;
    }

    private bool Dispatch(WorkItem kind, long id, DateTime now, bool force = false)
    {
        var key = (kind.GetType(), id);
        if (!force && Recent.TryGetValue(key, out var at) && now - at < Repeat) return false;
        Recent[key] = now;
        WorkJobs.Enqueue(jobs, kind, id);
        return true;
    }

    /// Pending rows due (a failed one after its back-off, a new one whose own job has not taken it
    /// within the grace), and running rows whose lease has run out.
    private static IQueryable<long> Due<T>(DbSet<T> set, DateTime now, DateTime createdBefore, int limit = BatchSize) where T : WorkItem =>
        set.Where(w => (w.Status == WorkStatus.Pending && (w.NotBeforeUtc != null ? w.NotBeforeUtc <= now : w.CreatedAtUtc <= createdBefore))
                    || (w.Status == WorkStatus.Running && (w.LeaseUntilUtc == null || w.LeaseUntilUtc < now)))
            .OrderBy(w => w.Id)
            .Select(w => w.Id)
            .Take(limit);
}
