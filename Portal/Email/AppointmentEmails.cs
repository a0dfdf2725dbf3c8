using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Domain.Formatting;

namespace Portal.Email;

/// What an appointment email says about the appointment.
public sealed record AppointmentDetails(
    long Id, string Motif, DateTime StartUtc, DateTime EndUtc, string PlaceName, string? PlaceAddress, string WorkerName)
{
    public string When => $"le {French.DateTimeLong(StartUtc)}";
    public string Where => string.IsNullOrWhiteSpace(PlaceAddress) ? PlaceName : $"{PlaceName}, {PlaceAddress}";
}

/// The French emails about appointments, and their calendar attachment.
public static class AppointmentEmails
{
    public const string CalendarFileName = "rendez-vous.ics";
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    public static EmailContent Confirmed(string? name, AppointmentDetails a, string cancelLink, string listLink) => EmailLayout.Compose(
        $"Rendez-vous confirmé {a.When}",
        name,
        [
            $"Votre rendez-vous « {a.Motif} » avec {a.WorkerName} est confirmé {a.When}.",
            $"Lieu : {a.Where}.",
            "Le rendez-vous est joint à ce message : ouvrez la pièce jointe pour l'ajouter à votre agenda.",
        ],
        ("Voir mes rendez-vous", listLink),
        CancelLines(cancelLink));

    public static EmailContent Moved(string? name, AppointmentDetails a, string cancelLink, string listLink) => EmailLayout.Compose(
        $"Rendez-vous déplacé {a.When}",
        name,
        [
            $"Votre rendez-vous « {a.Motif} » a été déplacé : il a lieu désormais {a.When}, avec {a.WorkerName}.",
            $"Lieu : {a.Where}.",
            "Le nouvel horaire est joint à ce message pour mettre votre agenda à jour. Les liens des messages précédents ne servent plus.",
        ],
        ("Voir mes rendez-vous", listLink),
        CancelLines(cancelLink));

    public static EmailContent Cancelled(string? name, AppointmentDetails a, string bookLink) => EmailLayout.Compose(
        $"Rendez-vous annulé ({French.DateTimeShort(a.StartUtc)})",
        name,
        [
            $"Votre rendez-vous « {a.Motif} » prévu {a.When} est annulé.",
            "Vous pouvez en prendre un autre quand vous le souhaitez :",
        ],
        ("Prendre un rendez-vous", bookLink),
        []);

    public static EmailContent Reminder(string? name, AppointmentDetails a, string cancelLink, string listLink) => EmailLayout.Compose(
        $"Rappel : rendez-vous {a.When}",
        name,
        [
            $"Nous vous rappelons votre rendez-vous « {a.Motif} » avec {a.WorkerName} {a.When}.",
            $"Lieu : {a.Where}.",
        ],
        ("Voir mes rendez-vous", listLink),
        CancelLines(cancelLink));

    /// The event in Europe/Paris time, with its place; the same UID for every version of one
    /// appointment, so calendars update it instead of adding a second event.
    public static byte[] Calendar(AppointmentDetails a, int sequence, bool cancelled = false)
    {
        const string zone = "Europe/Paris";
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone));
        var start = French.ToParis(a.StartUtc);
        var end = French.ToParis(a.EndUtc);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"rendez-vous-{a.Id}@passerelle",
            Sequence = sequence,
            Summary = $"Rendez-vous Passerelle : {a.Motif}",
            Location = a.Where,
            Description = $"Avec {a.WorkerName}.",
            Start = new CalDateTime(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), zone),
            End = new CalDateTime(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), zone),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Encoding.UTF8.GetBytes(text);
    }

    private static string[] CancelLines(string cancelLink) =>
    [
        $"Un empêchement ? Vous pouvez annuler jusqu'à {Portal.Domain.Appointments.AppointmentPolicy.Default.LimitText} avant, depuis votre espace ou avec ce lien :",
        cancelLink,
    ];
}
