using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;

namespace Portal.Jobs;

/// Enqueues the job of every new work row once the row is durable: after SaveChanges when there is
/// no surrounding transaction, or when the surrounding transaction commits. The job only carries the
/// row's id; if enqueuing fails or the process dies first, the sweeper finds the row later.
/// One instance serves every context (they are pooled): what is pending is kept on the context.
public sealed class WorkDispatchInterceptor(IBackgroundJobClient jobs, TimeProvider clock, ILogger<WorkDispatchInterceptor> log)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
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
        if (Of(eventData) is not { } work) return;
        work.Saving = false;
        if (eventData.Context?.Database.CurrentTransaction is null) work.Items.Clear();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Of(eventData) is { Saving: false } work) Dispatch(work);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Of(eventData) is { Saving: false } work) work.Items.Clear();
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static PendingWork? Of(DbContextEventData eventData) => (eventData.Context as PortalDbContext)?.PendingWork;

    private void Capture(DbContextEventData eventData)
    {
        if (Of(eventData) is not { } work) return;
        work.Saving = true;
        var pending = work.Items;
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<WorkItem>())
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
        if (Of(eventData) is not { } work) return;
        work.Saving = false;
        if (eventData.Context?.Database.CurrentTransaction is null) Dispatch(work);
    }

    private void Dispatch(PendingWork work)
    {
        if (work.Items.Count == 0) return;
        var items = work.Items.ToArray();
        work.Items.Clear();
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
