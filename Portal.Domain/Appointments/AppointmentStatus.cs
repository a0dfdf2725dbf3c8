namespace Portal.Domain.Appointments;

public enum AppointmentStatus
{
    Booked = 0,
    Honoured = 1,
    Missed = 2,
    Cancelled = 3,
}

/// What someone does to an appointment.
public enum AppointmentAction
{
    Move,
    Cancel,
    MarkHonoured,
    MarkMissed,
}

public static class AppointmentStatusText
{
    public static string Label(this AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Confirmé",
        AppointmentStatus.Honoured => "Honoré",
        AppointmentStatus.Missed => "Manqué",
        AppointmentStatus.Cancelled => "Annulé",
        _ => status.ToString(),
    };

    /// Whether the appointment still takes its worker's time (a cancelled one frees it).
    public static bool HoldsTime(this AppointmentStatus status) => status != AppointmentStatus.Cancelled;

    /// The button or link text for an action.
    public static string Label(this AppointmentAction action) => action switch
    {
        AppointmentAction.Move => "Déplacer",
        AppointmentAction.Cancel => "Annuler",
        AppointmentAction.MarkHonoured => "Marquer honoré",
        AppointmentAction.MarkMissed => "Marquer manqué",
        _ => action.ToString(),
    };
}

/// Which action is allowed from which status, and where it leads. Everything not listed is refused.
/// Time and who acts are checked on top of this by <see cref="AppointmentPolicy"/>.
public static class AppointmentStateMachine
{
    private static readonly Dictionary<(AppointmentStatus From, AppointmentAction Action), AppointmentStatus> Moves = new()
    {
        [(AppointmentStatus.Booked, AppointmentAction.Move)] = AppointmentStatus.Booked,
        [(AppointmentStatus.Booked, AppointmentAction.Cancel)] = AppointmentStatus.Cancelled,
        [(AppointmentStatus.Booked, AppointmentAction.MarkHonoured)] = AppointmentStatus.Honoured,
        [(AppointmentStatus.Booked, AppointmentAction.MarkMissed)] = AppointmentStatus.Missed,

        // Staff correct a wrong click: the person did come after all, or did not.
        [(AppointmentStatus.Honoured, AppointmentAction.MarkMissed)] = AppointmentStatus.Missed,
        [(AppointmentStatus.Missed, AppointmentAction.MarkHonoured)] = AppointmentStatus.Honoured,
    };

    public static IEnumerable<(AppointmentStatus From, AppointmentAction Action, AppointmentStatus To)> AllowedMoves =>
        Moves.Select(m => (m.Key.From, m.Key.Action, m.Value));

    public static bool CanApply(AppointmentStatus from, AppointmentAction action) => Moves.ContainsKey((from, action));

    public static AppointmentStatus Apply(AppointmentStatus from, AppointmentAction action) =>
        Moves.TryGetValue((from, action), out var to)
            ? to
            : throw new DomainRuleException($"Action impossible : un rendez-vous « {from.Label()} » ne peut pas être {ActionLabel(action)}.");

    public static IReadOnlyList<AppointmentAction> ActionsFrom(AppointmentStatus from) =>
        Moves.Keys.Where(k => k.From == from).Select(k => k.Action).ToList();

    /// Past participle used in refusals: "ne peut pas être {…}".
    public static string ActionLabel(AppointmentAction action) => action switch
    {
        AppointmentAction.Move => "déplacé",
        AppointmentAction.Cancel => "annulé",
        AppointmentAction.MarkHonoured => "marqué honoré",
        AppointmentAction.MarkMissed => "marqué manqué",
        _ => action.ToString(),
    };
}
