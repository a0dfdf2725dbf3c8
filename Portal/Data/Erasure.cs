namespace Portal.Data;

public enum ErasureStatus
{
    Pending = 0,
    Applied = 1,
    Refused = 2,
    Withdrawn = 3,
}

/// A person's request to erase their data (GDPR art. 17), decided by a manager. Once applied the
/// row no longer points to the person (their account is gone): it stays as the proof that the
/// request was received and answered, with dates and what was done, and without a name.
public class ErasureRequest
{
    public long Id { get; set; }
    /// The account that asked; null once erased.
    public string? UserId { get; set; }
    public PortalUser? User { get; set; }
    public ErasureStatus Status { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    /// What the person wrote with their request, if anything; cleared when it is applied.
    public string? Message { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    /// Why a manager refused, as the person reads it.
    public string? RefusalReason { get; set; }
    /// What was erased and what was kept, in counts, without a name (filled when applied).
    public string? Outcome { get; set; }
}
