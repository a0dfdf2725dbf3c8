using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Housing;
using Portal.Domain.Work;

namespace Portal.Documents;

/// What the « générer » partial embeds in a page: the kind of document, what it is made from
/// (see <see cref="DocumentSubject"/>), and whether to offer sharing it with the person.
public sealed record DocumentGenerateModel(string Kind, string SubjectKey, long? HouseholdId = null, bool OfferShare = false, string? ButtonLabel = null)
{
    /// A stable id for the block, from the kind and the subject, safe in HTML ids and CSS selectors.
    public string ElementId => DocumentDesk.SafeId($"docgen-{Kind}-{SubjectKey}");

    public string Label => ButtonLabel ?? $"Générer le document « {TemplateKinds.ByKind(Kind)?.Title ?? Kind} »";
}

public sealed record DocumentRow(
    long Id, string Title, string Kind, WorkStatus Status, int Attempts, DateTime CreatedAtUtc, string RequestedBy,
    long? HouseholdId, bool Shared, int? Version, string? FileName, long? Size, string? SubjectKey = null);

/// Asks for documents on behalf of staff, and tells who may see which.
public sealed class DocumentDesk(PortalDbContext db, TimeProvider clock, IConfiguration config)
{
    public const string DownloadedAction = "Téléchargement d'un document";
    public const int MaxKeyLength = 100;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly ConcurrentDictionary<string, (long Id, DateTime AtUtc)> RecentKeys = new();
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(1);

    public static string SafeId(string raw)
    {
        var chars = raw.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        return new string(chars);
    }

    /// The request for this kind and subject, or null when the subject does not exist or this
    /// person may not reach it. The same idempotency key (one form shown once) never makes two
    /// requests, nor does a second click while the first document is still being prepared.
    public async Task<DocumentRequest?> RequestAsync(StaffScope scope, string? kind, string? subjectKey, bool share, string? idempotencyKey, CancellationToken ct = default)
    {
        if (TemplateKinds.ByKind(kind) is null) return null;
        var info = await new DocumentSources(db, clock, config).DescribeAsync(kind, subjectKey, ct);
        if (info is null) return null;
        if (!await MayReachAsync(scope, info.Subject, info.HouseholdId, ct)) return null;
        var key = string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength ? null : $"{scope.UserId}|{idempotencyKey}";

        await Gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            Prune(now);
            if (key is not null && RecentKeys.TryGetValue(key, out var seen)
                && await db.DocumentRequests.SingleOrDefaultAsync(r => r.Id == seen.Id, ct) is { } same)
                return same;
            var formKey = key is null ? null : idempotencyKey;
            // The same click sent to another node: the unique index on (requester, key) holds across nodes.
            if (formKey is not null && await db.DocumentRequests.FirstOrDefaultAsync(r => r.RequestedById == scope.UserId && r.IdempotencyKey == formKey, ct) is { } sent)
                return sent;
            var subject = info.Subject.Key;
            var inProgress = await db.DocumentRequests
                .Where(r => r.Kind == kind && r.SubjectKey == subject && r.RequestedById == scope.UserId
                            && (r.Status == WorkStatus.Pending || r.Status == WorkStatus.Running))
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (inProgress is not null)
            {
                if (key is not null) RecentKeys[key] = (inProgress.Id, now);
                return inProgress;
            }
            var request = new DocumentRequest
            {
                Kind = kind!,
                Title = info.Title.Length > 300 ? info.Title[..300] : info.Title,
                RequestedById = scope.UserId,
                HouseholdId = info.HouseholdId,
                SubjectKey = subject,
                SharedWithResident = share && info.HouseholdId is not null,
                CreatedAtUtc = now,
                IdempotencyKey = formKey,
            };
            db.DocumentRequests.Add(request);
            scope.Audit(db, AuditActions.ExportedDocument, info.HouseholdId, now, request.Title);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (formKey is not null)
            {
                db.ChangeTracker.Clear();
                var twin = await db.DocumentRequests.FirstOrDefaultAsync(r => r.RequestedById == scope.UserId && r.IdempotencyKey == formKey, ct);
                if (twin is null) throw;
                return twin;
            }
            if (key is not null) RecentKeys[key] = (request.Id, now);
            return request;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Prune(DateTime now)
    {
        if (RecentKeys.Count < 1000) return;
        foreach (var (k, v) in RecentKeys)
            if (now - v.AtUtc > KeyLifetime) RecentKeys.TryRemove(k, out _);
    }

    /// Access to a document is access to its subject, decided here for generation, listing, status
    /// and download alike: a household's documents for whoever reaches the household; committee
    /// minutes for managers, or a worker who sees every item of the agenda on the session page (the
    /// minutes name them all, with refusal reasons); yearly reports for managers.
    public async Task<bool> MayReachAsync(StaffScope scope, DocumentSubject subject, long? householdId, CancellationToken ct)
    {
        if (householdId is { } hid) return await scope.Visible(db.Households).AnyAsync(h => h.Id == hid, ct);
        if (scope.IsManager) return true;
        if (subject is not SessionSubject session) return false;
        var items = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == session.SessionId)
            .SelectMany(s => s.Items).Select(i => new { i.Subject, i.SubjectId }).ToListAsync(ct);
        var visible = await AgendaAccess.For(scope).VisibleAsync(db, items.Select(i => (i.Subject, i.SubjectId)), ct);
        return items.All(i => visible.ContainsKey((i.Subject, i.SubjectId)));
    }

