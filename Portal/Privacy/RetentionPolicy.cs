namespace Portal.Privacy;

public enum RetentionOutcome
{
    Delete,
    Anonymise,
    Archive,
}

/// One line of the retention policy: a kind of record, how long it is kept after what, and what
/// happens then. The privacy page, the records of processing and <see cref="Jobs.RetentionJob"/>
/// all read these same lines, so what the site says is what it does.
public sealed record RetentionRule(
    string Key, string Records, string Start, int Months, int Days, RetentionOutcome Outcome, string Effect)
{
    /// The period as the privacy page says it: « 2 ans », « 1 an », « 18 mois », « 30 jours ».
    public string PeriodLabel => (Months, Days) switch
    {
        (0, 1) => "1 jour",
        (0, var days) => $"{days} jours",
        (12, 0) => "1 an",
        (var months, 0) when months % 12 == 0 => $"{months / 12} ans",
        (var months, 0) => $"{months} mois",
        (var months, var days) => $"{months} mois et {days} jours",
    };

    /// What started before this instant is past its period at <paramref name="asOfUtc"/> (calendar months, so two years are two years).
    public DateTime Cutoff(DateTime asOfUtc) => asOfUtc.AddMonths(-Months).AddDays(-Days);

    /// When what started at this instant is past its period (the nightly purge takes it the night after).
    public DateTime End(DateTime startUtc) => startUtc.AddMonths(Months).AddDays(Days);

    public string OutcomeLabel => Outcome switch
    {
        RetentionOutcome.Delete => "suppression",
        RetentionOutcome.Anonymise => "anonymisation",
        _ => "archivage",
    };
}

/// A processing activity in the records of processing (GDPR art. 30).
public sealed record ProcessingActivity(
    string Name, string Purpose, string LegalBasis, string DataCategories, string People, string Recipients,
    IReadOnlyList<string> RuleKeys);

public static class RetentionPolicy
{
    public static readonly RetentionRule UnfollowedRequests = new(
        "demandes-non-suivies",
        "Demandes de logement non suivies d'un accueil (brouillons compris)",
        "la dernière modification de la demande",
        24, 0, RetentionOutcome.Delete,
        "La demande est supprimée avec les personnes du foyer, les ressources, les pièces justificatives envoyées, les messages et l'historique.");

    public static readonly RetentionRule ClosedHouseholds = new(
        "dossiers-clos",
        "Dossiers des ménages sortis",
        "la date de sortie (dernier contact)",
        24, 0, RetentionOutcome.Anonymise,
        "Le nom, les coordonnées, les personnes, les partenaires, le journal, les textes des bilans, de la veille et des incidents et les documents générés sont effacés ; la demande d'origine est supprimée avec ses pièces. Restent, sans nom, les dates, les mesures, les validations du SIAO et les montants du fonds d'aide, que la comptabilité doit garder.");

    public static readonly RetentionRule Uploads = new(
        "pieces-justificatives",
        "Pièces justificatives envoyées (identité, avis d'imposition, ressources…)",
        "la dernière modification de leur demande, ou la sortie pour un ménage accompagné",
        24, 0, RetentionOutcome.Delete,
        "Supprimées avec la demande (demande non suivie) ou avec l'anonymisation du dossier.");

    public static readonly RetentionRule AccessLog = new(
        "journal-des-acces",
        "Journal des consultations et des actions (traçabilité)",
        "la consultation",
        12, 0, RetentionOutcome.Delete,
        "La ligne du journal est supprimée.");

    public static readonly RetentionRule EmailBodies = new(
        "courriels-envoyes",
        "Contenu des courriels envoyés",
        "l'envoi",
        0, 30, RetentionOutcome.Delete,
        "Le texte et les pièces jointes sont effacés ; restent le destinataire, la date et l'objet, pour prouver l'envoi.");

