using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace Portal.CaseFiles;

/// The household search's filters, already parsed (anything unreadable is left out).
public sealed record HouseholdFilters
{
    public string? Q { get; init; }
    public HouseholdStatus? Status { get; init; }
    /// A team id (managers only), or <see cref="NoTeam"/> for households no team covers.
    public int? Team { get; init; }
    /// Only the households the signed-in worker is the referent of.
    public bool Mine { get; init; }
    /// Households counted in this public (one of the target groups).
    public TargetGroups? Group { get; init; }
    /// Households with a support measure of this kind under way.
    public SupportKind? Measure { get; init; }
    /// Households this worker (or manager) is the referent of.
    public string? Referent { get; init; }
    /// Households staying now in a dwelling of this residence.
    public long? Residence { get; init; }
    /// Households whose stay under way ends before this day (planned end, renewals included).
    public DateOnly? StayEndsBefore { get; init; }

    public const int NoTeam = 0;
}

public sealed record HouseholdRow(
    long Id, string Name, string SearchName, HouseholdStatus Status, string? Town, string? TeamName, string? ReferentName, int Persons, bool IsDalo);

/// One page of rows and the cursors around it: the first and last rows' ids, when another page lies that way.
public sealed record HouseholdPage(IReadOnlyList<HouseholdRow> Rows, long? PreviousBefore, long? NextAfter);

/// The household search, shared by /suivi/menages and the benchmark (bench/households) so that what
/// is measured is what is served. Names are searched by prefix on the accent-free key and paged by
/// keyset on (SearchName, Id): each page is an index range, whatever its depth.
public static class HouseholdsQuery
{
    public const int PageSize = 25;

    /// Every household matching the filters, whoever looks (the scope is applied by <see cref="Parts"/>).
    private static IQueryable<Household> Filtered(PortalDbContext db, HouseholdFilters f, StaffScope scope)
    {
        var query = db.Households.AsNoTracking();
        if (f.Status is { } status) query = query.Where(h => h.Status == status);
        if (f.Team is { } team && scope.IsManager)
            query = team == HouseholdFilters.NoTeam ? query.Where(h => h.TeamId == null) : query.Where(h => h.TeamId == team);
        if (f.Mine)
        {
            var me = scope.UserId;
            query = query.Where(h => h.ReferentId == me);
        }
        if (f.Group is { } group and not TargetGroups.None) query = query.Where(h => (h.TargetGroups & group) != 0);
        if (f.Referent is { Length: > 0 } referent) query = query.Where(h => h.ReferentId == referent);
        // The filters below follow an index from each household: (HouseholdId, Status) on measures,
        // the one-active-stay-per-household index on stays.
        if (f.Measure is { } kind)
            query = query.Where(h => db.SupportMeasures.Any(m => m.HouseholdId == h.Id && m.Status == MeasureStatus.Active && m.Kind == kind));
        if (f.Residence is { } residence)
            query = query.Where(h => db.Stays.Any(s => s.HouseholdId == h.Id && s.Status == StayStatus.Active
                && db.Dwellings.Any(d => d.Id == s.DwellingId && d.ResidenceId == residence)));
        if (f.StayEndsBefore is { } before)
            query = query.Where(h => db.Stays.Any(s => s.HouseholdId == h.Id && s.Status == StayStatus.Active && s.EndsOn < before));
        if (!string.IsNullOrWhiteSpace(f.Q)) query = Search(query, f.Q);
        return query;
    }

    /// The visible households as disjoint queries that each follow an index in name order: a
    /// worker's team on (TeamId, SearchName, Id), and apart from it the few they are referent of
    /// elsewhere. One query with "team OR referent" makes SQLite read and sort the whole team.
    private static IReadOnlyList<IQueryable<Household>> Parts(PortalDbContext db, HouseholdFilters f, StaffScope scope)
    {
        var query = Filtered(db, f, scope);
        // "Mes ménages" is always visible, and the (ReferentId, Status) index finds it.
        if (scope.IsManager || f.Mine) return [query];
        var me = scope.UserId;
        if (scope.TeamId is not { } teamId) return [query.Where(h => h.ReferentId == me)];
        return [query.Where(h => h.TeamId == teamId), query.Where(h => h.ReferentId == me && (h.TeamId == null || h.TeamId != teamId))];
    }

