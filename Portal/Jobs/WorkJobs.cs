using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;

namespace Portal.Jobs;

public static class WorkJobs
{
    public static string Enqueue(IBackgroundJobClient jobs, WorkItem item) => item switch
    {
        OutboundEmail e => jobs.Enqueue<SendEmailJob>(j => j.RunAsync(e.Id, CancellationToken.None)),
        DocumentRequest d => jobs.Enqueue<GenerateDocumentJob>(j => j.RunAsync(d.Id, CancellationToken.None)),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Unknown work item"),
    };

    /// Takes the row for this worker if nobody holds it and it is not finished. The check and the
    /// change are one UPDATE, so two workers running the same id never both get it.
    public static async Task<bool> ClaimAsync<T>(DbSet<T> set, long id, DateTime nowUtc, CancellationToken ct) where T : WorkItem
    {
        var leaseUntil = nowUtc + WorkPolicy.Lease;
        var rows = await set
            .Where(w => w.Id == id
                && (w.Status == WorkStatus.Pending
                    || (w.Status == WorkStatus.Running && (w.LeaseUntilUtc == null || w.LeaseUntilUtc < nowUtc))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Status, WorkStatus.Running)
                .SetProperty(w => w.LeaseUntilUtc, leaseUntil)
                .SetProperty(w => w.Attempts, w => w.Attempts + 1), ct);
        return rows == 1;
    }

    public static async Task FailAsync<T>(DbSet<T> set, long id, int attempts, Exception error, DateTime nowUtc) where T : WorkItem
    {
        var status = WorkPolicy.StatusAfterFailure(attempts);
        var notBefore = nowUtc + WorkPolicy.DelayAfter(attempts);
        var message = Truncate($"{error.GetType().Name}: {error.Message}", 2000);
        await set.Where(w => w.Id == id && w.Status == WorkStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Status, status)
                .SetProperty(w => w.LastError, message)
                .SetProperty(w => w.NotBeforeUtc, notBefore)
                .SetProperty(w => w.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
