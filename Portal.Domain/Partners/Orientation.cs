using Portal.Domain.Formatting;
using Portal.Domain.Support;

namespace Portal.Domain.Partners;

/// How the person said yes to being oriented: the partner records it, the association keeps it.
public enum ConsentMethod
{
    SignedForm = 0,
    Oral = 1,
    Email = 2,
}

/// How soon the partner needs an answer.
public enum OrientationUrgency
{
    Ordinary = 0,
    Priority = 1,
    Urgent = 2,
}

public enum SiaoValidationStatus
{
    Pending = 0,
    Validated = 1,
    Refused = 2,
}

public static class PartnerLabels
{
    public static string Label(this ConsentMethod method) => method switch
    {
        ConsentMethod.SignedForm => "Accord écrit et signé",
        ConsentMethod.Oral => "Accord oral, en entretien",
        ConsentMethod.Email => "Accord par courriel",
        _ => method.ToString(),
    };

    public static string Label(this OrientationUrgency urgency) => urgency switch
    {
        OrientationUrgency.Ordinary => "Ordinaire",
        OrientationUrgency.Priority => "Prioritaire",
        OrientationUrgency.Urgent => "Urgente",
        _ => urgency.ToString(),
    };

    public static string Label(this SiaoValidationStatus status) => status switch
    {
        SiaoValidationStatus.Pending => "En attente du SIAO",
        SiaoValidationStatus.Validated => "Validée par le SIAO",
        SiaoValidationStatus.Refused => "Refusée par le SIAO",
        _ => status.ToString(),
    };
}

/// The rules a partner's orientation follows before it reaches the association.
public static class OrientationRules
{
    public const string ConsentRequired = "Indiquez comment la personne a donné son accord : sans son consentement, l'orientation ne peut pas être envoyée.";
    public const string ConsentDateRequired = "Indiquez la date à laquelle la personne a donné son accord.";

    /// Null when the consent is recorded well enough to send, else the French reason and its field.
    public static (string Field, string Message)? ConsentProblem(ConsentMethod? method, DateOnly? givenOn, bool confirmed, DateOnly today)
    {
        if (method is null || !Enum.IsDefined(method.Value)) return ("ConsentMethod", ConsentRequired);
        if (givenOn is null) return ("ConsentGivenOn", ConsentDateRequired);
        if (givenOn > today) return ("ConsentGivenOn", "La date de l'accord ne peut pas être dans le futur.");
        if (givenOn < today.AddYears(-1)) return ("ConsentGivenOn", $"Un accord de plus d'un an ({French.Date(givenOn.Value)}) doit être renouvelé avec la personne.");
        if (!confirmed) return ("ConsentConfirmed", "Cochez la case pour attester que la personne a été informée et a donné son accord.");
        return null;
    }
}

/// IML « sortie de structures » (seed 003): candidates are validated by the SIAO before the
/// association proposes them; the measure cannot open without that validation.
public static class SiaoRule
{
    public const string ValidationRequired =
        "Une mesure IML ne peut s'ouvrir qu'après la validation du SIAO : demandez-la depuis la demande ou le dossier, puis attendez sa réponse.";

    public static void RequireFor(SupportKind kind, SiaoValidationStatus? validation, string field = "Kind")
    {
        if (kind != SupportKind.Iml) return;
        if (validation == SiaoValidationStatus.Validated) return;
        throw new DomainRuleException(validation == SiaoValidationStatus.Refused
            ? "Le SIAO a refusé cette candidature : une mesure IML ne peut pas s'ouvrir."
            : ValidationRequired, field);
    }

    /// The SIAO's answer: once, and a refusal says why.
    public static SiaoValidationStatus Decide(SiaoValidationStatus current, bool validate, string? note)
    {
        if (current != SiaoValidationStatus.Pending)
            throw new DomainRuleException("Le SIAO a déjà répondu à cette demande de validation.");
        if (!validate && string.IsNullOrWhiteSpace(note))
            throw new DomainRuleException("Indiquez le motif du refus : il est transmis à l'association.", "Note");
        return validate ? SiaoValidationStatus.Validated : SiaoValidationStatus.Refused;
    }
}
