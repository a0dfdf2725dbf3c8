using Microsoft.EntityFrameworkCore;
using Portal.Data;

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

    public static IQueryable<Household> Build(PortalDbContext db, HouseholdFilters f, StaffScope scope)
    {
        var query = scope.Visible(db.Households.AsNoTracking());
        if (f.Status is { } status) query = query.Where(h => h.Status == status);
        if (f.Team is { } team && scope.IsManager)
            query = team == HouseholdFilters.NoTeam ? query.Where(h => h.TeamId == null) : query.Where(h => h.TeamId == team);
        if (f.Mine)
        {
            var me = scope.UserId;
            query = query.Where(h => h.ReferentId == me);
        }
        if (!string.IsNullOrWhiteSpace(f.Q)) query = Search(query, f.Q);
        return query;
    }

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
        var query = Build(db, filters, scope);
        var cursorId = after ?? before;
        string? cursorKey = null;
        if (cursorId is { } cid)
            cursorKey = await db.Households.AsNoTracking().Where(h => h.Id == cid).Select(h => h.SearchName).SingleOrDefaultAsync(ct);
        if (cursorKey is null) { after = null; before = null; }

        if (before is { } b && cursorKey is { } bk)
        {
            var rows = await Project(query
                    .Where(h => string.Compare(h.SearchName, bk) < 0 || (h.SearchName == bk && h.Id < b))
                    .OrderByDescending(h => h.SearchName).ThenByDescending(h => h.Id)
                    .Take(PageSize + 1))
                .ToListAsync(ct);
            var more = rows.Count > PageSize;
            if (more) rows.RemoveAt(rows.Count - 1);
            rows.Reverse();
            if (rows.Count == 0) return await PageAsync(db, filters, scope, null, null, ct);
            return new HouseholdPage(rows, more ? rows[0].Id : null, rows[^1].Id);
        }
        else
        {
            var forward = after is { } a && cursorKey is { } ak
                ? query.Where(h => string.Compare(h.SearchName, ak) > 0 || (h.SearchName == ak && h.Id > a))
                : query;
            var rows = await Project(forward.OrderBy(h => h.SearchName).ThenBy(h => h.Id).Take(PageSize + 1)).ToListAsync(ct);
            var more = rows.Count > PageSize;
            if (more) rows.RemoveAt(rows.Count - 1);
            return new HouseholdPage(rows, after is not null && rows.Count > 0 ? rows[0].Id : null, more ? rows[^1].Id : null);
        }
    }

    private static IQueryable<HouseholdRow> Project(IQueryable<Household> query) =>
        query.Select(h => new HouseholdRow(
            h.Id, h.Name, h.SearchName, h.Status, h.Town,
            h.Team != null ? h.Team.Name : null,
            h.Referent != null ? h.Referent.FullName : null,
            h.Persons.Count, h.IsDalo));
}
