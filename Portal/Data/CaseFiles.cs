using Portal.Domain.Requests;

namespace Portal.Data;

/// Who opened or changed what: every opening of a household file lands here. Admins read it.
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    /// Short French description: "Ouverture du dossier", "Lecture d'une note confidentielle"…
    public string Action { get; set; } = "";
    public long? HouseholdId { get; set; }
    public string? Detail { get; set; }
}

/// A member of a committee: a staff account, or a partner known by name and organisation.
public class CommitteeMember
{
    public long Id { get; set; }
    public long CommitteeId { get; set; }
    public string? UserId { get; set; }
    public PortalUser? User { get; set; }
    public string Name { get; set; } = "";
    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public bool IsActive { get; set; } = true;
}

/// A member present at a session (for the minutes).
public class CommitteeAttendance
{
    public long CommitteeSessionId { get; set; }
    public long CommitteeMemberId { get; set; }
    public CommitteeMember? Member { get; set; }
}

/// One collective workshop session ("Mon logement et moi", économies d'énergie…): a theme, a
/// place, a time and a number of seats. Registrations go through the domain's WorkshopSession.
public class Workshop
{
    public long Id { get; set; }
    public string Theme { get; set; } = "";
    public string? Description { get; set; }
    public int PlaceId { get; set; }
    public Place? Place { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public int DurationMinutes { get; set; }
    public int Seats { get; set; }
    /// The worker who leads it and records attendance.
    public string LeaderId { get; set; } = "";
    public PortalUser? Leader { get; set; }
    public int? TeamId { get; set; }
    public bool IsCancelled { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// Bumped by every change to the registrations: two people taking the last seat at once, the
    /// second save fails and is retried on fresh data.
    public int Version { get; set; }
    public List<WorkshopSignup> Signups { get; set; } = [];

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);
}

/// One person's line in a workshop session (one per person and session): a resident account, a
/// person of a household file (added by staff, with or without an account), or both.
public class WorkshopSignup
{
    public long Id { get; set; }
    public long WorkshopId { get; set; }
    /// The resident account, when the person has one.
    public string? PersonId { get; set; }
    public PortalUser? Person { get; set; }
    /// The person of a household file, when staff added them.
    public long? HouseholdPersonId { get; set; }
    public HouseholdPerson? HouseholdPerson { get; set; }
    public Portal.Domain.Appointments.RegistrationStatus Status { get; set; }
    public DateTime JoinedAtUtc { get; set; }
    public DateTime? OfferExpiresAtUtc { get; set; }
    public bool? Attended { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// Who the line is for in the domain's <see cref="Portal.Domain.Appointments.WorkshopSession"/>.
    public string ParticipantKey => Portal.Domain.Appointments.ParticipantKeys.Of(PersonId, HouseholdPersonId);
}
