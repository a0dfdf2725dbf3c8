namespace Portal.Documents.Templates;

public sealed record CountLine(string Label, int Count);

public sealed record CostLine(string Item, decimal UnitCost, string Quantity, decimal Amount, decimal Budget)
{
    public decimal Gap => Amount - Budget;
}

/// A year of activity for one funder (or all): who was followed, who came and left, where they went,
/// and what it cost against the budget.
public sealed record ActivityReport(
    Letterhead Association,
    int Year,
    string FunderName,
    DateOnly EditedOn,
    int HouseholdsFollowed,
    int PersonsFollowed,
    int Entries,
    int Exits,
    decimal AverageMonths,
    IReadOnlyList<CountLine> Measures,
    IReadOnlyList<CountLine> Profiles,
    IReadOnlyList<CountLine> TargetGroups,
    IReadOnlyList<CountLine> ResourceBands,
    IReadOnlyList<CountLine> ExitDestinations,
    IReadOnlyList<CostLine> Costs)
{
    /// Landlord–tenant mediations that ran in the year, the households concerned, their issues and
    /// the outcomes of those that ended in the year.
    public MediationCounts Mediations { get; init; } = MediationCounts.None;

    public decimal TotalCost => Costs.Sum(c => c.Amount);
    public decimal TotalBudget => Costs.Sum(c => c.Budget);
    public decimal TotalGap => TotalCost - TotalBudget;
}

public sealed record MediationCounts(int Count, int Households, int Open, IReadOnlyList<CountLine> Issues, IReadOnlyList<CountLine> Outcomes)
{
    public static readonly MediationCounts None = new(0, 0, 0, [], []);
}

/// The « bilan d'activité annuel »: its fields and the mapping from the report.
public static class BilanActivite
{
    public const string Kind = "BilanActivite";

    public static readonly DocumentDictionary Dictionary = new(Kind, "Bilan d'activité annuel",
    [
        .. CommonFields.Association,
        FieldDefinition.Number("annee", "Année", "2026"),
        FieldDefinition.Text("financeur.nom", "Financeur (ou « tous financeurs »)", "FSL / Conseil départemental"),
        FieldDefinition.Date("edition.date", "Date d'édition", "15 janvier 2027"),
        FieldDefinition.Number("menages.suivis", "Ménages suivis dans l'année", "42"),
        FieldDefinition.Number("personnes.suivies", "Personnes suivies (membres des ménages)", "97"),
        FieldDefinition.Number("menages.entres", "Ménages entrés dans l'année", "18"),
        FieldDefinition.Number("menages.sortis", "Ménages sortis dans l'année", "15"),
        FieldDefinition.Number("duree.moyenne_mois", "Durée moyenne d'accompagnement, en mois", "11,5"),
        Counts("mesures", "Mesures par type", "mesure", "Type de mesure", "ASLL"),
        Counts("profils", "Situation à l'entrée", "profil", "Situation", "Hébergé(e) chez un tiers"),
        Counts("publics", "Publics cibles", "public", "Public", "Jeunes de 18 à 25 ans"),
        Counts("ressources", "Tranches de ressources mensuelles", "tranche", "Tranche", "de 500 à 999 €"),
        Counts("sorties", "Sorties par destination", "sortie", "Destination", "ESH / bailleur social"),
        FieldDefinition.Number("mediations.nombre", "Médiations bailleur-locataire menées dans l'année", "12"),
        FieldDefinition.Number("mediations.menages", "Ménages concernés par une médiation", "11"),
        FieldDefinition.Number("mediations.en_cours", "Médiations en cours à la date d'édition ou en fin d'année", "3"),
        FieldDefinition.List("mediations.motifs", "Médiations par motif", "une ligne de tableau par motif",
            FieldDefinition.Text("motif.libelle", "Motif", "Impayés de loyer"),
            FieldDefinition.Number("motif.nombre", "Nombre de médiations", "7")),
        FieldDefinition.List("mediations.issues", "Médiations closes par issue", "une ligne de tableau par issue",
            FieldDefinition.Text("issue.libelle", "Issue", "Plan d'apurement"),
            FieldDefinition.Number("issue.nombre", "Nombre de médiations", "4")),
        FieldDefinition.List("couts", "Coûts réalisés et budget", "une ligne de tableau par poste",
            FieldDefinition.Text("cout.poste", "Poste", "Accompagnement individuel"),
            FieldDefinition.Amount("cout.unitaire", "Coût unitaire", "1 500,00 €"),
            FieldDefinition.Text("cout.quantite", "Quantité", "38,5 ménages-années"),
            FieldDefinition.Amount("cout.montant", "Réalisé", "57 750,00 €"),
            FieldDefinition.Amount("cout.budget", "Budget", "60 000,00 €"),
            FieldDefinition.Amount("cout.ecart", "Écart (réalisé − budget)", "−2 250,00 €")),
        FieldDefinition.Amount("couts.total", "Total réalisé", "71 100,00 €"),
        FieldDefinition.Amount("budget.total", "Budget total", "76 000,00 €"),
        FieldDefinition.Amount("budget.ecart", "Écart total", "−4 900,00 €"),
    ]);

