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
    public const int MaxKeyLength = FileRequests.MaxKeyLength;

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
        if (kind == Privacy.PersonalDataExport.KindName) return await RequestHouseholdDataAsync(scope, subjectKey, idempotencyKey, ct);
        if (TemplateKinds.ByKind(kind) is null) return null;
        var info = await new DocumentSources(db, clock, config).DescribeAsync(kind, subjectKey, ct);
        if (info is null) return null;
        if (!await MayReachAsync(scope, info.Subject, info.HouseholdId, ct)) return null;
        return await FileRequests.AskAsync(db, clock, new FileOrder(kind!, info.Subject.Key, info.Title, scope.UserId, info.HouseholdId,
            share && info.HouseholdId is not null, idempotencyKey),
            (request, now) => scope.Audit(db, AuditActions.ExportedDocument, info.HouseholdId, now, request.Title), ct);
    }

    /// A household's personal data as a ZIP (GDPR art. 15), for staff who reach the household.
    private async Task<DocumentRequest?> RequestHouseholdDataAsync(StaffScope scope, string? subjectKey, string? idempotencyKey, CancellationToken ct)
    {
        if (subjectKey is null || !subjectKey.StartsWith("household:", StringComparison.Ordinal)
            || !long.TryParse(subjectKey["household:".Length..], System.Globalization.CultureInfo.InvariantCulture, out var householdId))
            return null;
        var name = await scope.Visible(db.Households).Where(h => h.Id == householdId).Select(h => h.Name).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        return await FileRequests.AskAsync(db, clock, new FileOrder(Privacy.PersonalDataExport.KindName, Privacy.PersonalDataExport.HouseholdSubject(householdId),
            $"Données personnelles – {name}", scope.UserId, householdId, false, idempotencyKey),
            (request, now) => scope.Audit(db, Privacy.PersonalDataExport.ExportedAction, householdId, now, request.Title), ct);
    }

    /// Access to a document is access to its subject, decided here for generation, listing, status
    /// and download alike: a household's documents for whoever reaches the household; committee
    /// minutes for managers, or a worker who sees every item of the agenda on the session page (the
    /// minutes name them all, with refusal reasons); yearly reports for managers.
    public async Task<bool> MayReachAsync(StaffScope scope, DocumentSubject subject, long? householdId, CancellationToken ct)
    {
        if (householdId is { } hid) return await scope.Visible(db.Households).AnyAsync(h => h.Id == hid, ct);
        if (scope.IsManager) return true;
        // The rows were read within the requester's scope, and VisibleTo keeps a file about no
        // household to its requester and managers.
        if (subject is ExportSubject) return true;
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
