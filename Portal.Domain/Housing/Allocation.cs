using Portal.Domain.Formatting;

namespace Portal.Domain.Housing;

/// Whether a dwelling can be allocated to a household from an entry date.
public static class Allocation
{
    /// Null when the allocation is possible, else the French reason. <paramref name="occupations"/>
    /// are the stays known for the dwelling (others are ignored).
    public static string? Problem(Dwelling dwelling, HouseholdComposition household, DateOnly entryOn, IEnumerable<Occupation> occupations)
    {
        var entry = new Occupation(dwelling.Id, entryOn, null);
        var clash = occupations.Where(o => o.Overlaps(entry)).OrderBy(o => o.From).FirstOrDefault();
        if (clash != default)
        {
            if (clash.From > entryOn)
                return $"Le logement {dwelling.Label} est déjà attribué à partir du {French.Date(clash.From)}.";
            return clash.Until is { } until
                ? $"Le logement {dwelling.Label} est occupé jusqu'au {French.Date(until)} : il n'est pas libre le {French.Date(entryOn)}."
                : $"Le logement {dwelling.Label} est occupé le {French.Date(entryOn)} : enregistrez d'abord la sortie du ménage en place.";
        }

        var max = OccupancyStandard.MaxOccupants(dwelling.Typology, household.YoungChildren);
        if (household.Persons > max)
            return $"Le logement {dwelling.Label} ({dwelling.Typology.Label()}) accueille au plus {max} personnes : le ménage en compte {household.Persons}.";

        return null;
    }

    public static void Ensure(Dwelling dwelling, HouseholdComposition household, DateOnly entryOn, IEnumerable<Occupation> occupations)
    {
        if (Problem(dwelling, household, entryOn, occupations) is { } problem) throw new DomainRuleException(problem);
    }
}