    /// The visible households matching the filters, as one query (for counts and checks; the page uses <see cref="PageAsync"/>).
    public static IQueryable<Household> Build(PortalDbContext db, HouseholdFilters f, StaffScope scope) =>
        scope.Visible(Filtered(db, f, scope));

    /// "dur", "Durand Marie" or "marie durand": the start of the name, accents and case ignored.
    private static IQueryable<Household> Search(IQueryable<Household> query, string q)
    {
        var key = HouseholdFactory.SearchKey(q);
        if (key.Length == 0) return query.Where(h => false);
        if (key.Length > 250) key = key[..250];
        var keyEnd = key + "\uFFFF";
        var words = key.Split(' ');
        if (words.Length < 2)
            return query.Where(h => string.Compare(h.SearchName, key) >= 0 && string.Compare(h.SearchName, keyEnd) < 0);
        var swapped = string.Join(' ', words[1..]) + " " + words[0];
        var swappedEnd = swapped + "\uFFFF";
        return query.Where(h =>
            (string.Compare(h.SearchName, key) >= 0 && string.Compare(h.SearchName, keyEnd) < 0) ||
            (string.Compare(h.SearchName, swapped) >= 0 && string.Compare(h.SearchName, swappedEnd) < 0));
    }

    /// A page after the row <paramref name="after"/>, before the row <paramref name="before"/>, or the first one.
    /// A cursor naming a household that does not exist gives the first page.
    public static async Task<HouseholdPage> PageAsync(PortalDbContext db, HouseholdFilters filters, StaffScope scope,
        long? after, long? before, CancellationToken ct = default)
    {
        var parts = Parts(db, filters, scope);
        var cursorId = after ?? before;
        string? cursorKey = null;
        if (cursorId is { } cid)
            cursorKey = await db.Households.AsNoTracking().Where(h => h.Id == cid).Select(h => h.SearchName).SingleOrDefaultAsync(ct);
        if (cursorKey is null) { after = null; before = null; }

        if (before is { } b && cursorKey is { } bk)
        {
            var rows = await FetchAsync(db, parts, q => q
                .Where(h => string.Compare(h.SearchName, bk) < 0 || (h.SearchName == bk && h.Id < b))
                .OrderByDescending(h => h.SearchName).ThenByDescending(h => h.Id), descending: true, ct);
            var more = rows.Count > PageSize;
            if (more) rows.RemoveAt(rows.Count - 1);
            rows.Reverse();
            if (rows.Count == 0) return await PageAsync(db, filters, scope, null, null, ct);
            return new HouseholdPage(rows, more ? rows[0].Id : null, rows[^1].Id);
        }
        else
        {
            var rows = await FetchAsync(db, parts, q =>
                (after is { } a && cursorKey is { } ak
                    ? q.Where(h => string.Compare(h.SearchName, ak) > 0 || (h.SearchName == ak && h.Id > a))
                    : q).OrderBy(h => h.SearchName).ThenBy(h => h.Id), descending: false, ct);
            var more = rows.Count > PageSize;
            if (more) rows.RemoveAt(rows.Count - 1);
            return new HouseholdPage(rows, after is not null && rows.Count > 0 ? rows[0].Id : null, more ? rows[^1].Id : null);
        }
    }

    /// One more row than a page from each part, merged in key order (ordinal, as the "C" collation
    /// and SQLite's binary one compare the accent-free key).
    private static async Task<List<HouseholdRow>> FetchAsync(PortalDbContext db, IReadOnlyList<IQueryable<Household>> parts,
        Func<IQueryable<Household>, IOrderedQueryable<Household>> window, bool descending, CancellationToken ct)
    {
        var rows = new List<HouseholdRow>();
        foreach (var part in parts)
            rows.AddRange(await Project(db, window(part).Take(PageSize + 1)).ToListAsync(ct));
        if (parts.Count == 1) return rows;
        var ordered = descending
            ? rows.OrderByDescending(r => r.SearchName, StringComparer.Ordinal).ThenByDescending(r => r.Id)
            : rows.OrderBy(r => r.SearchName, StringComparer.Ordinal).ThenBy(r => r.Id);
        return ordered.Take(PageSize + 1).ToList();
    }

    private static IQueryable<HouseholdRow> Project(PortalDbContext db, IQueryable<Household> query) =>
        query.Select(h => new HouseholdRow(
            h.Id, h.Name, h.SearchName, h.Status, h.Town,
            db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(),
            db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault(),
            h.Persons.Count, h.IsDalo));
}
