using Portal.Domain.Formatting;
using Portal.Email;

namespace Portal.Workshops;

/// What a workshop email says about the session.
public sealed record WorkshopDetails(long Id, string Theme, DateTime StartsAtUtc, int DurationMinutes, string PlaceName, string? PlaceAddress)
{
    public string When => $"le {French.DateTimeLong(StartsAtUtc)}";
    public string Where => string.IsNullOrWhiteSpace(PlaceAddress) ? PlaceName : $"{PlaceName}, {PlaceAddress}";
    /// The theme on one line (it goes into a subject).
    public string Title => string.Join(' ', Theme.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// The French emails about workshops. Every user-given text is HTML-encoded in the HTML part.
public static class WorkshopEmails
{
    public static EmailContent Registered(string? name, WorkshopDetails w, string link) => EmailLayout.Compose(
        $"Inscription confirmée : atelier « {w.Title} » {w.When}",
        name,
        [
            $"Votre inscription à l'atelier « {w.Title} » est confirmée.",
            $"Date : {w.When} (heure de Paris), durée {w.DurationMinutes} minutes.",
            $"Lieu : {w.Where}.",
            "Un empêchement ? Désinscrivez-vous depuis votre espace : la place sera proposée à une autre personne.",
        ],
        ("Voir mes ateliers", link));

    public static EmailContent SeatOffered(string? name, WorkshopDetails w, DateTime expiresAtUtc, string link) => EmailLayout.Compose(
        $"Une place se libère : atelier « {w.Title} » {w.When}",
        name,
        [
            $"Une place s'est libérée à l'atelier « {w.Title} », {w.When} (heure de Paris), pour lequel vous étiez sur la liste d'attente.",
            $"Lieu : {w.Where}.",
            $"Cette place vous est réservée jusqu'au {French.DateTimeLong(expiresAtUtc)} (heure de Paris). Acceptez-la ou refusez-la depuis votre espace :",
        ],
        ("Accepter ou refuser la place", link),
        ["Sans réponse de votre part d'ici là, la place sera proposée à la personne suivante."]);

    public static EmailContent OfferLapsed(string? name, WorkshopDetails w, string link) => EmailLayout.Compose(
        $"Place expirée : atelier « {w.Title} » {w.When}",
        name,
        [
            $"La place qui vous était proposée à l'atelier « {w.Title} », {w.When}, n'a pas été acceptée à temps : elle est proposée à la personne suivante.",
            "Vous pouvez vous inscrire à nouveau, ou à une autre séance, depuis votre espace :",
        ],
        ("Voir les ateliers", link));

    public static EmailContent Cancelled(string? name, WorkshopDetails w, string link) => EmailLayout.Compose(
        $"Atelier annulé : « {w.Title} » {w.When}",
        name,
        [
            $"L'atelier « {w.Title} » prévu {w.When} ({w.Where}) est annulé. Nous vous prions de nous en excuser.",
            "Retrouvez les prochaines séances dans votre espace :",
        ],
        ("Voir les ateliers", link));

    /// The date, time, duration or place of a session changed: the new ones, then the old ones.
    public static EmailContent Rescheduled(string? name, WorkshopDetails w, WorkshopDetails before, string link) => EmailLayout.Compose(
        $"Atelier modifié : « {w.Title} » a lieu {w.When}",
        name,
        [
            $"L'atelier « {w.Title} » auquel vous êtes inscrit(e) ou en liste d'attente change de date, d'horaire ou de lieu.",
            $"Nouvelle date : {w.When} (heure de Paris), durée {w.DurationMinutes} minutes.",
            $"Nouveau lieu : {w.Where}.",
            $"Auparavant : {before.When} (heure de Paris), durée {before.DurationMinutes} minutes, {before.Where}.",
            "Un empêchement ? Désinscrivez-vous depuis votre espace : la place sera proposée à une autre personne.",
        ],
        ("Voir la séance", link));
}
