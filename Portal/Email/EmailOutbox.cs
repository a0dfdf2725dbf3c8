using System.Net;
using System.Text;
using Portal.Data;

namespace Portal.Email;

/// A message ready to be queued: plain text and HTML built from the same parts.
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);

/// Every email leaves through here: it becomes an <see cref="OutboundEmail"/> row saved with the
/// caller's other changes; the job that sends it is enqueued once the row is committed.
public static class EmailOutbox
{
    public static OutboundEmail Queue(PortalDbContext db, string toAddress, string? toName, EmailContent content)
    {
        var email = new OutboundEmail
        {
            ToAddress = toAddress,
            ToName = toName,
            Subject = content.Subject,
            TextBody = content.TextBody,
            HtmlBody = content.HtmlBody,
            MessageId = $"{Guid.NewGuid():N}@passerelle",
        };
        db.OutboundEmails.Add(email);
        return email;
    }
}

/// Builds the French emails. Anything that comes from a user is HTML-encoded in the HTML part.
public static class EmailTemplates
{
    public static EmailContent ConfirmAccount(string? name, string link) => Compose(
        "Confirmez votre adresse électronique – Passerelle",
        Greeting(name),
        [
            "Vous venez de créer votre compte sur Passerelle.",
            "Pour l'activer, confirmez votre adresse électronique en suivant ce lien :",
        ],
        ("Confirmer mon adresse", link),
        ["Si vous n'avez pas créé de compte, ignorez ce message : aucun compte ne sera activé."]);

    public static EmailContent Invitation(string? name, string roleLabel, string link) => Compose(
        "Votre compte Passerelle vous attend",
        Greeting(name),
        [
            $"Un administrateur vous a créé un compte sur Passerelle (profil : {roleLabel}).",
            "Choisissez votre mot de passe en suivant ce lien, valable 3 jours :",
        ],
        ("Choisir mon mot de passe", link),
        ["Si vous ne vous attendiez pas à ce message, prévenez votre responsable."]);

    public static EmailContent ResetPassword(string? name, string link) => Compose(
        "Réinitialisation de votre mot de passe – Passerelle",
        Greeting(name),
        [
            "Vous avez demandé à changer votre mot de passe.",
            "Choisissez-en un nouveau en suivant ce lien, valable 3 jours :",
        ],
        ("Choisir un nouveau mot de passe", link),
        ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."]);

    public static EmailContent AlreadyRegistered(string? name, string resetLink) => Compose(
        "Vous avez déjà un compte Passerelle",
        Greeting(name),
        [
            "Quelqu'un, peut-être vous, a voulu créer un compte Passerelle avec cette adresse électronique.",
            "Vous avez déjà un compte : connectez-vous, ou choisissez un nouveau mot de passe si vous l'avez oublié :",
        ],
        ("Choisir un nouveau mot de passe", resetLink),
        ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."]);

    public static EmailContent RequestReceived(string? name, string reference, string link) => Compose(
        $"Votre demande de logement {reference} est bien arrivée",
        Greeting(name),
        [
            $"Nous avons bien reçu votre demande de logement. Sa référence est {reference}.",
            "Un travailleur social va l'étudier. Vous serez prévenu(e) par courriel à chaque étape, et vous pouvez la suivre dans votre espace :",
        ],
        ("Suivre ma demande", link),
        ["Gardez ce message : la référence vous sera utile si vous nous appelez."]);

    public static EmailContent RequestStatusChanged(string? name, string reference, string statusLabel, string explanation, string? note, string link) => Compose(
        $"Votre demande {reference} : {statusLabel}",
        Greeting(name),
        note is null
            ? [$"Votre demande de logement {reference} est maintenant : {statusLabel}.", explanation]
            : [$"Votre demande de logement {reference} est maintenant : {statusLabel}.", explanation, $"Précision de l'équipe : {note}"],
        ("Voir ma demande", link),
        ["Pour toute question, écrivez-nous depuis la page de votre demande."]);

    public static EmailContent DocumentsRequested(string? name, string reference, IReadOnlyList<string> documents, string? note, string link)
    {
        var lines = new List<string> { $"Pour continuer l'étude de votre demande {reference}, il nous manque :" };
        lines.AddRange(documents.Select(d => "– " + d));
        if (note is not null) lines.Add($"Précision de l'équipe : {note}");
        lines.Add("Ajoutez-les directement depuis la page de votre demande (PDF, JPEG ou PNG, 10 Mo au plus par fichier) :");
        return Compose($"Votre demande {reference} : pièces à fournir", Greeting(name), [.. lines], ("Ajouter mes pièces", link),
            ["Vous pouvez prendre les documents en photo avec votre téléphone."]);
    }

    public static EmailContent NewMessage(string? name, string reference, string link) => Compose(
        $"Votre demande {reference} : nouveau message de l'équipe",
        Greeting(name),
        ["L'équipe vous a écrit au sujet de votre demande de logement. Pour des raisons de confidentialité, le message se lit dans votre espace :"],
        ("Lire le message", link),
        []);

    public static EmailContent PersonalDataReady(string? name, string link) => Compose(
        "Vos données sont prêtes – Passerelle",
        Greeting(name),
        ["Le fichier de vos données personnelles que vous avez demandé est prêt.", "Téléchargez-le depuis votre espace :"],
        ("Télécharger mes données", link),
        ["Si vous n'avez pas fait cette demande, changez votre mot de passe et prévenez l'association."]);

    private static string Greeting(string? name) => string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";

    private static EmailContent Compose(string subject, string greeting, string[] before, (string Label, string Url)? action, string[] after)
    {
        var text = new StringBuilder();
        text.AppendLine(greeting).AppendLine();
        foreach (var p in before) text.AppendLine(p);
        if (action is { } a) text.AppendLine().AppendLine(a.Url);
        text.AppendLine();
        foreach (var p in after) text.AppendLine(p);
        text.AppendLine().AppendLine("L'équipe Passerelle").AppendLine("Ce message est envoyé automatiquement, merci de ne pas y répondre.");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;line-height:1.5;max-width:600px;margin:0 auto;padding:16px\">");
        html.Append("<p style=\"font-size:20px;font-weight:bold;color:#000091\">Passerelle</p>");
        html.Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var p in before) html.Append("<p>").Append(E(p)).Append("</p>");
        if (action is { } b)
        {
            html.Append("<p><a href=\"").Append(E(b.Url)).Append("\" style=\"display:inline-block;background:#000091;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
                .Append(E(b.Label)).Append("</a></p>");
            html.Append("<p style=\"font-size:13px;color:#3a3a3a\">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>").Append(E(b.Url)).Append("</p>");
        }
        foreach (var p in after) html.Append("<p>").Append(E(p)).Append("</p>");
        html.Append("<p>L'équipe Passerelle</p><p style=\"font-size:12px;color:#3a3a3a\">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
