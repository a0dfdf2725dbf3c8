using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;

namespace Portal.Housing;

public sealed record OccupantRow(long StayId, long HouseholdId, string HouseholdName, long DwellingId, string DwellingLabel,
    long ResidenceId, string ResidenceName, DateOnly StartsOn, DateOnly EndsOn);

public sealed record VacantRow(long DwellingId, string Label, Typology Typology, long ResidenceId, string ResidenceName, bool AssociationHoldsLease);

/// Who lives where today and how full the stock is: shared by the admin stock page, the committee
/// (vacant dwellings to allocate) and the demo figures.
public static class StockQueries
{
    public sealed record Snapshot(
        IReadOnlyDictionary<long, OccupancyRate> ByResidence, OccupancyRate Overall,
        IReadOnlyList<OccupantRow> Occupants, IReadOnlyList<VacantRow> Vacant);

    /// Occupancy on <paramref name="today"/>: withdrawn dwellings are out of the stock; a dwelling is
    /// occupied while a stay covers the day (the planned end does not free it, the exit does).
    public static async Task<Snapshot> OnAsync(PortalDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var dwellings = await db.Dwellings.AsNoTracking().Where(d => !d.IsWithdrawn)
            .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, d.Label, d.Typology, d.ResidenceId, ResidenceName = r.Name, d.AssociationHoldsLease })
            .ToListAsync(ct);
        var stays = await db.Stays.AsNoTracking()
            .Where(s => s.StartsOn <= today && (s.ExitedOn == null || s.ExitedOn > today))
            .Select(s => new { s.Id, s.HouseholdId, s.DwellingId, s.StartsOn, s.EndsOn, s.ExitedOn })
            .ToListAsync(ct);
        var occupations = stays.Select(s => new Occupation(s.DwellingId, s.StartsOn, s.ExitedOn)).ToList();
        var (byResidence, overall) = Occupancy.On(today, dwellings.Select(d => (d.Id, d.ResidenceId)), occupations);

        var householdIds = stays.Select(s => s.HouseholdId).Distinct().ToList();
        var names = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var byId = dwellings.ToDictionary(d => d.Id);
        var occupants = stays.Where(s => byId.ContainsKey(s.DwellingId))
            .Select(s =>
            {
                var d = byId[s.DwellingId];
                return new OccupantRow(s.Id, s.HouseholdId, names.GetValueOrDefault(s.HouseholdId, "Ménage"), d.Id, d.Label, d.ResidenceId, d.ResidenceName, s.StartsOn, s.EndsOn);
            })
            .OrderBy(o => o.ResidenceName).ThenBy(o => o.DwellingLabel, StringComparer.Create(Portal.Domain.Formatting.French.Culture, CompareOptions.NumericOrdering))
            .ToList();
        var occupied = occupations.Where(o => o.Covers(today)).Select(o => o.DwellingId).ToHashSet();
        var vacant = dwellings.Where(d => !occupied.Contains(d.Id))
            .Select(d => new VacantRow(d.Id, d.Label, d.Typology, d.ResidenceId, d.ResidenceName, d.AssociationHoldsLease))
            .OrderBy(v => v.ResidenceName).ThenBy(v => v.Label, StringComparer.Create(Portal.Domain.Formatting.French.Culture, CompareOptions.NumericOrdering))
            .ToList();
        return new Snapshot(byResidence, overall, occupants, vacant);
    }

    /// Every stay known for a dwelling, as the allocation rule wants them.
    public static async Task<List<Occupation>> OccupationsAsync(PortalDbContext db, long dwellingId, CancellationToken ct = default) =>
        (await db.Stays.AsNoTracking().Where(s => s.DwellingId == dwellingId)
            .Select(s => new { s.DwellingId, s.StartsOn, s.ExitedOn }).ToListAsync(ct))
        .Select(s => new Occupation(s.DwellingId, s.StartsOn, s.ExitedOn)).ToList();

    /// "87,5 %" (fr-FR), or a dash for a residence with no dwelling.
    public static string Percent(decimal? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", Portal.Domain.Formatting.French.Culture) + "\u00A0%" : "—";

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(clock.GetUtcNow().UtcDateTime));
}
