using Portal.Domain.Requests;
namespace Portal.Documents.Templates;

public sealed record HouseholdMember(string FirstName, string LastName, string Relationship, DateOnly? BirthDate);

public sealed record PlannedAction(string Label, string DueBy);

public sealed record ActionAxis(string Title, string Objective, IReadOnlyList<PlannedAction> Actions);

/// What the tripartite contract says: the household, the association that supports it and the
/// funder of the measure commit to an action plan for a given period.
public sealed record TripartiteContract(
    string AssociationName,
    string AssociationAddress,
    byte[]? AssociationLogo,
    string ReferentName,
    string HouseholdName,
    string HousingAddress,
    IReadOnlyList<HouseholdMember> Members,
    string FunderName,
    string MeasureKind,
    DateOnly Start,
    DateOnly End,
    decimal MonthlyCost,
    IReadOnlyList<ActionAxis> Axes,
    string HouseholdCommitments,
    string AssociationCommitments,
    string FunderCommitments,
    bool SlidingLease,
    string? LandlordName,
    string SignaturePlace,
    DateOnly SignatureDate)
{
    /// « Madame Fatou KONATE »: who signs for the household.
    public string ReferencePerson { get; init; } = "";

    /// Whole months from the first day to the last, both included: 1 Dec. → 30 Nov. is 12 months.
    public int LengthInMonths
    {
        get
        {
            var after = End.AddDays(1);
            var months = (after.Year - Start.Year) * 12 + after.Month - Start.Month;
            return after.Day < Start.Day ? months - 1 : months;
        }
    }
}

/// The « contrat tripartite »: its fields as templates see them, and the mapping from the contract.
public static class ContratTripartite
{
    public const string Kind = "ContratTripartite";

    public static readonly DocumentDictionary Dictionary = new(Kind, "Contrat tripartite",
    [
        FieldDefinition.Text("association.nom", "Nom de l'association", "Association Passerelle"),
        FieldDefinition.Text("association.adresse", "Adresse de l'association", "12 rue des Tanneurs, 59300 Valenciennes"),
        FieldDefinition.Image("association.logo", "Logo de l'association (image)", "le logo déposé dans les réglages"),
        FieldDefinition.Text("referent.nom", "Travailleur social référent", "Claire Dubois"),
        FieldDefinition.Text("menage.nom", "Nom du ménage", "Famille Martin"),
        CommonFields.ReferencePersonField,
        FieldDefinition.List("menage.membres", "Membres du ménage", "une ligne par personne",
            FieldDefinition.Text("membre.prenom", "Prénom", "Sophie"),
            FieldDefinition.Text("membre.nom", "Nom", "Martin"),
            FieldDefinition.Text("membre.lien", "Place dans le ménage", "personne de référence"),
            FieldDefinition.Date("membre.date_naissance", "Date de naissance", "14 mars 1988")),
        FieldDefinition.Text("logement.adresse", "Adresse du logement", "Résidence Les Tilleuls, appartement 12, 59300 Valenciennes"),
        FieldDefinition.Text("financeur.nom", "Financeur de la mesure", "Conseil départemental du Nord (FSL)"),
        FieldDefinition.Text("mesure.type", "Type de mesure", "Accompagnement social lié au logement (ASLL)"),
        FieldDefinition.Date("mesure.date_debut", "Début de la mesure", "1 décembre 2026"),
        FieldDefinition.Date("mesure.date_fin", "Fin de la mesure", "30 novembre 2027"),
        FieldDefinition.Number("mesure.duree_mois", "Durée en mois", "12"),
        FieldDefinition.Amount("mesure.cout_mensuel", "Coût mensuel de la mesure", "1 500,00 €"),
        FieldDefinition.List("plan.axes", "Axes du plan d'action", "une ligne de tableau par axe",
            FieldDefinition.Text("axe.intitule", "Intitulé de l'axe", "Budget"),
            FieldDefinition.Text("axe.objectif", "Objectif de l'axe", "Régler la dette de loyer"),
            FieldDefinition.List("axe.actions", "Actions de l'axe", "un paragraphe par action",
                FieldDefinition.Text("action.libelle", "Action", "Monter un dossier FSL maintien"),
                FieldDefinition.Text("action.echeance", "Échéance", "janvier 2027"))),
        FieldDefinition.Text("engagements.menage", "Engagements du ménage", "Payer son loyer chaque mois…"),
        FieldDefinition.Text("engagements.association", "Engagements de l'association", "Recevoir le ménage une fois par mois…"),
        FieldDefinition.Text("engagements.financeur", "Engagements du financeur", "Financer la mesure pendant sa durée…"),
        FieldDefinition.Flag("bail_glissant", "Logement en bail glissant (oui / non)", "oui"),
        FieldDefinition.Text("bailleur.nom", "Bailleur du logement", "Partenord Habitat"),
        FieldDefinition.Text("signature.lieu", "Lieu de signature", "Valenciennes"),
        FieldDefinition.Date("signature.date", "Date de signature", "22 novembre 2026"),
    ]);

