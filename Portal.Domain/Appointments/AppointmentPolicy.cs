using System.Globalization;

namespace Portal.Domain.Appointments;

/// The association's settings for appointments and the rules that use them.
public sealed record AppointmentPolicy
{
    public static readonly TimeSpan DefaultChangeLimit = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultMinimumNotice = TimeSpan.FromHours(2);
    public static readonly TimeSpan DefaultReminderLead = TimeSpan.FromHours(48);

    public static AppointmentPolicy Default { get; } = new();

    /// A person may move or cancel online until this long before the start (exactly this long
    /// before is still allowed: « jusqu'à 24 heures avant »). Staff are not held by it.
    public TimeSpan ChangeLimit
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new DomainRuleException("Le délai de modification ne peut pas être négatif.");
    } = DefaultChangeLimit;

    /// A slot is offered only if it starts at least this long after now.
    public TimeSpan MinimumNotice
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new DomainRuleException("Le délai de prévenance ne peut pas être négatif.");
    } = DefaultMinimumNotice;

    /// The reminder goes out this long before the start.
    public TimeSpan ReminderLead
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new DomainRuleException("Le délai du rappel doit être positif.");
    } = DefaultReminderLead;

    /// The last instant a person may still move or cancel online.
    public DateTime ChangeDeadline(DateTime appointmentStartUtc) => appointmentStartUtc - ChangeLimit;

    public bool CanChange(DateTime appointmentStartUtc, DateTime nowUtc) => nowUtc <= ChangeDeadline(appointmentStartUtc);

    /// The search for slots with this policy's notice.
    public SlotSearch Search(DateOnly firstDay, DateOnly lastDay, TimeSpan duration, DateTime nowUtc) =>
        new(firstDay, lastDay, duration, nowUtc) { MinimumNotice = MinimumNotice };

    /// Null when the action is allowed, else the French reason.
    public string? Refusal(AppointmentStatus status, DateTime startUtc, AppointmentAction action, Actor actor, DateTime nowUtc)
    {
        if (!AppointmentStateMachine.CanApply(status, action))
            return $"Action impossible : un rendez-vous « {status.Label()} » ne peut pas être {AppointmentStateMachine.ActionLabel(action)}.";

        var started = nowUtc >= startUtc;
        switch (action)
        {
            case AppointmentAction.Move or AppointmentAction.Cancel:
                if (started)
                    return $"Ce rendez-vous a commencé : il ne peut plus être {AppointmentStateMachine.ActionLabel(action)}.";
                if (actor == Actor.Resident && !CanChange(startUtc, nowUtc))
                    return $"Un rendez-vous ne peut plus être {AppointmentStateMachine.ActionLabel(action)} en ligne moins de {LimitText} avant son heure. Appelez l'association.";
                return null;
            case AppointmentAction.MarkHonoured or AppointmentAction.MarkMissed:
                if (actor != Actor.Staff)
                    return "Seule l'équipe de l'association indique si un rendez-vous a été honoré ou manqué.";
                if (!started)
                    return $"Un rendez-vous ne peut pas être {AppointmentStateMachine.ActionLabel(action)} avant son heure de début.";
                return null;
            default:
                return null;
        }
    }

    public bool Allows(AppointmentStatus status, DateTime startUtc, AppointmentAction action, Actor actor, DateTime nowUtc) =>
        Refusal(status, startUtc, action, actor, nowUtc) is null;

    /// The status after the action; throws <see cref="DomainRuleException"/> when refused. Moving
    /// keeps the status: the caller also checks the new slot (<see cref="Availability.EnsureOffered"/>
    /// with <see cref="SlotSearch.IgnoringAppointmentId"/>) and resets the reminder.
    public AppointmentStatus Apply(AppointmentStatus status, DateTime startUtc, AppointmentAction action, Actor actor, DateTime nowUtc) =>
        Refusal(status, startUtc, action, actor, nowUtc) is { } reason
            ? throw new DomainRuleException(reason)
            : AppointmentStateMachine.Apply(status, action);

    /// The buttons to show.
    public IReadOnlyList<AppointmentAction> ActionsFor(AppointmentStatus status, DateTime startUtc, Actor actor, DateTime nowUtc) =>
        Enum.GetValues<AppointmentAction>().Where(a => Allows(status, startUtc, a, actor, nowUtc)).ToList();

    /// "24 heures", "1 heure", "30 minutes": the limit as shown to people.
    public string LimitText => Duration(ChangeLimit);

    private static string Duration(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerHour == 0)
        {
            var hours = (long)span.TotalHours;
            return hours == 1 ? "1 heure" : $"{hours.ToString(CultureInfo.InvariantCulture)} heures";
        }
        var minutes = (long)Math.Ceiling(span.TotalMinutes);
        return minutes == 1 ? "1 minute" : $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes";
    }
}
