using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Import;

namespace Portal.Jobs;

/// Runs one import, claimed and leased like every work row: the node's heartbeat renews the lease
/// while it works, another node takes it over if this one dies, and the import goes on from the
/// rows not yet written (see <see cref="Importer"/>).
public sealed class ImportJob(PortalDbContext db, Importer importer, WorkNode node, TimeProvider clock, ILogger<ImportJob> log)
{
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Import du fichier n° {0}")]
    public async Task RunAsync(long id, CancellationToken ct)
    {
        using var working = await WorkJobs.StartAsync(db.ImportRuns, id, node, clock.GetUtcNow().UtcDateTime, log, ct);
        if (working is null) return;
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
        try
        {
            await importer.ImportAsync(run, ct);
            await WorkJobs.CompleteAsync(db.ImportRuns, id, node, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Import run {RunId} attempt {Attempt} failed", id, run.Attempts);
            db.ChangeTracker.Clear();
            await WorkJobs.FailAsync(db.ImportRuns, id, node, run.Attempts, run.CreatedAtUtc, ex, clock.GetUtcNow().UtcDateTime);
        }
    }
}
