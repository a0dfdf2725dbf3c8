namespace Portal.Domain.Support;

/// Axes d'intervention prioritaires of an action plan.
public enum ActionArea
{
    Budget = 0,
    SocialBenefits = 1,
    RentPayment = 2,
    EvictionPrevention = 3,
    RightsAccess = 4,
    HealthAccess = 5,
    SocialAndWorkInsertion = 6,
    HousingSkills = 7,
    Rehousing = 8,
}

public enum AxisStatus
{
    ToStart = 0,
    InProgress = 1,
    Achieved = 2,
    Abandoned = 3,
}

public static class ActionPlanLabels
{
    public static string Label(this ActionArea area) => area switch
    {
        ActionArea.Budget => "Gestion du budget",
        ActionArea.SocialBenefits => "Prestations sociales",
        ActionArea.RentPayment => "Paiement du loyer",
        ActionArea.EvictionPrevention => "Prévention des expulsions",
        ActionArea.RightsAccess => "Accès et maintien des droits",
        ActionArea.HealthAccess => "Accès aux soins",
        ActionArea.SocialAndWorkInsertion => "Insertion sociale et professionnelle",
        ActionArea.HousingSkills => "Savoir habiter",
        ActionArea.Rehousing => "Relogement",
        _ => area.ToString(),
    };

    public static string Label(this AxisStatus status) => status switch
    {
        AxisStatus.ToStart => "À engager",
        AxisStatus.InProgress => "En cours",
        AxisStatus.Achieved => "Atteint",
        AxisStatus.Abandoned => "Abandonné",
        _ => status.ToString(),
    };
}

/// One axis of a measure's action plan: what the household and the worker aim at, how, and where
/// it stands. An axis that is achieved or abandoned can be taken up again (back to « en cours »).
public class ActionAxis
{
    private readonly List<AxisNote> _notes = [];

    private ActionAxis() { }

    internal ActionAxis(ActionArea area, string objective, string? actions)
    {
        Area = area;
        Objective = RequiredText(objective, "L'objectif de l'axe est obligatoire.");
        Actions = actions?.Trim() ?? "";
        Status = AxisStatus.ToStart;
    }

    public long Id { get; private set; }
    public long SupportMeasureId { get; private set; }
    public ActionArea Area { get; private set; }
    public string Objective { get; private set; } = "";
    public string Actions { get; private set; } = "";
    public AxisStatus Status { get; private set; }
    public IReadOnlyList<AxisNote> Notes => _notes;

    public void Rewrite(string objective, string? actions)
    {
        Objective = RequiredText(objective, "L'objectif de l'axe est obligatoire.");
        Actions = actions?.Trim() ?? "";
    }

    public void MoveTo(AxisStatus status)
    {
        if (!Enum.IsDefined(status)) throw new DomainRuleException("Statut inconnu.");
        if (status == AxisStatus.ToStart && Status != AxisStatus.ToStart)
            throw new DomainRuleException($"Un axe « {Status.Label()} » ne peut pas revenir « {AxisStatus.ToStart.Label()} ».");
        Status = status;
    }

    public AxisNote AddNote(DateOnly writtenOn, string authorId, string text)
    {
        var note = new AxisNote(writtenOn, authorId, RequiredText(text, "La note est vide."));
        _notes.Add(note);
        return note;
    }

    internal static string RequiredText(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException(message) : text.Trim();
}

public sealed record AxisNote(DateOnly WrittenOn, string AuthorId, string Text)
{
    public long Id { get; private set; }
}
