namespace Portal.Domain.Appointments;

/// What the reminder job needs to know about an appointment. ChangedAtUtc is when it was booked or
/// last moved (a move resets ReminderSentAtUtc: the new time deserves its own reminder).
public sealed record ReminderCandidate(long AppointmentId, DateTime StartUtc, AppointmentStatus Status, DateTime ChangedAtUtc, DateTime? ReminderSentAtUtc);

/// The reminder sent before an appointment (48 h by default), chosen by a recurring job.
public static class Reminders
{
    /// Due when still booked, not yet reminded, starting in the future and within the lead
    /// (exactly 48 h ahead counts). An appointment booked or moved when it was already within the
    /// lead gets none: its confirmation, sent minutes ago, says the same thing.
    public static bool IsDue(ReminderCandidate c, DateTime nowUtc, AppointmentPolicy policy) =>
        c.Status == AppointmentStatus.Booked
        && c.ReminderSentAtUtc is null
        && c.StartUtc > nowUtc
        && c.StartUtc - nowUtc <= policy.ReminderLead
        && c.StartUtc - c.ChangedAtUtc > policy.ReminderLead;

    public static IReadOnlyList<ReminderCandidate> Due(IEnumerable<ReminderCandidate> candidates, DateTime nowUtc, AppointmentPolicy policy) =>
        candidates.Where(c => IsDue(c, nowUtc, policy)).OrderBy(c => c.StartUtc).ToList();

    /// Appointments starting up to this instant are worth loading (the database pre-filter).
    public static DateTime WindowEnd(DateTime nowUtc, AppointmentPolicy policy) => nowUtc + policy.ReminderLead;
}
