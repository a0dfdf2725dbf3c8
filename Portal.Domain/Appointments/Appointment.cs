namespace Portal.Domain.Appointments;

/// A person's appointment with a worker, at a place, for a motif (all kept by id: accounts, places
/// and motifs live outside the domain). Status only changes through <see cref="Apply"/>, which asks
/// <see cref="AppointmentPolicy"/>.
public class Appointment
{
    private Appointment() { }

    public long Id { get; private set; }
    public string WorkerId { get; private set; } = "";
    public int PlaceId { get; private set; }
    public int MotifId { get; private set; }
    /// The resident the appointment is for.
    public string PersonId { get; private set; } = "";
    public long? HousingRequestId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public int DurationMinutes { get; private set; }
    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Booked;
    public DateTime CreatedAtUtc { get; private set; }
    /// When it was booked or last moved (the reminder rule needs it).
    public DateTime ChangedAtUtc { get; private set; }
    public DateTime? ReminderSentAtUtc { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string? Notes { get; private set; }

    public DateTime EndUtc => StartUtc.AddMinutes(DurationMinutes);

    /// Books a slot already checked with <see cref="Availability.EnsureOffered"/> (the database's
    /// unique slot index refuses a second booking made at the same instant).
    public static Appointment Book(string personId, string workerId, int placeId, int motifId, TimeSpan duration, DateTime startUtc,
        string createdById, DateTime nowUtc, string? notes = null, long? housingRequestId = null)
    {
        if (duration <= TimeSpan.Zero) throw new DomainRuleException("La durée d'un rendez-vous doit être positive.", "DurationMinutes");
        if (string.IsNullOrEmpty(personId)) throw new DomainRuleException("Choisissez la personne.", "PersonId");
        if (string.IsNullOrEmpty(workerId)) throw new DomainRuleException("Choisissez l'agenda.", "WorkerId");
        return new Appointment
        {
            PersonId = personId, WorkerId = workerId, PlaceId = placeId, MotifId = motifId, StartUtc = startUtc,
            DurationMinutes = (int)Math.Ceiling(duration.TotalMinutes), CreatedAtUtc = nowUtc, ChangedAtUtc = nowUtc,
            CreatedById = createdById, Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), HousingRequestId = housingRequestId,
        };
    }

    public void Apply(AppointmentAction action, Actor actor, DateTime nowUtc, AppointmentPolicy policy)
    {
        Status = policy.Apply(Status, StartUtc, action, actor, nowUtc);
        if (action is AppointmentAction.Move or AppointmentAction.Cancel) ChangedAtUtc = nowUtc;
    }

    /// Moves to a slot already checked with <see cref="Availability.EnsureOffered"/>.
    public void MoveTo(string workerId, int placeId, DateTime startUtc, Actor actor, DateTime nowUtc, AppointmentPolicy policy)
    {
        Apply(AppointmentAction.Move, actor, nowUtc, policy);
        WorkerId = workerId;
        PlaceId = placeId;
        StartUtc = startUtc;
        ReminderSentAtUtc = null;
    }

    /// The reminder is sent once per time: only for a booked appointment not reminded since it was
    /// booked or moved.
    public void MarkReminded(DateTime nowUtc)
    {
        if (Status != AppointmentStatus.Booked) throw new DomainRuleException("Seul un rendez-vous confirmé fait l'objet d'un rappel.");
        if (ReminderSentAtUtc is not null) throw new DomainRuleException("Le rappel de ce rendez-vous est déjà envoyé.");
        ReminderSentAtUtc = nowUtc;
    }

    /// The request this appointment is about, or none (null when the request is erased).
    public void LinkRequest(long? housingRequestId) => HousingRequestId = housingRequestId;
}
