namespace Portal.Domain.Housing;

/// How many people a dwelling may house, by size. Inspired by the usual practice of French social
/// landlords (one bedroom for a couple, one more room per one or two children, and the surface
/// minimums of the décret « logement décent »: 9 m² for one person, 16 m² for two, +9 m² each):
///
/// | typology | max persons |
/// |---|---|
/// | T1 | 2 |
/// | T2 | 3, or 4 when one of them is a child under 3 (a cot in the parents' room) |
/// | T3 | 5 |
/// | T4 | 6 |
/// | T5 | 8 |
///
/// A household smaller than the dwelling is not refused: under-occupation is a matter for the
/// committee, not a rule.
public static class OccupancyStandard
{
    public const int YoungChildAgeLimit = 3;

    public static int MaxOccupants(Typology typology, int youngChildren) => typology switch
    {
        Typology.T1 => 2,
        Typology.T2 => youngChildren > 0 ? 4 : 3,
        Typology.T3 => 5,
        Typology.T4 => 6,
        Typology.T5 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(typology)),
    };

    public static bool Fits(Typology typology, HouseholdComposition household) =>
        household.Persons <= MaxOccupants(typology, household.YoungChildren);

    /// The smallest typology the household fits in.
    public static Typology SmallestFor(HouseholdComposition household) =>
        Enum.GetValues<Typology>().Where(t => Fits(t, household)).DefaultIfEmpty(Typology.T5).Min();
}

/// Who will live in the dwelling: the number of people, of whom children under three.
public sealed record HouseholdComposition
{
    public HouseholdComposition(int persons, int youngChildren = 0)
    {
        if (persons < 1) throw new DomainRuleException("Un ménage compte au moins une personne.");
        if (youngChildren < 0 || youngChildren >= persons)
            throw new DomainRuleException("Le nombre de jeunes enfants doit être inférieur au nombre de personnes du ménage.");
        Persons = persons;
        YoungChildren = youngChildren;
    }

    public int Persons { get; }
    public int YoungChildren { get; }

    /// From the members' birth dates, on the entry date.
    public static HouseholdComposition From(IEnumerable<DateOnly> birthDates, DateOnly on)
    {
        var dates = birthDates.ToList();
        var young = dates.Count(d => d <= on && d.AddYears(OccupancyStandard.YoungChildAgeLimit) > on);
        return new HouseholdComposition(dates.Count, young);
    }
}
