using Portal.Domain.Requests;

namespace Portal.Data;

public enum HouseholdStatus
{
    /// Followed by the association (in a dwelling, under a measure, or waiting for one).
    Active = 0,
    /// The exit is recorded: the file is kept read-mostly for history and the yearly report.
    Exited = 1,
}

public enum PartnerKind
{
    Ccas = 0,
    Caf = 1,
    DepartmentalCouncil = 2,
    Siao = 3,
    MissionLocale = 4,
    Landlord = 5,
    Health = 6,
    Justice = 7,
    Other = 8,
}

public enum JournalKind
{
    Interview = 0,
    HomeVisit = 1,
    PhoneCall = 2,
    PartnerStep = 3,
    Note = 4,
    Appointment = 5,
    Mediation = 6,
}

public static class CaseFileLabels
{
    public static string Label(this HouseholdStatus status) => status switch
    {
        HouseholdStatus.Active => "Suivi en cours",
        HouseholdStatus.Exited => "Sorti",
        _ => status.ToString(),
    };

    public static string Label(this PartnerKind kind) => kind switch
    {
        PartnerKind.Ccas => "CCAS",
        PartnerKind.Caf => "CAF",
        PartnerKind.DepartmentalCouncil => "Conseil départemental",
        PartnerKind.Siao => "SIAO",
        PartnerKind.MissionLocale => "Mission locale",
        PartnerKind.Landlord => "Bailleur",
        PartnerKind.Health => "Santé (CMP, médecin, PASS)",
        PartnerKind.Justice => "Justice (SPIP, PJJ)",
        PartnerKind.Other => "Autre partenaire",
        _ => kind.ToString(),
    };

    public static string Label(this JournalKind kind) => kind switch
    {
        JournalKind.Interview => "Entretien",
        JournalKind.HomeVisit => "Visite à domicile",
        JournalKind.PhoneCall => "Appel téléphonique",
        JournalKind.PartnerStep => "Démarche avec un partenaire",
        JournalKind.Note => "Note",
        JournalKind.Appointment => "Rendez-vous honoré",
        JournalKind.Mediation => "Médiation bailleur-locataire",
        _ => kind.ToString(),
    };
}

/// A household followed by the association: created from an accepted housing request or directly
/// by staff. The referent is the worker who proposed it to the committee; the team decides who may
/// open the file (see CaseFiles.HouseholdAccess).
public class Household
{
    public long Id { get; set; }
    /// Display name, "DURAND Marie" style (head of household), and its accent-free upper-case key.
    public string Name { get; set; } = "";
    public string SearchName { get; set; } = "";
    public HouseholdStatus Status { get; set; } = HouseholdStatus.Active;

    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public string? ReferentId { get; set; }
    public PortalUser? Referent { get; set; }
    /// The request the household came from, when it applied online.
    public long? HousingRequestId { get; set; }
    public HousingRequest? HousingRequest { get; set; }
    /// The person's own account (the applicant), so that their space shows what is shared with them.
    public string? ResidentId { get; set; }
    public PortalUser? Resident { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Town { get; set; }

    public CurrentSituation? Situation { get; set; }
    public string? SituationDetails { get; set; }
    public TargetGroups TargetGroups { get; set; }
    public bool IsDalo { get; set; }
    public bool IsSingleParent { get; set; }
    /// Rent and charges paid where the household lives when it is not in one of our dwellings.
    public decimal? CurrentRent { get; set; }
    public decimal? CurrentCharges { get; set; }

    public DateOnly? ExitedOn { get; set; }
    /// Set by the retention purge once the file no longer names anyone (see RetentionPolicy).
    public DateTime? AnonymisedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// Bumped by every change: two people editing the same file at once, the second is told.
    public int Version { get; set; }

    public List<HouseholdPerson> Persons { get; set; } = [];
    public List<HouseholdIncome> Incomes { get; set; } = [];
    public List<HouseholdPartner> Partners { get; set; } = [];
    public List<JournalEntry> Journal { get; set; } = [];

    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}

public class HouseholdPerson
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public Relationship Relationship { get; set; }
    /// Madame or Monsieur, for the documents (« Madame Fatou KONATE »); null when not recorded.
    public Civility? Civility { get; set; }
    public int Position { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}

public class HouseholdIncome
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public long? HouseholdPersonId { get; set; }
    public HouseholdPerson? Person { get; set; }
    public IncomeKind Kind { get; set; }
    public decimal MonthlyAmount { get; set; }
}

/// A partner involved with the household: CCAS, CAF, Conseil départemental, SIAO…
public class HouseholdPartner
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public PartnerKind Kind { get; set; }
    public string Organisation { get; set; } = "";
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
}

/// One line of the household's journal. A confidential entry's text is shown only to the referent
/// and managers; others see that an entry exists, by whom and when.
public class JournalEntry
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public JournalKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public bool IsConfidential { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// The honoured appointment this entry was written from, when it was.
    public long? AppointmentId { get; set; }
}

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
