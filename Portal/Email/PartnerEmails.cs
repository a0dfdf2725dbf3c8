namespace Portal.Email;

/// The French emails to a partner who oriented a household, and to the person they invite. A
/// partner's email names the household; what happens inside the association stays in its file.
public static class PartnerEmails
{
    public static EmailContent OrientationReceived(string? name, string reference, string household, string link) => EmailLayout.Compose(
        $"Orientation {reference} reçue : {household}",
        name,
        [
            $"L'association a bien reçu votre orientation de {household}. Sa référence est {reference}.",
            "Une équipe va l'instruire ; vous serez prévenu(e) par courriel de chaque étape et de la décision. Vous la suivez ici :",
        ],
        ("Suivre l'orientation", link));

    public static EmailContent StatusChanged(string? name, string reference, string household, string statusLabel, string? note, string link) => EmailLayout.Compose(
        $"Orientation {reference} ({household}) : {statusLabel}",
        name,
        note is null
            ? [$"L'orientation de {household} ({reference}) est maintenant : {statusLabel}."]
            : [$"L'orientation de {household} ({reference}) est maintenant : {statusLabel}.", $"Motif ou précision de l'association : {note}"],
        ("Voir l'orientation", link),
        ["Pour toute question, écrivez à l'équipe depuis la page de l'orientation."]);

    public static EmailContent InformationRequested(string? name, string reference, string household, IReadOnlyList<string> documents, string? note, string link)
    {
        var lines = new List<string> { $"Pour instruire l'orientation de {household} ({reference}), l'équipe vous demande :" };
        lines.AddRange(documents.Select(d => "– " + d));
        if (note is not null) lines.Add($"Précision de l'équipe : {note}");
        lines.Add("Ajoutez les documents ou répondez depuis la page de l'orientation (PDF, JPEG ou PNG, 10 Mo au plus) :");
        return EmailLayout.Compose($"Orientation {reference} : informations demandées", name, [.. lines], ("Répondre à l'équipe", link));
    }

    public static EmailContent NewMessage(string? name, string reference, string household, string link) => EmailLayout.Compose(
        $"Orientation {reference} ({household}) : nouveau message de l'équipe",
        name,
        ["L'équipe de l'association vous a écrit au sujet de cette orientation. Pour des raisons de confidentialité, le message se lit sur Passerelle :"],
        ("Lire le message", link));

    public static EmailContent PartnerReplied(string? name, string reference, string household, string partner, string link) => EmailLayout.Compose(
        $"Orientation {reference} ({household}) : réponse du partenaire",
        name,
        [$"{partner} a répondu au sujet de l'orientation de {household}."],
        ("Ouvrir la demande", link));

    public static EmailContent PersonInvited(string? name, string partner, string reference, string link) => EmailLayout.Compose(
        "Suivez votre demande de logement sur Passerelle",
        name,
        [
            $"{partner} a transmis votre demande de logement à l'association, avec votre accord (référence {reference}).",
            "Un compte est prêt pour vous : choisissez votre mot de passe en suivant ce lien, valable 3 jours, puis suivez votre demande et écrivez à l'équipe depuis votre espace :",
        ],
        ("Choisir mon mot de passe", link),
        ["Si vous ne connaissez pas ce partenaire, ignorez ce message et prévenez l'association."]);

    public static EmailContent PersonLinked(string? name, string partner, string reference, string link) => EmailLayout.Compose(
        $"Votre demande {reference} est dans votre espace",
        name,
        [$"{partner} a transmis votre demande de logement à l'association, avec votre accord (référence {reference}). Vous la suivez depuis votre espace :"],
        ("Voir ma demande", link));

    public static EmailContent SiaoValidationRequested(string? name, string candidate, string link) => EmailLayout.Compose(
        $"Validation SIAO demandée : {candidate}",
        name,
        [$"L'association vous demande de valider la candidature de {candidate} pour une intermédiation locative (IML)."],
        ("Valider ou refuser", link));

    public static EmailContent SiaoAnswered(string? name, string candidate, string answer, string? note, string link) => EmailLayout.Compose(
        $"Validation SIAO : {candidate} — {answer}",
        name,
        note is null ? [$"Le SIAO a répondu pour {candidate} : {answer}."] : [$"Le SIAO a répondu pour {candidate} : {answer}.", $"Motif : {note}"],
        ("Ouvrir", link));

    public static EmailContent ReviewInvitation(string? name, string household, string review, string date, string link) => EmailLayout.Compose(
        $"Bilan de bail glissant : {household}, le {date}",
        name,
        [$"L'association vous invite au {review} du bail glissant de {household}, le {date}.", "Le compte rendu partagé et la confirmation du glissement se trouvent ici :"],
        ("Voir le bilan", link));

    public static EmailContent ReviewShared(string? name, string household, string review, string link) => EmailLayout.Compose(
        $"Compte rendu du {review} : {household}",
        name,
        [$"L'association a partagé avec vous le compte rendu du {review} du bail glissant de {household}."],
        ("Lire le compte rendu", link));

    public static EmailContent SlideConfirmed(string? name, string household, string landlord, string link) => EmailLayout.Compose(
        $"Glissement du bail confirmé par le bailleur : {household}",
        name,
        [$"{landlord} confirme le glissement du bail de {household} à son nom."],
        ("Ouvrir la mesure", link));
}
