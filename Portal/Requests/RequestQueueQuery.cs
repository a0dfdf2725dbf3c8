using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;

namespace Portal.Requests;

public enum QueueSort { DateDesc, DateAsc, ReferenceAsc, ReferenceDesc, NameAsc, NameDesc, StatusAsc, StatusDesc }

/// The queue's filters, already parsed from the query string (anything unreadable is left out).
public sealed record QueueFilters
{
    public RequestStatus? Status { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public TargetGroups? Group { get; init; }
    public bool? Dalo { get; init; }
    /// A team id, or <see cref="NoTeam"/> for the requests no team covers yet.
    public int? Team { get; init; }
    public string? Q { get; init; }
    public QueueSort Sort { get; init; } = QueueSort.DateDesc;

    public const int NoTeam = 0;
}

public sealed record QueueRow(
    long Id, string? Reference, string ApplicantName, RequestStatus Status, DateTime? SubmittedAtUtc,
    bool IsDalo, TargetGroups TargetGroups, string? TeamName, string? ReferentName, int UnreadMessages,
    string? PartnerName = null, Portal.Domain.Partners.OrientationUrgency? Urgency = null);

/// The staff queue's query, shared by the page and the benchmark (bench/requests) so that what is
/// measured is what is served.
public static class RequestQueueQuery
{
    public const int PageSize = 25;

    public static IQueryable<HousingRequest> Build(PortalDbContext db, QueueFilters f, StaffScope scope)
    {
        var query = scope.Visible(db.HousingRequests.AsNoTracking());

        if (f.Status is { } status) query = query.Where(r => r.Status == status);
        if (f.From is { } from)
        {
            var start = ParisMidnightUtc(Clamp(from));
            query = query.Where(r => r.SubmittedAtUtc >= start);
        }
        if (f.To is { } to)
        {
            var end = ParisMidnightUtc(Clamp(to).AddDays(1));
            query = query.Where(r => r.SubmittedAtUtc < end);
        }
        if (f.Group is { } group and not TargetGroups.None) query = query.Where(r => (r.TargetGroups & group) != 0);
        if (f.Dalo is { } dalo) query = query.Where(r => r.IsDalo == dalo);
        if (f.Team is { } team && scope.IsManager)
            query = team == QueueFilters.NoTeam ? query.Where(r => r.TeamId == null) : query.Where(r => r.TeamId == team);

        if (!string.IsNullOrWhiteSpace(f.Q)) query = Search(query, f.Q);
        return query;
    }

