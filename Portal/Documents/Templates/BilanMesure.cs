using Portal.Domain.Requests;
namespace Portal.Documents.Templates;

public sealed record IncomeRow(string Kind, string Person, decimal MonthlyAmount);

/// A review of a support measure: where the household stands, axis by axis, and what is decided.
public sealed record MeasureReview(
    Letterhead Association,
    string ReferentName,
    string HouseholdName,
    IReadOnlyList<HouseholdMember> Members,
    string HousingAddress,
    string MeasureKind,
    string FunderName,
    DateOnly Start,
    DateOnly End,
    string ReviewLabel,
    DateOnly DueOn,
    DateOnly? HeldOn,
    string Situation,
    IReadOnlyList<IncomeRow> Incomes,
    IReadOnlyList<PlanAxis> Axes,
    string Summary,
    string Decision,
    string DecisionDetail) : IMeasureDocument
{
    public decimal TotalIncome => Incomes.Sum(i => i.MonthlyAmount);
}

/// The « bilan de mesure »: its fields and the mapping from the review.
public static class BilanMesure
{
    public const string Kind = "BilanMesure";

    public static readonly DocumentDictionary Dictionary = new(Kind, "Bilan de mesure",
    [
        .. CommonFields.Household(withReferencePerson: false),
        .. CommonFields.Measure("ASLL", "FSL / Conseil départemental"),
        FieldDefinition.Text("bilan.intitule", "Bilan", "Bilan à 6 mois"),
        FieldDefinition.Date("bilan.date_prevue", "Date prévue du bilan", "1 juin 2027"),
        FieldDefinition.Date("bilan.date", "Date du bilan (vide s'il n'est pas encore tenu)", "3 juin 2027"),
        FieldDefinition.Text("situation", "Situation du ménage", "Hébergée chez un tiers depuis la séparation…"),
        FieldDefinition.List("ressources", "Ressources mensuelles", "une ligne par ressource",
            FieldDefinition.Text("ressource.type", "Nature", "Salaire"),
            FieldDefinition.Text("ressource.personne", "Bénéficiaire", "Sophie Martin"),
            FieldDefinition.Amount("ressource.montant", "Montant mensuel", "1 150,00 €")),
        FieldDefinition.Amount("ressources.total", "Total des ressources mensuelles", "1 430,00 €"),
        FieldDefinition.List("plan.axes", "Axes du plan d'action", "une ligne de tableau par axe",
            FieldDefinition.Text("axe.intitule", "Intitulé de l'axe", "Gestion du budget"),
            FieldDefinition.Text("axe.objectif", "Objectif de l'axe", "Régler la dette de loyer"),
            FieldDefinition.Text("axe.statut", "Où en est l'axe", "En cours"),
            FieldDefinition.Text("axe.notes", "Avancée (notes de suivi)", "Dossier FSL accordé en mars"),
            FieldDefinition.Text("axe.actions", "Actions prévues (une par ligne)", "Monter un dossier FSL")),
        FieldDefinition.Text("bilan.synthese", "Synthèse du bilan", "La dette est soldée…"),
        FieldDefinition.Text("decision.libelle", "Décision", "Poursuite de la mesure"),
        FieldDefinition.Text("decision.detail", "Précision sur la décision", "Renouvellement de 6 mois"),
    ]);

    public static TemplateModel Model(MeasureReview r) => CommonFields.AddMeasureCase(new TemplateModel
    {
        ["bilan.intitule"] = r.ReviewLabel,
        ["bilan.date_prevue"] = r.DueOn,
        ["bilan.date"] = r.HeldOn,
        ["situation"] = r.Situation,
        ["ressources"] = r.Incomes.Select(i => new TemplateModel
        {
            ["ressource.type"] = i.Kind,
            ["ressource.personne"] = i.Person,
            ["ressource.montant"] = i.MonthlyAmount,
        }).ToList(),
        ["ressources.total"] = r.TotalIncome,
        ["plan.axes"] = r.Axes.Select(a => new TemplateModel
        {
            ["axe.intitule"] = a.Title,
            ["axe.objectif"] = a.Objective,
            ["axe.statut"] = a.Status,
            ["axe.notes"] = a.Notes,
            ["axe.actions"] = a.Actions,
        }).ToList(),
        ["bilan.synthese"] = r.Summary,
        ["decision.libelle"] = r.Decision,
        ["decision.detail"] = r.DecisionDetail,
    }, r);

    public static MeasureReview Sample() => new(
        Letterhead.Sample,
        "Claire Dubois",
        "Famille Martin",
        CommonFields.SampleMembers,
        "Résidence Les Tilleuls, appartement 12, 4 allée des Acacias, 59300 Valenciennes",
        "Accompagnement social lié au logement (ASLL)",
        "FSL / Conseil départemental",
        new DateOnly(2026, 12, 1), new DateOnly(2027, 11, 30),
        "Bilan à 6 mois", new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 3),
        "Locataire en difficulté pour se maintenir. Dette de loyer de 1 240 € à l'entrée dans la mesure.",
        [new("Salaire", "Sophie Martin", 1150m), new("Allocations familiales", "", 280m)],
        [
            new("Gestion du budget", "Régler la dette de loyer", "Monter un dossier FSL maintien", "Atteint", "FSL accordé, dette soldée en avril."),
            new("Accès et maintien des droits", "Ouvrir tous les droits du ménage", "Demande d'APL", "En cours", "APL ouverte, complémentaire santé en attente."),
        ],
        "Le ménage paie son loyer chaque mois depuis janvier et tient son budget.",
        "Poursuite de la mesure",
        "");
}
