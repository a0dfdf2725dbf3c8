using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;

namespace Portal.Jobs;

/// Finds work rows that no job is taking care of (lost with an in-memory queue on restart, failed
/// and waiting for their next try, or held by a worker that died) and enqueues them again.
public sealed class PendingWorkSweeper(PortalDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<PendingWorkSweeper> log)
{
    public const string RecurringJobId = "reprise-des-travaux-en-attente";
    private const int BatchSize = 500;

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Reprise des courriels et documents en attente")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var id in await Due(db.OutboundEmails, now).ToListAsync(ct))
        {
            jobs.Enqueue<SendEmailJob>(j => j.RunAsync(id, CancellationToken.None));
            count++;
        }
        foreach (var id in await Due(db.DocumentRequests, now).ToListAsync(ct))
        {
            jobs.Enqueue<GenerateDocumentJob>(j => j.RunAsync(id, CancellationToken.None));
            count++;
        }
        if (count > 0) log.LogInformation("Re-enqueued {Count} pending work items", count);
        return count;
    }

    private static IQueryable<long> Due<T>(DbSet<T> set, DateTime now) where T : WorkItem =>
        set.Where(w => (w.Status == WorkStatus.Pending && (w.NotBeforeUtc == null || w.NotBeforeUtc <= now))
                    || (w.Status == WorkStatus.Running && (w.LeaseUntilUtc == null || w.LeaseUntilUtc < now)))
            .OrderBy(w => w.Id)
            .Select(w => w.Id)
            .Take(BatchSize);
}
