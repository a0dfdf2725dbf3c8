using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents;
using Portal.Email;
using Portal.Domain.Work;

namespace Portal.Jobs;

/// Generates one document row. The document and the row's Done state are saved in one transaction,
/// and a unique index keeps one document per request however many times the job runs.
public sealed class GenerateDocumentJob(PortalDbContext db, DocumentRenderer renderer, WorkNode node, TimeProvider clock, ILogger<GenerateDocumentJob> log)
{
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Génération du document n° {0}")]
    public async Task RunAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var working = await WorkJobs.StartAsync(db.DocumentRequests, id, node, now, log, ct);
        if (working is null) return;

        var request = await db.DocumentRequests.Include(r => r.RequestedBy).SingleAsync(r => r.Id == id, ct);
        try
        {
            if (!await db.GeneratedDocuments.AnyAsync(g => g.DocumentRequestId == id, ct))
            {
                var file = await renderer.RenderAsync(request, ct);
                // Documents with the same kind and subject are versions of one another: 1, 2, 3…
                var version = request.SubjectKey is null ? 1 : 1 + await db.GeneratedDocuments
                    .CountAsync(g => g.DocumentRequest!.Kind == request.Kind && g.DocumentRequest.SubjectKey == request.SubjectKey
                                     && g.DocumentRequestId < id, ct);
                db.GeneratedDocuments.Add(new GeneratedDocument
                {
                    DocumentRequestId = id,
                    FileName = file.FileName,
                    ContentType = file.ContentType,
                    Content = file.Content,
                    Version = version,
                    AuthorId = request.RequestedById,
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
            }
            // The person is told once, with the change that makes the file available.
            if (renderer.MakerOf(request.Kind)?.ReadyEmail(request, request.RequestedBy?.FullName) is { } ready
                && request.RequestedBy?.Email is { Length: > 0 } to)
                EmailOutbox.Queue(db, to, request.RequestedBy.FullName, ready);
            request.Status = WorkStatus.Done;
            request.CompletedAtUtc = clock.GetUtcNow().UtcDateTime;
            request.LeaseUntilUtc = null;
            request.LeaseNode = null;
            request.LastError = null;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Document request {RequestId} done", id);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Document request {RequestId} attempt {Attempt} failed", id, request.Attempts);
            db.ChangeTracker.Clear();
            if (await db.GeneratedDocuments.AnyAsync(g => g.DocumentRequestId == id, CancellationToken.None))
            {
                // Another worker stored it between our check and our save: the work is done.
                await db.DocumentRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, WorkStatus.Done)
                    .SetProperty(r => r.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(r => r.LeaseNode, (string?)null), CancellationToken.None);
                return;
            }
            await WorkJobs.FailAsync(db.DocumentRequests, id, node, request.Attempts, request.CreatedAtUtc, ex, clock.GetUtcNow().UtcDateTime);
        }
    }
}