    /// The document of this id if this staff member may reach its subject (see <see cref="MayReachAsync"/>).
    public async Task<DocumentRequest?> FindVisibleAsync(StaffScope scope, long id, CancellationToken ct)
    {
        var request = await VisibleTo(scope).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || request.HouseholdId is not null) return request;
        return DocumentSubject.Parse(request.Kind, request.SubjectKey) is { } subject && await MayReachAsync(scope, subject, null, ct) ? request : null;
    }

    /// A first cut of the documents this staff member may see, as a query: those about a household
    /// they reach; about no household, managers' and the requester's. Rows about no household are
    /// then checked one by one (<see cref="FindVisibleAsync"/>, <see cref="WhereReachableAsync"/>).
    public IQueryable<DocumentRequest> VisibleTo(StaffScope scope)
    {
        var households = scope.Visible(db.Households).Select(h => h.Id);
        var manager = scope.IsManager;
        var me = scope.UserId;
        return db.DocumentRequests.Where(r => r.Kind != DocumentKinds.TestSheet
            && (r.HouseholdId != null ? households.Contains(r.HouseholdId.Value) : manager || r.RequestedById == me));
    }

    /// Drops the rows about no household whose subject this staff member no longer reaches.
    public async Task<List<DocumentRow>> WhereReachableAsync(StaffScope scope, IReadOnlyList<DocumentRow> rows, CancellationToken ct)
    {
        var kept = new List<DocumentRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.HouseholdId is not null || scope.IsManager) { kept.Add(row); continue; }
            if (DocumentSubject.Parse(row.Kind, row.SubjectKey) is { } subject && await MayReachAsync(scope, subject, null, ct)) kept.Add(row);
        }
        return kept;
    }

    public static IQueryable<DocumentRow> Rows(IQueryable<DocumentRequest> requests) =>
        requests.AsNoTracking().Select(r => new DocumentRow(
            r.Id, r.Title, r.Kind, r.Status, r.Attempts, r.CreatedAtUtc,
            r.RequestedBy != null ? r.RequestedBy.FullName : "",
            r.HouseholdId, r.SharedWithResident,
            r.Document != null ? r.Document.Version : null,
            r.Document != null ? r.Document.FileName : null,
            r.Document != null ? r.Document.Content.Length : null,
            r.SubjectKey));
}
