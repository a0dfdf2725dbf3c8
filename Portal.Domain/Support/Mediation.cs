namespace Portal.Domain.Support;

/// What a landlord–tenant mediation is about (seed 004: arrears, neighbourhood, upkeep).
public enum MediationIssue
{
    RentArrears = 0,
    Neighbourhood = 1,
    Upkeep = 2,
    Other = 3,
}

/// How a mediation ended.
public enum MediationOutcome
{
    /// The landlord and the household agreed (amicable settlement).
    Agreement = 0,
    /// Arrears to be paid back on a schedule (plan d'apurement).
    RepaymentPlan = 1,
    /// Handed to a partner better placed (FSL, CCAS, commission de prévention des expulsions…).
    Referral = 2,
    Failure = 3,
    /// One side withdrew before an outcome.
    Withdrawn = 4,
}

public static class MediationLabels
{
    public static string Label(this MediationIssue issue) => issue switch
    {
        MediationIssue.RentArrears => "Impayés de loyer",
        MediationIssue.Neighbourhood => "Troubles de voisinage",
        MediationIssue.Upkeep => "Entretien du logement",
        MediationIssue.Other => "Autre motif",
        _ => issue.ToString(),
    };

    public static string Label(this MediationOutcome outcome) => outcome switch
    {
        MediationOutcome.Agreement => "Accord amiable",
        MediationOutcome.RepaymentPlan => "Plan d'apurement",
        MediationOutcome.Referral => "Orientation vers un partenaire",
        MediationOutcome.Failure => "Échec",
        MediationOutcome.Withdrawn => "Abandon par l'une des parties",
        _ => outcome.ToString(),
    };
}

/// A landlord–tenant mediation (« médiation bailleur-locataire »): the association stands between
/// a household and its landlord about an issue, from a start date to an outcome.
public class Mediation
{
    public const int MaxText = 2000;

    private Mediation() { }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    /// The landlord's name as the documents and reports show it.
    public string Landlord { get; private set; } = "";
    /// The landlord among the household's partners, when it is one.
    public long? LandlordPartnerId { get; private set; }
    public MediationIssue Issue { get; private set; }
    public string? Details { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public MediationOutcome? Outcome { get; private set; }
    public string? OutcomeDetails { get; private set; }

    public bool IsOpen => Outcome is null;

    public static Mediation Open(long householdId, string landlord, long? landlordPartnerId, MediationIssue issue, string? details, DateOnly startedOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(landlord))
            throw new DomainRuleException("Indiquez le bailleur : choisissez-le parmi les partenaires du ménage ou écrivez son nom.", nameof(Landlord));
        if (!Enum.IsDefined(issue)) throw new DomainRuleException("Choisissez le motif de la médiation.", nameof(Issue));
        if (issue == MediationIssue.Other && string.IsNullOrWhiteSpace(details))
            throw new DomainRuleException("Précisez le motif de la médiation.", nameof(Details));
        if (startedOn > today) throw new DomainRuleException("La médiation ne peut pas commencer dans le futur.", nameof(StartedOn));
        return new Mediation
        {
            HouseholdId = householdId,
            Landlord = landlord.Trim(),
            LandlordPartnerId = landlordPartnerId,
            Issue = issue,
            Details = Clean(details),
            StartedOn = startedOn,
        };
    }

    /// Records how the mediation ended; it is then closed.
    public void Close(MediationOutcome outcome, DateOnly endedOn, string? details, DateOnly today)
    {
        if (!IsOpen) throw new DomainRuleException("Cette médiation est déjà close.");
        if (!Enum.IsDefined(outcome)) throw new DomainRuleException("Choisissez l'issue de la médiation.", nameof(Outcome));
        if (endedOn < StartedOn) throw new DomainRuleException("La fin ne peut pas précéder le début de la médiation.", nameof(EndedOn));
        if (endedOn > today) throw new DomainRuleException("La fin ne peut pas être dans le futur.", nameof(EndedOn));
        if (outcome is MediationOutcome.Referral && string.IsNullOrWhiteSpace(details))
            throw new DomainRuleException("Précisez vers quel partenaire le ménage est orienté.", nameof(OutcomeDetails));
        Outcome = outcome;
        EndedOn = endedOn;
        OutcomeDetails = Clean(details);
    }

    /// Whether the mediation ran at some time during [from, to].
    public bool RanDuring(DateOnly from, DateOnly to) => StartedOn <= to && (EndedOn is null || EndedOn >= from);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
