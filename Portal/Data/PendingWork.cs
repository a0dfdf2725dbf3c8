namespace Portal.Data;

/// Work rows a context has saved and not yet handed to the job queue (see
/// `Jobs/WorkDispatchInterceptor`, which serves every context of the pool and keeps nothing itself).
/// Emptied each time the context is handed out.
public sealed class PendingWork
{
    internal List<WorkItem> Items { get; } = [];
    /// Between SavingChanges and SavedChanges: a transaction committed by the save itself is not the
    /// caller's transaction, and the rows are dispatched by SavedChanges.
    internal bool Saving { get; set; }

    internal void Clear()
    {
        Items.Clear();
        Saving = false;
    }
}