    /// The CNIL treats an imported spreadsheet as a working file: once its rows have become household
    /// files (which follow their own period), the copy of the rows has no purpose left.
    public static readonly RetentionRule ImportFiles = new(
        "fichiers-importes",
        "Tableurs importés par l'administration (lignes du fichier, corrections, doublons proposés)",
        "la fin de l'import, ou le dépôt pour un fichier jamais importé",
        0, 30, RetentionOutcome.Delete,
        "Les lignes du fichier sont supprimées ; reste le compte rendu, sans donnée personnelle : nom du fichier, date, auteur et nombres de personnes ajoutées, fusionnées et non importées. Un fichier jamais importé est supprimé entier. Les dossiers créés par l'import suivent leur propre durée.");

    public static IReadOnlyList<RetentionRule> Rules { get; } = [UnfollowedRequests, ClosedHouseholds, Uploads, AccessLog, EmailBodies, ImportFiles];

    public static IReadOnlyList<ProcessingActivity> Activities { get; } =
    [
        new("Demandes de logement",
            "Recevoir, instruire et présenter à la commission les demandes de logement ; informer le demandeur de la décision.",
            "Mission d'intérêt public (RGPD art. 6.1.e) ; exécution de mesures précontractuelles (art. 6.1.b).",
            "Identité, coordonnées, composition du foyer, ressources, situation de logement, pièces justificatives, échanges.",
            "Demandeurs et personnes de leur foyer.",
            "Travailleurs sociaux de l'équipe, chef de service, membres de la commission pour ce qui est utile à la décision.",
            [UnfollowedRequests.Key, Uploads.Key]),
        new("Accompagnement social lié au logement",
            "Suivre les ménages : séjour, mesures (ASLL, AVDL, MASP, IML…), plan d'action, bilans, bail glissant, sortie.",
            "Mission d'intérêt public (art. 6.1.e) ; données sensibles : art. 9.2.h et 9.2.b (action sociale).",
            "Identité, foyer, ressources, loyer, journal de suivi, bilans, veille sociale, incidents, documents générés.",
            "Ménages accompagnés et personnes de leur foyer.",
            "Référent social et équipe, chef de service, financeur de la mesure quand elle le prévoit.",
            [ClosedHouseholds.Key]),
        new("Fonds d'aide au logement",
            "Attribuer et suivre les aides au loyer ; rendre compte aux financeurs.",
            "Mission d'intérêt public (art. 6.1.e) ; obligation légale comptable (art. 6.1.c).",
            "Montants, durées, décisions, rattachés à un ménage anonymisé après la sortie.",
            "Ménages aidés.",
            "Chef de service, financeurs (montants sans nom).",
            [ClosedHouseholds.Key]),
        new("Rendez-vous, ateliers et messages",
            "Prendre et rappeler les rendez-vous, inscrire aux ateliers collectifs, écrire aux personnes.",
            "Mission d'intérêt public (art. 6.1.e).",
            "Identité, coordonnées, dates, présence, contenu des courriels.",
            "Demandeurs, résidents.",
            "Équipe qui suit la personne.",
            [EmailBodies.Key]),
        new("Reprise des tableaux de l'association",
            "Importer dans Passerelle les ménages suivis dans les tableurs de l'association, en repérant les personnes déjà suivies.",
            "Mission d'intérêt public (art. 6.1.e).",
            "Identité, date de naissance, lien familial, coordonnées, commune, équipe, observations, telles qu'écrites dans le tableur.",
            "Ménages accompagnés et personnes de leur foyer.",
            "Administrateurs de l'association.",
            [ImportFiles.Key]),
        new("Sécurité et traçabilité",
            "Tracer chaque consultation et chaque action sur les données personnelles, chaque connexion (réussie ou refusée), déconnexion et changement de mot de passe ou de second facteur ; détecter les accès indus.",
            "Obligation légale de sécurité (art. 6.1.c et 32).",
            "Compte, date, action, dossier concerné ; pour les connexions, le navigateur et l'adresse IP.",
            "Personnel, demandeurs, résidents.",
            "Administrateurs, délégué à la protection des données.",
            [AccessLog.Key]),
    ];

    public static RetentionRule ByKey(string key) => Rules.Single(r => r.Key == key);
}