    private static FieldDefinition Counts(string list, string label, string item, string itemLabel, string example) =>
        FieldDefinition.List(list, label, "une ligne de tableau par catégorie",
            FieldDefinition.Text($"{item}.libelle", itemLabel, example),
            FieldDefinition.Number($"{item}.nombre", "Nombre de ménages", "7"));

    private static List<TemplateModel> Lines(IEnumerable<CountLine> lines, string item) =>
        lines.Select(l => new TemplateModel { [$"{item}.libelle"] = l.Label, [$"{item}.nombre"] = l.Count }).ToList();

    public static TemplateModel Model(ActivityReport r)
    {
        var model = new TemplateModel
        {
            ["annee"] = r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["financeur.nom"] = r.FunderName,
            ["edition.date"] = r.EditedOn,
            ["menages.suivis"] = r.HouseholdsFollowed,
            ["personnes.suivies"] = r.PersonsFollowed,
            ["menages.entres"] = r.Entries,
            ["menages.sortis"] = r.Exits,
            // A duration, not money: a decimal would be written in euros.
            ["duree.moyenne_mois"] = (double)Math.Round(r.AverageMonths, 1),
            ["mesures"] = Lines(r.Measures, "mesure"),
            ["profils"] = Lines(r.Profiles, "profil"),
            ["publics"] = Lines(r.TargetGroups, "public"),
            ["ressources"] = Lines(r.ResourceBands, "tranche"),
            ["sorties"] = Lines(r.ExitDestinations, "sortie"),
            ["mediations.nombre"] = r.Mediations.Count,
            ["mediations.menages"] = r.Mediations.Households,
            ["mediations.en_cours"] = r.Mediations.Open,
            ["mediations.motifs"] = Lines(r.Mediations.Issues, "motif"),
            ["mediations.issues"] = Lines(r.Mediations.Outcomes, "issue"),
            ["couts"] = r.Costs.Select(c => new TemplateModel
            {
                ["cout.poste"] = c.Item,
                ["cout.unitaire"] = c.UnitCost,
                ["cout.quantite"] = c.Quantity,
                ["cout.montant"] = c.Amount,
                ["cout.budget"] = c.Budget,
                ["cout.ecart"] = c.Gap,
            }).ToList(),
            ["couts.total"] = r.TotalCost,
            ["budget.total"] = r.TotalBudget,
            ["budget.ecart"] = r.TotalGap,
        };
        CommonFields.AddAssociation(model, r.Association);
        return model;
    }

    public static ActivityReport Sample() => new(
        Letterhead.Sample, 2026, "FSL / Conseil départemental", new DateOnly(2027, 1, 15),
        42, 97, 18, 15, 11.5m,
        [new("ASLL", 30), new("Bail glissant", 12)],
        [new("Hébergé(e) chez un tiers", 14), new("Locataire en difficulté pour se maintenir", 20), new("Sans domicile", 8)],
        [new("Jeunes de 18 à 25 ans", 9), new("Femmes victimes de violences", 5)],
        [new("moins de 500 €", 6), new("de 500 à 999 €", 17), new("de 1 000 à 1 499 €", 13), new("1 500 € et plus", 6)],
        [new("ESH / bailleur social", 8), new("Parc privé", 3), new("Bail glissant", 4)],
        ActivityCosts.Lines(diagnostics: 18, householdMonths: 462, collectiveSites: 3))
    {
        Mediations = new(12, 11, 3,
            [new("Impayés de loyer", 7), new("Troubles de voisinage", 3), new("Entretien du logement", 2)],
            [new("Plan d'apurement", 4), new("Accord amiable", 3), new("Orientation vers un partenaire", 1), new("Échec", 1)]),
    };
}

/// The unit costs of the « 10 000 logements accompagnés » project (seed 001): a territory diagnosis
/// of 1 000 €, 150 € per household diagnosis, 1 500 € per household and year of individual support,
/// 1 000 € of collective actions (three workshops) per neighbourhood; 76 000 € for 40 households.
public static class ActivityCosts
{
    public const decimal TerritoryDiagnosis = 1000m;
    public const decimal HouseholdDiagnosis = 150m;
    public const decimal YearlySupport = 1500m;
    public const decimal CollectivePerSite = 1000m;
    public const int BudgetedHouseholds = 40;
    public const int BudgetedSites = 3;

    public static IReadOnlyList<CostLine> Lines(int diagnostics, int householdMonths, int collectiveSites) =>
    [
        new("Diagnostic de territoire", TerritoryDiagnosis, "1", TerritoryDiagnosis, TerritoryDiagnosis),
        new("Diagnostic individuel", HouseholdDiagnosis, $"{diagnostics} ménages", diagnostics * HouseholdDiagnosis, BudgetedHouseholds * HouseholdDiagnosis),
        new("Accompagnement individuel", YearlySupport,
            $"{(householdMonths / 12m).ToString("0.#", Portal.Domain.Formatting.French.Culture)} ménages-années",
            decimal.Round(householdMonths * YearlySupport / 12m, 2), BudgetedHouseholds * YearlySupport),
        new("Actions collectives", CollectivePerSite, $"{collectiveSites} quartiers", collectiveSites * CollectivePerSite, BudgetedSites * CollectivePerSite),
    ];
}
