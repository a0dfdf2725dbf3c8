using Portal.Domain.Workshops;

namespace Portal.Workshops;

/// The badge colours of a registration and of an attendance, for residents and staff alike.
public static class WorkshopBadges
{
    public static string CssClass(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "badge badge-done",
        RegistrationStatus.Waiting => "badge badge-pending",
        RegistrationStatus.Offered => "badge badge-running",
        _ => "badge",
    };

    public static string AttendanceClass(bool? attended) => attended switch
    {
        true => "badge badge-done",
        false => "badge badge-failed",
        null => "badge",
    };
}