    /// "DL-2026-000123" is an exact reference, "123" a request number; anything else the start of
    /// the name, "NOM PRENOM" or "PRENOM NOM", accents and case ignored. Each is an index range.
    private static IQueryable<HousingRequest> Search(IQueryable<HousingRequest> query, string q)
    {
        var text = q.Trim();
        if (text.StartsWith("DL-", StringComparison.OrdinalIgnoreCase))
        {
            var reference = text.ToUpperInvariant();
            return query.Where(r => r.Reference == reference);
        }
        if (text.Length <= 12 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return query.Where(r => r.Id == number);

        var key = RequestReference.SearchKey(text);
        if (key.Length == 0) return query.Where(r => false);
        if (key.Length > 250) key = key[..250];
        var keyEnd = key + "\uFFFF";
        var words = key.Split(' ');
        if (words.Length < 2)
            return query.Where(r => string.Compare(r.SearchName, key) >= 0 && string.Compare(r.SearchName, keyEnd) < 0);

        // "Émilie Rousseau" typed first name first: try "ROUSSEAU EMILIE" too.
        var swapped = string.Join(' ', words[1..]) + " " + words[0];
        var swappedEnd = swapped + "\uFFFF";
        return query.Where(r =>
            (string.Compare(r.SearchName, key) >= 0 && string.Compare(r.SearchName, keyEnd) < 0) ||
            (string.Compare(r.SearchName, swapped) >= 0 && string.Compare(r.SearchName, swappedEnd) < 0));
    }

    public static IQueryable<HousingRequest> Order(IQueryable<HousingRequest> query, QueueSort sort) => sort switch
    {
        // Id breaks ties so that pages never overlap; it also follows the reference's number.
        QueueSort.DateAsc => query.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id),
        QueueSort.ReferenceAsc => query.OrderBy(r => r.Reference).ThenBy(r => r.Id),
        QueueSort.ReferenceDesc => query.OrderByDescending(r => r.Reference).ThenByDescending(r => r.Id),
        QueueSort.NameAsc => query.OrderBy(r => r.SearchName).ThenBy(r => r.Id),
        QueueSort.NameDesc => query.OrderByDescending(r => r.SearchName).ThenByDescending(r => r.Id),
        // Within a status the oldest first (the order work is done in), which the (Status, SubmittedAtUtc) index gives.
        QueueSort.StatusAsc => query.OrderBy(r => r.Status).ThenBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id),
        QueueSort.StatusDesc => query.OrderByDescending(r => r.Status).ThenByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id),
        _ => query.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id),
    };

    public static QueueSort Reverse(QueueSort sort) => sort switch
    {
        QueueSort.DateDesc => QueueSort.DateAsc,
        QueueSort.DateAsc => QueueSort.DateDesc,
        QueueSort.ReferenceAsc => QueueSort.ReferenceDesc,
        QueueSort.ReferenceDesc => QueueSort.ReferenceAsc,
        QueueSort.NameAsc => QueueSort.NameDesc,
        QueueSort.NameDesc => QueueSort.NameAsc,
        QueueSort.StatusAsc => QueueSort.StatusDesc,
        _ => QueueSort.StatusAsc,
    };

    /// The page's rows with their team, referent and partner: left joins on the page already cut
    /// (the request keeps their ids only).
    public static IQueryable<QueueRow> Project(PortalDbContext db, IQueryable<HousingRequest> query) =>
        from r in query
        from team in db.Teams.Where(t => t.Id == r.TeamId).DefaultIfEmpty()
        from referent in db.Users.Where(u => u.Id == r.ReferentId).DefaultIfEmpty()
        from partner in db.PartnerOrganisations.Where(o => o.Id == r.PartnerOrganisationId).DefaultIfEmpty()
        select new QueueRow(
            r.Id, r.Reference, r.ApplicantName, r.Status, r.SubmittedAtUtc, r.IsDalo, r.TargetGroups,
            team != null ? team.Name : null,
            referent != null ? referent.FullName : null,
            r.Messages.Count(m => !m.FromStaff && m.ReadAtUtc == null),
            partner != null ? partner.Name : null, r.Urgency);

    /// One page of the queue and the total. Pages past the middle are read from the other end
    /// (reversed order, small offset) so that the last page costs what the first one does.
    public static async Task<(IReadOnlyList<QueueRow> Rows, int Total, int Page)> PageAsync(
        PortalDbContext db, QueueFilters filters, StaffScope scope, int page, CancellationToken ct = default)
    {
        var query = Build(db, filters, scope);
        var total = await CountAsync(db, filters, scope, query, ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var skip = (page - 1) * PageSize;
        if (total == 0) return ([], 0, 1);

        if (skip * 2 <= total)
        {
            var rows = await Project(db, Order(query, filters.Sort).Skip(skip).Take(PageSize)).ToListAsync(ct);
            return (rows, total, page);
        }
        var take = Math.Min(PageSize, total - skip);
        var fromEnd = total - skip - take;
        var reversed = await Project(db, Order(query, Reverse(filters.Sort)).Skip(fromEnd).Take(take)).ToListAsync(ct);
        reversed.Reverse();
        return (reversed, total, page);
    }

    /// The queue's total. Filtered by status and team only (the default view and its tabs), it is the
    /// sum of a few rows the database keeps (`RequestCounts`): counting a team's 50,000 requests took
    /// most of the page's time. Any other filter, including one added later, counts the rows it keeps.
    public static Task<int> CountAsync(PortalDbContext db, QueueFilters f, StaffScope scope, IQueryable<HousingRequest> query, CancellationToken ct = default)
    {
        // What Build reads besides the status and the team, as Build reads it (an empty search or
        // target group filters nothing; the order changes no total).
        var others = f with
        {
            Status = null, Team = null, Sort = QueueSort.DateDesc,
            Group = f.Group is TargetGroups.None ? null : f.Group,
            Q = string.IsNullOrWhiteSpace(f.Q) ? null : f.Q,
        };
        if (others != new QueueFilters())
            return query.CountAsync(ct);
        var counts = scope.Visible(db.RequestCounts.AsNoTracking());
        if (f.Status is { } status) counts = counts.Where(c => c.Status == status);
        if (f.Team is { } team && scope.IsManager)
        {
            var key = team == QueueFilters.NoTeam ? RequestCount.NoTeam : team;
            counts = counts.Where(c => c.TeamKey == key);
        }
        return counts.SumAsync(c => c.Count, ct);
    }

    // Far dates from a hand-edited address stay within what date arithmetic and time zones accept.
    private static DateOnly Clamp(DateOnly date) =>
        date.Year < 1900 ? new DateOnly(1900, 1, 1) : date.Year > 2200 ? new DateOnly(2200, 1, 1) : date;

    private static DateTime ParisMidnightUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, French.Paris);
    }
}
