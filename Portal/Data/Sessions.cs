namespace Portal.Data;

/// One signed-in browser of an account. The auth cookie carries the session's id; a cookie whose
/// session row is gone is refused on its next request, so ending a session takes effect at once.
public class UserSession
{
    /// Random, unguessable (the cookie is also signed): 32 hex characters.
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public PortalUser? User { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime LastSeenAtUtc { get; set; }
    /// The browser's User-Agent as sent, cut to 400 characters; shown as "browser on system".
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }
}
