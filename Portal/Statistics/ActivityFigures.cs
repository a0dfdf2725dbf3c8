using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Templates;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Workshops;

namespace Portal.Statistics;

/// Who was followed over a span of days, who came and left, where they went and what it is worth at
/// the project's unit costs: the figures of the yearly activity report (<see cref="BilanActivite"/>),
/// of the statistics page and of the funders' workbook, computed once here.
public sealed record Activity(
    int HouseholdsFollowed,
    int PersonsFollowed,
    int Entries,
    int Exits,
    decimal AverageMonths,
    int HouseholdMonths,
    int CollectiveSites,
    IReadOnlyList<CountLine> Measures,
    IReadOnlyList<CountLine> Profiles,
    IReadOnlyList<CountLine> TargetGroups,
    IReadOnlyList<CountLine> ResourceBands,
    IReadOnlyList<CountLine> ExitDestinations,
    IReadOnlyList<CostLine> Costs);

public static class ActivityFigures
{
    /// <paramref name="households"/> narrows to a scope or filters (null: every household);
    /// <paramref name="workshops"/> likewise for the collective actions.
    public static async Task<Activity> ComputeAsync(
        PortalDbContext db, DateOnly first, DateOnly last, DateOnly today, Funder? funder, SupportKind? kind,
        IQueryable<Household>? households, IQueryable<Workshop>? workshops, CancellationToken ct)
    {
        var query = db.SupportMeasures.AsNoTracking().Where(m => m.StartsOn <= last && (m.EndedOn == null || m.EndedOn >= first));
        if (funder is { } f) query = query.Where(m => m.Funder == f);
        if (kind is { } k) query = query.Where(m => m.Kind == k);
        if (households is not null)
        {
            var allowed = households.Select(h => h.Id);
            query = query.Where(m => allowed.Contains(m.HouseholdId));
        }
        var measures = await query.Select(m => new { m.HouseholdId, m.Kind, m.StartsOn, m.EndedOn }).ToListAsync(ct);
        var ids = measures.Select(m => m.HouseholdId).Distinct().ToList();
        var followed = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.Situation, h.TargetGroups, Persons = h.Persons.Count, Incomes = h.Incomes.Select(i => i.MonthlyAmount).ToList() })
            .ToListAsync(ct);
        var firstStarts = await db.SupportMeasures.AsNoTracking().Where(m => ids.Contains(m.HouseholdId))
            .GroupBy(m => m.HouseholdId).Select(g => new { g.Key, First = g.Min(m => m.StartsOn) }).ToListAsync(ct);
        var exits = await db.Exits.AsNoTracking().Where(e => ids.Contains(e.HouseholdId) && e.ExitedOn >= first && e.ExitedOn <= last)
            .Select(e => new { e.HouseholdId, e.Destination }).ToListAsync(ct);
        var fromUtc = Domain.Appointments.ParisTime.BoundaryToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = Domain.Appointments.ParisTime.BoundaryToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var sites = await (workshops ?? db.Workshops).AsNoTracking()
            .Where(w => !w.IsCancelled && w.StartsAtUtc >= fromUtc && w.StartsAtUtc < toUtc)
            .Select(w => w.PlaceId).Distinct().CountAsync(ct);

        var end = last < today ? last : today;
        var entries = firstStarts.Count(s => s.First >= first && s.First <= last);
        var householdDays = measures.Sum(m =>
        {
            var from = m.StartsOn > first ? m.StartsOn : first;
            var to = m.EndedOn is { } e && e < end ? e : end;
            return Math.Max(0, to.DayNumber - from.DayNumber);
        });
        var lengths = measures.GroupBy(m => m.HouseholdId).Select(g =>
        {
            var from = g.Min(m => m.StartsOn);
            var to = g.Max(m => m.EndedOn is { } e && e < end ? e : end);
            return Math.Max(0, to.DayNumber - from.DayNumber) / 30.4375m;
        }).ToList();
        var householdMonths = (int)Math.Round(householdDays * 12 / 365.25m);

        return new Activity(
            followed.Count, followed.Sum(h => Math.Max(1, h.Persons)), entries, exits.Select(e => e.HouseholdId).Distinct().Count(),
            lengths.Count == 0 ? 0 : lengths.Average(), householdMonths, sites,
            Count(measures.DistinctBy(m => (m.HouseholdId, m.Kind)), m => m.Kind.Label()),
            Count(followed, h => h.Situation is { } s ? Labels.Of(s) : "Non renseignée"),
            Count(followed.SelectMany(h => Labels.Flags(h.TargetGroups)), g => Labels.Of(g)),
            Count(followed, h => Band(h.Incomes.Sum())),
            Count(exits, e => e.Destination.Label()),
            ActivityCosts.Lines(entries, householdMonths, sites));
    }

    public static List<CountLine> Count<T>(IEnumerable<T> values, Func<T, string> label) =>
        values.GroupBy(label).Select(g => new CountLine(g.Key, g.Count())).OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();

    public static string Band(decimal total) => total switch
    {
        < 500m => "moins de 500 €",
        < 1000m => "de 500 à 999 €",
        < 1500m => "de 1 000 à 1 499 €",
        _ => "1 500 € et plus",
    };
}
