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