    public static TemplateModel Model(TripartiteContract c) => new()
    {
        ["association.nom"] = c.AssociationName,
        ["association.adresse"] = c.AssociationAddress,
        ["association.logo"] = c.AssociationLogo is { Length: > 0 } logo ? new TemplateImage(logo, WidthCm: 3) : null,
        ["referent.nom"] = c.ReferentName,
        ["menage.nom"] = c.HouseholdName,
        ["menage.personne_reference"] = c.ReferencePerson,
        ["menage.membres"] = c.Members.Select(m => new TemplateModel
        {
            ["membre.prenom"] = m.FirstName,
            ["membre.nom"] = m.LastName,
            ["membre.lien"] = m.Relationship,
            ["membre.date_naissance"] = m.BirthDate,
        }).ToList(),
        ["logement.adresse"] = c.HousingAddress,
        ["financeur.nom"] = c.FunderName,
        ["mesure.type"] = c.MeasureKind,
        ["mesure.date_debut"] = c.Start,
        ["mesure.date_fin"] = c.End,
        ["mesure.duree_mois"] = c.LengthInMonths,
        ["mesure.cout_mensuel"] = c.MonthlyCost,
        ["plan.axes"] = c.Axes.Select(a => new TemplateModel
        {
            ["axe.intitule"] = a.Title,
            ["axe.objectif"] = a.Objective,
            ["axe.actions"] = a.Actions.Select(x => new TemplateModel
            {
                ["action.libelle"] = x.Label,
                ["action.echeance"] = x.DueBy,
            }).ToList(),
        }).ToList(),
        ["engagements.menage"] = c.HouseholdCommitments,
        ["engagements.association"] = c.AssociationCommitments,
        ["engagements.financeur"] = c.FunderCommitments,
        ["bail_glissant"] = c.SlidingLease,
        ["bailleur.nom"] = c.LandlordName,
        ["signature.lieu"] = c.SignaturePlace,
        ["signature.date"] = c.SignatureDate,
    };

    /// A realistic contract: three members, three axes of three actions, a sliding lease.
    public static TripartiteContract Sample(byte[]? logo = null) => new(
        AssociationName: "Association Passerelle",
        AssociationAddress: "12 rue des Tanneurs, 59300 Valenciennes",
        AssociationLogo: logo,
        ReferentName: "Claire Dubois, conseillère en économie sociale et familiale",
        HouseholdName: "Famille Martin",
        HousingAddress: "Résidence Les Tilleuls, appartement 12, 4 allée des Acacias, 59300 Valenciennes",
        Members:
        [
            new("Sophie", "Martin", "personne de référence", new DateOnly(1988, 3, 14)),
            new("Karim", "Martin", "conjoint", new DateOnly(1985, 7, 2)),
            new("Lina", "Martin", "enfant", new DateOnly(2016, 9, 30)),
        ],
        FunderName: "Conseil départemental du Nord (Fonds de solidarité logement)",
        MeasureKind: "Accompagnement social lié au logement (ASLL)",
        Start: new DateOnly(2026, 12, 1),
        End: new DateOnly(2027, 11, 30),
        MonthlyCost: 1500m,
        Axes:
        [
            new("Budget", "Régler la dette de loyer et tenir un budget mensuel",
            [
                new("Monter un dossier FSL maintien pour la dette de 1 240 €", "janvier 2027"),
                new("Mettre en place un prélèvement du loyer le 5 du mois", "décembre 2026"),
                new("Tenir un cahier de budget avec la conseillère", "chaque mois"),
            ]),
            new("Logement", "S'approprier le logement et en connaître l'entretien",
            [
                new("Visite du logement avec le bailleur", "décembre 2026"),
                new("Atelier collectif « économies d'énergie »", "février 2027"),
                new("Souscrire l'assurance habitation", "décembre 2026"),
            ]),
            new("Accès aux droits", "Ouvrir tous les droits du ménage",
            [
                new("Demande d'APL auprès de la CAF", "décembre 2026"),
                new("Renouvellement de la complémentaire santé solidaire", "mars 2027"),
                new("Inscription de Lina à la cantine au tarif social", "janvier 2027"),
            ]),
        ],
        HouseholdCommitments: "Payer le loyer et les charges chaque mois.\nParticiper aux rendez-vous fixés avec la référente et prévenir en cas d'empêchement.\nEntretenir le logement et respecter le voisinage.",
        AssociationCommitments: "Recevoir le ménage au moins une fois par mois et se rendre à domicile si besoin.\nAccompagner les démarches prévues au plan d'action.\nFaire le bilan de la mesure à 6 mois et à son terme.",
        FunderCommitments: "Financer la mesure pendant toute sa durée.\nÉtudier le renouvellement au vu du bilan.",
        SlidingLease: true,
        LandlordName: "Partenord Habitat",
        SignaturePlace: "Valenciennes",
        SignatureDate: new DateOnly(2026, 11, 22))
    {
        ReferencePerson = CommonFields.SampleReferencePerson,
    };
}
