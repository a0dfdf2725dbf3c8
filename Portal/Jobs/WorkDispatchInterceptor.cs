using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;

namespace Portal.Jobs;

/// Enqueues the job of every new work row once the row is durable: after SaveChanges when there is
/// no surrounding transaction, or when the surrounding transaction commits. The job only carries the
/// row's id; if enqueuing fails or the process dies first, the sweeper finds the row later.
public sealed class WorkDispatchInterceptor(IBackgroundJobClient jobs, TimeProvider clock, ILogger<WorkDispatchInterceptor> log)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<WorkItem> pending = [];
    private bool saving;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        saving = false;
        if (eventData.Context?.Database.CurrentTransaction is null) pending.Clear();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (!saving) Dispatch();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!saving) Dispatch();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (!saving) pending.Clear();
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Capture(DbContextEventData eventData)
    {
        saving = true;
        if (eventData.Context is null) return;
        foreach (var entry in eventData.Context.ChangeTracker.Entries<WorkItem>())
        {
            if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Added || pending.Contains(entry.Entity)) continue;
            // Due at once: the job enqueued below takes it; the sweeper steps in only if it has not
            // within WorkPolicy.DispatchGrace of this time, or at the next start-up.
            if (entry.Entity.CreatedAtUtc == default) entry.Entity.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
            pending.Add(entry.Entity);
        }
    }

    private void AfterSave(SaveChangesCompletedEventData eventData)
    {
        saving = false;
        if (eventData.Context?.Database.CurrentTransaction is null) Dispatch();
    }

    private void Dispatch()
    {
        if (pending.Count == 0) return;
        var items = pending.ToArray();
        pending.Clear();
        foreach (var item in items)
        {
            try
            {
                WorkJobs.Enqueue(jobs, item);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Could not enqueue {WorkType} {WorkId}; the sweeper will pick it up", item.GetType().Name, item.Id);
            }
        }
    }
}
