using Portal.Domain.Formatting;
using Portal.Domain.Housing;

namespace Portal.Domain.Support;

public enum ExitDestination
{
    AssociationStock = 0,
    OtherAssociation = 1,
    SocialLandlord = 2,
    SlidingLease = 3,
    PrivateRental = 4,
    BackToShelter = 5,
    VoluntaryDeparture = 6,
    Other = 7,
}

/// A household leaves the association's follow-up: where it goes, and everything still open for it
/// (stays, measures, aid) closes on the exit date.
public class Exit
{
    private Exit() { }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    public DateOnly ExitedOn { get; private set; }
    public ExitDestination Destination { get; private set; }
    public string? Details { get; private set; }

    /// How far ahead of the exit date it may be recorded: a month.
    public const int MonthsAhead = 1;

    /// What an exit on <paramref name="on"/> closes among the household's records. Throws, closing
    /// nothing, when the exit is more than a month after <paramref name="today"/>, or when one of the
    /// records starts after the exit date.
    public static ExitPlan Plan(long householdId, DateOnly on, DateOnly today, IEnumerable<Stay> stays, IEnumerable<SupportMeasure> measures, IEnumerable<AidGrant> grants)
    {
        if (on > today.AddMonths(MonthsAhead))
            throw new DomainRuleException("La sortie s'enregistre au plus tôt un mois avant la date prévue.", nameof(ExitedOn));
        var openStays = stays.Where(s => s.HouseholdId == householdId && s.Status == StayStatus.Active).ToList();
        var openMeasures = measures.Where(m => m.HouseholdId == householdId && m.Status == MeasureStatus.Active).ToList();
        var nextMonth = new DateOnly(on.Year, on.Month, 1).AddMonths(1);
        var grantsToStop = grants.Where(g => g.HouseholdId == householdId && g.PaidMonths().Any(m => m >= nextMonth)).ToList();

        var latestStart = openStays.Select(s => s.StartsOn).Concat(openMeasures.Select(m => m.StartsOn)).DefaultIfEmpty(on).Max();
        if (latestStart > on)
            throw new DomainRuleException($"La sortie ne peut pas précéder une entrée ou une mesure commencée le {French.Date(latestStart)}.", nameof(ExitedOn));
        return new ExitPlan(openStays, openMeasures, grantsToStop, nextMonth);
    }

    /// Records the exit and closes what <see cref="Plan"/> lists: stays end on the exit date,
    /// measures end with reason « sortie », aid stops after the exit month (that month is paid).
    public static Exit Record(
        long householdId, DateOnly on, DateOnly today, ExitDestination destination, string? details,
        IEnumerable<Stay> stays, IEnumerable<SupportMeasure> measures, IEnumerable<AidGrant> grants)
    {
        if (!Enum.IsDefined(destination)) throw new DomainRuleException("Destination de sortie inconnue.", nameof(Destination));
        if (destination == ExitDestination.Other && string.IsNullOrWhiteSpace(details))
            throw new DomainRuleException("Précisez la destination de sortie.", nameof(Details));
        var plan = Plan(householdId, on, today, stays, measures, grants);
        foreach (var stay in plan.Stays) stay.Exit(on);
        foreach (var measure in plan.Measures) measure.Close(on, MeasureEndReason.Exit);
        foreach (var grant in plan.Grants) grant.StopFrom(plan.AidStopsFrom);
        return new Exit { HouseholdId = householdId, ExitedOn = on, Destination = destination, Details = details?.Trim() };
    }
}

public sealed record ExitPlan(IReadOnlyList<Stay> Stays, IReadOnlyList<SupportMeasure> Measures, IReadOnlyList<AidGrant> Grants, DateOnly AidStopsFrom)
{
    public bool ClosesNothing => Stays.Count == 0 && Measures.Count == 0 && Grants.Count == 0;
}

public static class ExitLabels
{
    public static string Label(this ExitDestination destination) => destination switch
    {
        ExitDestination.AssociationStock => "Logement du patrimoine de l'association",
        ExitDestination.OtherAssociation => "Autre gestionnaire associatif",
        ExitDestination.SocialLandlord => "ESH / bailleur social",
        ExitDestination.SlidingLease => "Bail glissant",
        ExitDestination.PrivateRental => "Parc privé",
        ExitDestination.BackToShelter => "Retour en hébergement",
        ExitDestination.VoluntaryDeparture => "Départ volontaire",
        ExitDestination.Other => "Autre",
        _ => destination.ToString(),
    };
}
