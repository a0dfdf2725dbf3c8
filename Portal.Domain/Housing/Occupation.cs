namespace Portal.Domain.Housing;

/// The days a household holds a dwelling, as a half-open interval [From, Until): the day of
/// departure is free for the next household, so leaving on D and entering on D do not overlap.
/// Until is null while the household has not left: the planned end of a stay is a deadline to
/// renew or prepare the exit, not a departure, so the dwelling stays taken until the exit is recorded.
public readonly record struct Occupation(long DwellingId, DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly day) => From <= day && (Until is null || day < Until);

    public bool Overlaps(Occupation other) =>
        DwellingId == other.DwellingId
        && (other.Until is null || From < other.Until)
        && (Until is null || other.From < Until)
        && !IsEmpty && !other.IsEmpty;

    /// An entry cancelled on its own day holds nothing.
    public bool IsEmpty => Until is { } u && u <= From;
}

public sealed record OccupancyRate(int Dwellings, int Occupied)
{
    /// Null for a residence with no dwelling.
    public decimal? Rate => Dwellings == 0 ? null : Math.Round((decimal)Occupied / Dwellings, 4);

    public int Vacant => Dwellings - Occupied;
}

public static class Occupancy
{
    /// Occupancy on a day, residence by residence and for the whole stock. A dwelling counts once
    /// however many stays cover it.
    public static (IReadOnlyDictionary<long, OccupancyRate> ByResidence, OccupancyRate Overall) On(
        DateOnly day,
        IEnumerable<(long DwellingId, long ResidenceId)> dwellings,
        IEnumerable<Occupation> occupations)
    {
        var occupied = occupations.Where(o => o.Covers(day)).Select(o => o.DwellingId).ToHashSet();
        var stock = dwellings.DistinctBy(d => d.DwellingId).ToList();
        var byResidence = stock
            .GroupBy(d => d.ResidenceId)
            .ToDictionary(g => g.Key, g => new OccupancyRate(g.Count(), g.Count(d => occupied.Contains(d.DwellingId))));
        var overall = new OccupancyRate(stock.Count, stock.Count(d => occupied.Contains(d.DwellingId)));
        return (byResidence, overall);
    }

    public static bool IsOccupied(long dwellingId, DateOnly day, IEnumerable<Occupation> occupations) =>
        occupations.Any(o => o.DwellingId == dwellingId && o.Covers(day));
}
