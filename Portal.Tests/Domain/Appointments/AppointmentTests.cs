using Portal.Domain;
using Portal.Domain.Appointments;

namespace Portal.Tests.Domain.Appointments;

public class AppointmentTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_reminder_goes_once_per_time_and_a_move_calls_for_a_new_one()
    {
        var a = Appointment.Book("person", "worker", 1, 2, TimeSpan.FromMinutes(45), Now.AddDays(3), "person", Now, "  ");
        Assert.Null(a.Notes);
        Assert.Equal(Now.AddDays(3).AddMinutes(45), a.EndUtc);
        a.MarkReminded(Now.AddDays(1));
        Assert.Throws<DomainRuleException>(() => a.MarkReminded(Now.AddDays(1)));

        a.MoveTo("worker", 1, Now.AddDays(5), Actor.Staff, Now.AddDays(2), AppointmentPolicy.Default);
        Assert.Null(a.ReminderSentAtUtc);
        Assert.Equal(Now.AddDays(2), a.ChangedAtUtc);

        a.Apply(AppointmentAction.Cancel, Actor.Staff, Now.AddDays(2), AppointmentPolicy.Default);
        Assert.Throws<DomainRuleException>(() => a.MarkReminded(Now.AddDays(4)));
    }

    [Fact]
    public void An_appointment_has_a_length()
    {
        var e = Assert.Throws<DomainRuleException>(() => Appointment.Book("person", "worker", 1, 2, TimeSpan.Zero, Now, "person", Now));
        Assert.Equal("DurationMinutes", e.Field);
    }
}
