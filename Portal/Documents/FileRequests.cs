using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;

namespace Portal.Documents;

/// What someone asks to be made in the background: a Word document, an export, a personal-data ZIP.
public sealed record FileOrder(
    string Kind, string? SubjectKey, string Title, string RequestedById, long? HouseholdId,
    bool SharedWithResident, string? IdempotencyKey);

/// A kind of file made by <see cref="Jobs.GenerateDocumentJob"/> other than a Word template: it
/// renders the request's file and may tell the person who asked once it is ready.
public interface IFileMaker
{
    string Kind { get; }
    Task<RenderedFile> RenderAsync(DocumentRequest request, CancellationToken ct);
    /// The email to queue when the file is ready, or null to tell no one.
    Email.EmailContent? ReadyEmail(DocumentRequest request, string? recipientName);
}

/// The one way a file gets asked for: row (kind, subject, who asked) → job renders → row holds the
/// file. Who may ask is the caller's business (staff scope, or the person's own data).
public static class FileRequests
{
    public const int MaxKeyLength = 100;

    /// The request for this order: the one already made with the same form key, or the one of the
    /// same kind and subject still being made for this person, or a new one. Two clicks racing on two
    /// web nodes both look, find nothing and insert: the database's unique indexes
    /// (<see cref="PortalDbContext.SameKeyIndexName"/>, <see cref="PortalDbContext.InProgressIndexName"/>)
    /// refuse the second, which then takes the first one's row. <paramref name="onCreated"/> adds
    /// what is saved with a new row (its audit line).
    public static async Task<DocumentRequest> AskAsync(PortalDbContext db, TimeProvider clock, FileOrder order,
        Action<DocumentRequest, DateTime>? onCreated, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(order.IdempotencyKey) || order.IdempotencyKey.Length > MaxKeyLength ? null : order.IdempotencyKey;
        for (var attempt = 0; ; attempt++)
        {
            if (await SameAsync(db, order, key, ct) is { } same) return same;
            var now = clock.GetUtcNow().UtcDateTime;
            var request = new DocumentRequest
            {
                Kind = order.Kind,
                Title = order.Title.Length > 300 ? order.Title[..300] : order.Title,
                RequestedById = order.RequestedById,
                HouseholdId = order.HouseholdId,
                SubjectKey = order.SubjectKey,
                SharedWithResident = order.SharedWithResident,
                IdempotencyKey = key,
                CreatedAtUtc = now,
            };
            db.DocumentRequests.Add(request);
            onCreated?.Invoke(request, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return request;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<DocumentRequest?> SameAsync(PortalDbContext db, FileOrder order, string? key, CancellationToken ct)
    {
        if (key is not null && await db.DocumentRequests
                .SingleOrDefaultAsync(r => r.RequestedById == order.RequestedById && r.IdempotencyKey == key, ct) is { } same)
            return same;
        return await db.DocumentRequests
            .Where(r => r.Kind == order.Kind && r.SubjectKey == order.SubjectKey && r.RequestedById == order.RequestedById
                        && (r.Status == WorkStatus.Pending || r.Status == WorkStatus.Running))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }
}
