namespace Portal.Domain;

/// Raised when a change would break a rule of the field; the message is French and shown to the user.
/// <see cref="Field"/> names the input the rule is about (the entity's own name for it, e.g.
/// "EntryOn"), so that a page shows the message at that field without reading the message.
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// A refusal is told to the person with its reason, whoever decides it (a committee, or staff on a
/// request): one rule, one message.
public static class RefusalRule
{
    public const string ReasonRequired = "Un refus doit être motivé : indiquez le motif, il sera communiqué à la personne.";

    public static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException(ReasonRequired, "Reason") : reason.Trim();
}
