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

/// The French emails about accounts and housing requests, on the one layout (<see cref="EmailLayout"/>).
public static class EmailTemplates
{
    public static EmailContent ConfirmAccount(string? name, string link) => EmailLayout.Compose(
        "Confirmez votre adresse électronique – Passerelle",
        name,
        [
            "Vous venez de créer votre compte sur Passerelle.",
            "Pour l'activer, confirmez votre adresse électronique en suivant ce lien, valable une heure :",
        ],
        ("Confirmer mon adresse", link),
        ["Si vous n'avez pas créé de compte, ignorez ce message : aucun compte ne sera activé."]);

    public static EmailContent Invitation(string? name, string roleLabel, string link) => EmailLayout.Compose(
        "Votre compte Passerelle vous attend",
        name,
        [
            $"Un administrateur vous a créé un compte sur Passerelle (profil : {roleLabel}).",
            "Choisissez votre mot de passe en suivant ce lien, valable 3 jours :",
        ],
        ("Choisir mon mot de passe", link),
        ["Si vous ne vous attendiez pas à ce message, prévenez votre responsable."]);

    public static EmailContent ResetPassword(string? name, string link) => EmailLayout.Compose(
        "Réinitialisation de votre mot de passe – Passerelle",
        name,
        [
            "Vous avez demandé à changer votre mot de passe.",
            "Choisissez-en un nouveau en suivant ce lien, valable une heure :",
        ],
        ("Choisir un nouveau mot de passe", link),
        ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."]);

    public static EmailContent AlreadyRegistered(string? name, string resetLink) => EmailLayout.Compose(
        "Vous avez déjà un compte Passerelle",
        name,
        [
            "Quelqu'un, peut-être vous, a voulu créer un compte Passerelle avec cette adresse électronique.",
            "Vous avez déjà un compte : connectez-vous, ou choisissez un nouveau mot de passe si vous l'avez oublié :",
        ],
        ("Choisir un nouveau mot de passe", resetLink),
        ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."]);

    public static EmailContent RequestReceived(string? name, string reference, string link) => EmailLayout.Compose(
        $"Votre demande de logement {reference} est bien arrivée",
        name,
        [
            $"Nous avons bien reçu votre demande de logement. Sa référence est {reference}.",
            "Un travailleur social va l'étudier. Vous serez prévenu(e) par courriel à chaque étape, et vous pouvez la suivre dans votre espace :",
        ],
        ("Suivre ma demande", link),
        ["Gardez ce message : la référence vous sera utile si vous nous appelez."]);

    public static EmailContent RequestStatusChanged(string? name, string reference, string statusLabel, string explanation, string? note, string link) => EmailLayout.Compose(
        $"Votre demande {reference} : {statusLabel}",
        name,
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
        return EmailLayout.Compose($"Votre demande {reference} : pièces à fournir", name, [.. lines], ("Ajouter mes pièces", link),
            ["Vous pouvez prendre les documents en photo avec votre téléphone."]);
    }

    public static EmailContent NewMessage(string? name, string reference, string link) => EmailLayout.Compose(
        $"Votre demande {reference} : nouveau message de l'équipe",
        name,
        ["L'équipe vous a écrit au sujet de votre demande de logement. Pour des raisons de confidentialité, le message se lit dans votre espace :"],
        ("Lire le message", link),
        []);

    public static EmailContent PersonalDataReady(string? name, string link) => EmailLayout.Compose(
        "Vos données sont prêtes – Passerelle",
        name,
        ["Le fichier de vos données personnelles que vous avez demandé est prêt.", "Téléchargez-le depuis votre espace :"],
        ("Télécharger mes données", link),
        ["Si vous n'avez pas fait cette demande, changez votre mot de passe et prévenez l'association."]);

    public static EmailContent ErasureReceived(string? name, string link) => EmailLayout.Compose(
        "Votre demande d'effacement de vos données est bien arrivée – Passerelle",
        name,
        [
            "Nous avons bien reçu votre demande d'effacement de vos données personnelles.",
            "Un responsable de l'association l'étudie et vous répond dans un délai d'un mois au plus. Vous pouvez suivre votre demande, ou la retirer, depuis votre espace :",
        ],
        ("Suivre ma demande", link),
        ["Si vous n'avez pas fait cette demande, changez votre mot de passe et retirez-la depuis votre espace."]);

    public static EmailContent ErasureRefused(string? name, string reason, string link) => EmailLayout.Compose(
        "Votre demande d'effacement de vos données – Passerelle",
        name,
        [
            "Un responsable de l'association a étudié votre demande d'effacement de vos données personnelles et ne peut pas y donner suite pour la raison suivante :",
            reason,
            "Vos données restent conservées selon les durées indiquées sur la page « Données personnelles » du site. Vous pouvez relire cette réponse dans votre espace :",
        ],
        ("Voir la réponse", link),
        ["Si vous n'êtes pas d'accord, vous pouvez écrire au délégué à la protection des données de l'association, ou saisir la CNIL (www.cnil.fr)."]);

    public static EmailContent ErasureApplied(string? name, IReadOnlyList<string> erased, IReadOnlyList<string> kept)
    {
        var lines = new List<string> { "Votre demande d'effacement de vos données personnelles a été appliquée. Ont été effacés :" };
        lines.AddRange(erased.Select(e => "– " + e));
        if (kept.Count > 0)
        {
            lines.Add("La loi nous oblige à garder, pour le temps indiqué :");
            lines.AddRange(kept.Select(k => "– " + k));
        }
        lines.Add("Votre compte est supprimé : vous ne pouvez plus vous connecter, et ce message est le dernier que vous recevez de Passerelle. Nous n'en gardons ni le texte ni votre adresse.");
        return EmailLayout.Compose("Vos données sont effacées – Passerelle", name, [.. lines], null,
            ["Vous pouvez créer un nouveau compte à tout moment si vous avez de nouveau besoin de l'association."]);
    }
}
