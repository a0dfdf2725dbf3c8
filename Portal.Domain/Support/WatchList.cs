using Portal.Domain.Formatting;

namespace Portal.Domain.Support;

public enum IncidentKind
{
    Death = 0,
    Assault = 1,
    HealthEmergency = 2,
    NeighbourConflict = 3,
    Damage = 4,
    Other = 5,
}

/// Veille sociale: a household in marked difficulty, followed at the monthly meeting until the flag
/// is lifted.
public class WatchListEntry
{
    private readonly List<WatchNote> _notes = [];

    private WatchListEntry() { }

    public WatchListEntry(long householdId, DateOnly flaggedOn, string flaggedById, string reason)
    {
        HouseholdId = householdId;
        FlaggedOn = flaggedOn;
        FlaggedById = flaggedById;
        Reason = string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException("Indiquez pourquoi le ménage est placé en veille.") : reason.Trim();
    }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    public DateOnly FlaggedOn { get; private set; }
    public string FlaggedById { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateOnly? LiftedOn { get; private set; }
    public string? LiftReason { get; private set; }
    public IReadOnlyList<WatchNote> Notes => _notes;

    public bool IsOpen => LiftedOn is null;

    /// What the monthly meeting said about the household.
    public WatchNote AddNote(DateOnly on, string authorId, string text)
    {
        if (!IsOpen) throw new DomainRuleException("Ce ménage n'est plus en veille.");
        if (on < FlaggedOn) throw new DomainRuleException($"La note ne peut pas précéder la mise en veille, le {French.Date(FlaggedOn)}.");
        var note = new WatchNote(on, authorId, string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException("La note est vide.") : text.Trim());
        _notes.Add(note);
        return note;
    }

    public void Lift(DateOnly on, string reason)
    {
        if (!IsOpen) throw new DomainRuleException("Ce ménage n'est plus en veille.");
        if (on < FlaggedOn) throw new DomainRuleException($"La veille ne peut pas se lever avant d'avoir commencé, le {French.Date(FlaggedOn)}.");
        LiftReason = string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException("Indiquez pourquoi la veille est levée.") : reason.Trim();
        LiftedOn = on;
    }

    /// Open entries with no note yet in the month of <paramref name="month"/>: the agenda of the monthly meeting.
    public static IEnumerable<WatchListEntry> ToReviewIn(DateOnly month, IEnumerable<WatchListEntry> entries) =>
        entries.Where(e => e.IsOpen && !e.Notes.Any(n => n.WrittenOn.Year == month.Year && n.WrittenOn.Month == month.Month))
            .OrderBy(e => e.FlaggedOn);
}

public sealed record WatchNote(DateOnly WrittenOn, string AuthorId, string Text)
{
    public long Id { get; private set; }
}

/// A crisis (death, assault…) in a residence or a household, and the follow-up given to residents
/// and staff.
public class Incident
{
    private Incident() { }

    public Incident(DateOnly occurredOn, IncidentKind kind, string description, long? householdId = null, long? residenceId = null)
    {
        if (householdId is null && residenceId is null)
            throw new DomainRuleException("Un incident concerne un ménage ou une résidence.");
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("Type d'incident inconnu.");
        OccurredOn = occurredOn;
        Kind = kind;
        Description = string.IsNullOrWhiteSpace(description) ? throw new DomainRuleException("Décrivez l'incident.") : description.Trim();
        HouseholdId = householdId;
        ResidenceId = residenceId;
    }

    public long Id { get; private set; }
    public long? HouseholdId { get; private set; }
    public long? ResidenceId { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public IncidentKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public string? FollowUp { get; private set; }
    public DateOnly? FollowUpOn { get; private set; }

    public bool AwaitsFollowUp => FollowUp is null;

    public void RecordFollowUp(DateOnly on, string followUp)
    {
        if (on < OccurredOn) throw new DomainRuleException($"Le suivi ne peut pas précéder l'incident, le {French.Date(OccurredOn)}.");
        FollowUp = string.IsNullOrWhiteSpace(followUp) ? throw new DomainRuleException("Décrivez le suivi donné.") : followUp.Trim();
        FollowUpOn = on;
    }
}

public static class WatchListLabels
{
    public static string Label(this IncidentKind kind) => kind switch
    {
        IncidentKind.Death => "Décès",
        IncidentKind.Assault => "Agression",
        IncidentKind.HealthEmergency => "Urgence de santé",
        IncidentKind.NeighbourConflict => "Conflit de voisinage",
        IncidentKind.Damage => "Dégradation",
        IncidentKind.Other => "Autre",
        _ => kind.ToString(),
    };
}
