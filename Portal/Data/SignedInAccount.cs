namespace Portal.Data;

/// What the session check of a request reads of the signed-in account besides the session itself.
public sealed record SignedInAccount(string UserId, string? FullName, string? Email, int? TeamId);
