namespace Portal.Domain;

/// Raised when a change would break a rule of the field; the message is French and shown to the user.
public sealed class DomainRuleException(string message) : Exception(message);
