using Portal.Domain.Appointments;

namespace Portal.Tests.Domain.Appointments;

public class ReminderTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly AppointmentPolicy Policy = AppointmentPolicy.Default;
    private static readonly DateTime BookedLongAgo = Now.AddDays(-10);

    private static ReminderCandidate Candidate(long id, double hoursAhead, AppointmentStatus status = AppointmentStatus.Booked, DateTime? changedAt = null, DateTime? remindedAt = null) =>
        new(id, Now.AddHours(hoursAhead), status, changedAt ?? BookedLongAgo, remindedAt);

    [Fact]
    public void Booked_appointments_starting_within_48_hours_and_not_yet_reminded_are_due()
    {
        var due = Reminders.Due(
        [
            Candidate(1, 30),
            Candidate(2, 48),                                           // exactly 48 h ahead: due
            Candidate(3, 48.01),                                        // not yet
            Candidate(4, 5),
            Candidate(5, 20, remindedAt: Now.AddHours(-10)),            // already reminded
            Candidate(6, 20, AppointmentStatus.Cancelled),
            Candidate(7, -1),                                           // already started
            Candidate(8, 0),                                            // starting now
            Candidate(9, 20, AppointmentStatus.Honoured),
        ], Now, Policy);

        Assert.Equal([4L, 1, 2], due.Select(c => c.AppointmentId));
    }

    [Fact]
    public void An_appointment_booked_inside_the_window_gets_no_reminder_its_confirmation_is_enough()
    {
        Assert.False(Reminders.IsDue(Candidate(1, 30, changedAt: Now.AddHours(-2)), Now, Policy));
        // Booked just over 48 h before its start: the reminder goes.
        Assert.True(Reminders.IsDue(Candidate(1, 30, changedAt: Now.AddHours(-18.5)), Now, Policy));
    }

    [Fact]
    public void The_database_prefilter_ends_48_hours_ahead() =>
        Assert.Equal(Now.AddHours(48), Reminders.WindowEnd(Now, Policy));
}

public class CancellationLinkTests
{
    private static readonly DateTime Start = new(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc);
    private static readonly AppointmentPolicy Policy = AppointmentPolicy.Default;

    [Fact]
    public void The_link_lives_until_the_change_limit() =>
        Assert.Equal(Start.AddHours(-24), CancellationLink.ExpiresAtUtc(Start, Policy));

    [Fact]
    public void A_link_for_a_booked_appointment_at_its_time_is_valid_until_the_limit()
    {
        Assert.Equal(CancellationLinkState.Valid, CancellationLink.Check(Start, AppointmentStatus.Booked, Start, Start.AddDays(-3), Policy));
        Assert.Equal(CancellationLinkState.Valid, CancellationLink.Check(Start, AppointmentStatus.Booked, Start, Start.AddHours(-24), Policy));
        Assert.Equal(CancellationLinkState.Expired, CancellationLink.Check(Start, AppointmentStatus.Booked, Start, Start.AddHours(-23), Policy));
    }

    [Fact]
    public void A_link_serves_once_the_appointment_is_cancelled_it_finds_nothing() =>
        Assert.Equal(CancellationLinkState.NoLongerBooked, CancellationLink.Check(Start, AppointmentStatus.Cancelled, Start, Start.AddDays(-3), Policy));

    [Fact]
    public void A_link_from_before_a_move_no_longer_works() =>
        Assert.Equal(CancellationLinkState.Superseded, CancellationLink.Check(Start, AppointmentStatus.Booked, Start.AddDays(1), Start.AddDays(-3), Policy));

    [Fact]
    public void Every_state_explains_itself_in_french()
    {
        foreach (var state in Enum.GetValues<CancellationLinkState>())
            Assert.NotEqual(state.ToString(), state.Message(Policy));
        Assert.Contains("24 heures", CancellationLinkState.Expired.Message(Policy));
    }
}
