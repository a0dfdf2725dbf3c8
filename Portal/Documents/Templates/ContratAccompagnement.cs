using Portal.Domain.Requests;
namespace Portal.Documents.Templates;

public sealed record ScheduledMeeting(string Label, DateOnly DueOn);

/// The resident's own support contract: what the accompaniment is for, how it runs, when it is reviewed.
public sealed record SupportContract(
    Letterhead Association,
    string ReferentName,
    string HouseholdName,
    string HousingAddress,
    IReadOnlyList<HouseholdMember> Members,
    string MeasureKind,
    string FunderName,
    DateOnly Start,
    DateOnly End,
    int Months,
    IReadOnlyList<PlanAxis> Axes,
    IReadOnlyList<ScheduledMeeting> Reviews,
    string Rhythm,
    string PersonCommitments,
    string AssociationCommitments,
    string SignaturePlace,
    DateOnly SignatureDate) : IMeasureDocument
{
    /// « Madame Fatou KONATE »: the person who signs the contract.
    public string? ReferencePerson { get; init; } = "";
}

/// The « contrat d'accompagnement »: its fields and the mapping from the contract.
public static class ContratAccompagnement
{
    public const string Kind = "ContratAccompagnement";

    public static readonly DocumentDictionary Dictionary = new(Kind, "Contrat d'accompagnement",
    [
        .. CommonFields.Household(withReferencePerson: true),
        .. CommonFields.Measure("ASLL", "FSL / Conseil départemental"),
        FieldDefinition.Number("mesure.duree_mois", "Durée en mois", "12"),
        FieldDefinition.Text("mesure.rythme", "Rythme des rencontres", "un rendez-vous toutes les deux semaines"),
        FieldDefinition.List("plan.axes", "Axes du plan d'action", "une ligne de tableau par axe",
            FieldDefinition.Text("axe.intitule", "Intitulé de l'axe", "Gestion du budget"),
            FieldDefinition.Text("axe.objectif", "Objectif de l'axe", "Régler la dette de loyer"),
            FieldDefinition.Text("axe.actions", "Actions prévues (une par ligne)", "Monter un dossier FSL"),
            FieldDefinition.Text("axe.statut", "Où en est l'axe", "En cours")),
        FieldDefinition.List("bilans", "Bilans prévus", "une ligne par bilan",
            FieldDefinition.Text("bilan.intitule", "Bilan", "Bilan à 6 mois"),
            FieldDefinition.Date("bilan.date", "Date prévue", "1 juin 2027")),
        FieldDefinition.Text("engagements.personne", "Engagements de la personne", "Venir aux rendez-vous…"),
        FieldDefinition.Text("engagements.association", "Engagements de l'association", "Recevoir la personne…"),
        FieldDefinition.Text("signature.lieu", "Lieu de signature", "Valenciennes"),
        FieldDefinition.Date("signature.date", "Date de signature", "22 novembre 2026"),
    ]);

    public static TemplateModel Model(SupportContract c) => CommonFields.AddMeasureCase(new TemplateModel
    {
        ["mesure.duree_mois"] = c.Months,
        ["mesure.rythme"] = c.Rhythm,
        ["plan.axes"] = c.Axes.Select(a => new TemplateModel
        {
            ["axe.intitule"] = a.Title,
            ["axe.objectif"] = a.Objective,
            ["axe.actions"] = a.Actions,
            ["axe.statut"] = a.Status,
        }).ToList(),
        ["bilans"] = c.Reviews.Select(r => new TemplateModel { ["bilan.intitule"] = r.Label, ["bilan.date"] = r.DueOn }).ToList(),
        ["engagements.personne"] = c.PersonCommitments,
        ["engagements.association"] = c.AssociationCommitments,
        ["signature.lieu"] = c.SignaturePlace,
        ["signature.date"] = c.SignatureDate,
    }, c);

    public const string DefaultPersonCommitments =
        "Venir aux rendez-vous fixés avec la référente, ou prévenir en cas d'empêchement.\nMener les démarches prévues au plan d'action.\nPayer le loyer et les charges chaque mois.";

    public const string DefaultAssociationCommitments =
        "Recevoir la personne, à l'association ou à domicile, au rythme convenu.\nL'aider dans les démarches prévues et l'orienter vers les partenaires utiles.\nFaire le point avec elle à chaque bilan et respecter la confidentialité de ce qu'elle confie.";

    public static SupportContract Sample() => new(
        Letterhead.Sample,
        "Claire Dubois",
        "Famille Martin",
        "Résidence Les Tilleuls, appartement 12, 4 allée des Acacias, 59300 Valenciennes",
        CommonFields.SampleMembers,
        "Accompagnement social lié au logement (ASLL)",
        "FSL / Conseil départemental",
        new DateOnly(2026, 12, 1), new DateOnly(2027, 11, 30), 12,
        [
            new("Gestion du budget", "Régler la dette de loyer et tenir un budget mensuel", "Monter un dossier FSL maintien\nTenir un cahier de budget", "En cours", ""),
            new("Accès et maintien des droits", "Ouvrir tous les droits du ménage", "Demande d'APL auprès de la CAF", "À engager", ""),
        ],
        [new("Bilan à 6 mois", new DateOnly(2027, 6, 1)), new("Bilan de fin de mesure (12 mois)", new DateOnly(2027, 12, 1))],
        "un rendez-vous toutes les deux semaines",
        DefaultPersonCommitments,
        DefaultAssociationCommitments,
        "Valenciennes",
        new DateOnly(2026, 11, 22))
    {
        ReferencePerson = CommonFields.SampleReferencePerson,
    };
}
