using Portal.Domain.Appointments;

namespace Portal.Appointments;

/// The badge colour of an appointment's status, for residents and staff alike.
public static class AppointmentBadges
{
    public static string CssClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "badge badge-running",
        AppointmentStatus.Honoured => "badge badge-done",
        AppointmentStatus.Missed => "badge badge-failed",
        _ => "badge",
    };
}
