using System.Net;
using System.Text;
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
    public static EmailContent Registered(string? name, WorkshopDetails w, string link) => Compose(
        $"Inscription confirmée : atelier « {w.Title} » {w.When}",
        name,
        [
            $"Votre inscription à l'atelier « {w.Title} » est confirmée.",
            $"Date : {w.When} (heure de Paris), durée {w.DurationMinutes} minutes.",
            $"Lieu : {w.Where}.",
            "Un empêchement ? Désinscrivez-vous depuis votre espace : la place sera proposée à une autre personne.",
        ],
        ("Voir mes ateliers", link));

    public static EmailContent SeatOffered(string? name, WorkshopDetails w, DateTime expiresAtUtc, string link) => Compose(
        $"Une place se libère : atelier « {w.Title} » {w.When}",
        name,
        [
            $"Une place s'est libérée à l'atelier « {w.Title} », {w.When} (heure de Paris), pour lequel vous étiez sur la liste d'attente.",
            $"Lieu : {w.Where}.",
            $"Cette place vous est réservée jusqu'au {French.DateTimeLong(expiresAtUtc)} (heure de Paris). Acceptez-la ou refusez-la depuis votre espace :",
        ],
        ("Accepter ou refuser la place", link),
        ["Sans réponse de votre part d'ici là, la place sera proposée à la personne suivante."]);

    public static EmailContent OfferLapsed(string? name, WorkshopDetails w, string link) => Compose(
        $"Place expirée : atelier « {w.Title} » {w.When}",
        name,
        [
            $"La place qui vous était proposée à l'atelier « {w.Title} », {w.When}, n'a pas été acceptée à temps : elle est proposée à la personne suivante.",
            "Vous pouvez vous inscrire à nouveau, ou à une autre séance, depuis votre espace :",
        ],
        ("Voir les ateliers", link));

    public static EmailContent Cancelled(string? name, WorkshopDetails w, string link) => Compose(
        $"Atelier annulé : « {w.Title} » {w.When}",
        name,
        [
            $"L'atelier « {w.Title} » prévu {w.When} ({w.Where}) est annulé. Nous vous prions de nous en excuser.",
            "Retrouvez les prochaines séances dans votre espace :",
        ],
        ("Voir les ateliers", link));

    /// The date, time, duration or place of a session changed: the new ones, then the old ones.
    public static EmailContent Rescheduled(string? name, WorkshopDetails w, WorkshopDetails before, string link) => Compose(
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

    private static EmailContent Compose(string subject, string? name, string[] before, (string Label, string Url) action, string[]? after = null)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";
        var text = new StringBuilder();
        text.AppendLine(greeting).AppendLine();
        foreach (var p in before) text.AppendLine(p);
        text.AppendLine().AppendLine(action.Url).AppendLine();
        foreach (var p in after ?? []) text.AppendLine(p);
        text.AppendLine().AppendLine("L'équipe Passerelle").AppendLine("Ce message est envoyé automatiquement, merci de ne pas y répondre.");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;line-height:1.5;max-width:600px;margin:0 auto;padding:16px\">");
        html.Append("<p style=\"font-size:20px;font-weight:bold;color:#000091\">Passerelle</p>");
        html.Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var p in before) html.Append("<p>").Append(E(p)).Append("</p>");
        html.Append("<p><a href=\"").Append(E(action.Url)).Append("\" style=\"display:inline-block;background:#000091;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
            .Append(E(action.Label)).Append("</a></p>");
        html.Append("<p style=\"font-size:13px;color:#3a3a3a\">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>").Append(E(action.Url)).Append("</p>");
        foreach (var p in after ?? []) html.Append("<p>").Append(E(p)).Append("</p>");
        html.Append("<p>L'équipe Passerelle</p><p style=\"font-size:12px;color:#3a3a3a\">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
