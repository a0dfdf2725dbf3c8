using Portal.Domain.Requests;
namespace Portal.Documents.Templates;

public sealed record RentMonth(string Month, decimal Called, decimal Paid, decimal Balance);

/// The review sheet an IML measure sends to the State at 6 and 10 months: the rent paid month by
/// month, and whether the measure goes on or the lease slides to the household.
public sealed record StateReviewSheet(
    Letterhead Association,
    string ReferentName,
    string HouseholdName,
    IReadOnlyList<HouseholdMember> Members,
    string HousingAddress,
    string LandlordName,
    string MeasureKind,
    string FunderName,
    DateOnly Start,
    DateOnly End,
    int MonthsFromStart,
    DateOnly ReviewDate,
    decimal Rent,
    decimal Charges,
    IReadOnlyList<RentMonth> Statement,
    decimal Arrears,
    string Decision,
    bool Slide,
    string Summary) : IMeasureDocument
{
    /// « Madame Fatou KONATE »: the household's reference person.
    public string? ReferencePerson { get; init; } = "";

    public decimal TotalCalled => Statement.Sum(s => s.Called);
    public decimal TotalPaid => Statement.Sum(s => s.Paid);
}

/// The « fiche-bilan » for the State (IML): its fields and the mapping from the sheet.
public static class FicheBilanEtat
{
    public const string Kind = "FicheBilanEtat";

    public static readonly DocumentDictionary Dictionary = new(Kind, "Fiche-bilan IML pour l'État",
    [
        .. CommonFields.Household(withReferencePerson: true),
        FieldDefinition.Text("bailleur.nom", "Bailleur du logement", "Partenord Habitat"),
        .. CommonFields.Measure("IML sortie de structures", "DDETS"),
        FieldDefinition.Number("bilan.mois", "Échéance du bilan, en mois", "6"),
        FieldDefinition.Date("bilan.date", "Date du bilan", "1 juin 2027"),
        FieldDefinition.Amount("bail.loyer", "Loyer mensuel", "420,00 €"),
        FieldDefinition.Amount("bail.charges", "Charges mensuelles", "60,00 €"),
        FieldDefinition.List("loyers", "Loyers appelés et payés", "une ligne de tableau par mois",
            FieldDefinition.Text("loyer.mois", "Mois", "janvier 2027"),
            FieldDefinition.Amount("loyer.appele", "Appelé", "480,00 €"),
            FieldDefinition.Amount("loyer.paye", "Payé", "480,00 €"),
            FieldDefinition.Amount("loyer.solde", "Solde en fin de mois", "0,00 €")),
        FieldDefinition.Amount("loyers.total_appele", "Total appelé", "2 880,00 €"),
        FieldDefinition.Amount("loyers.total_paye", "Total payé", "2 880,00 €"),
        FieldDefinition.Amount("loyers.impaye", "Impayé au jour du bilan", "0,00 €"),
        FieldDefinition.Text("decision.libelle", "Décision", "Glissement du bail"),
        FieldDefinition.Flag("decision.glissement", "Le bail glisse (oui / non)", "oui"),
        FieldDefinition.Text("bilan.synthese", "Synthèse du bilan", "Loyers payés à jour depuis six mois…"),
    ]);

    public static TemplateModel Model(StateReviewSheet s) => CommonFields.AddMeasureCase(new TemplateModel
    {
        ["bailleur.nom"] = s.LandlordName,
        ["bilan.mois"] = s.MonthsFromStart,
        ["bilan.date"] = s.ReviewDate,
        ["bail.loyer"] = s.Rent,
        ["bail.charges"] = s.Charges,
        ["loyers"] = s.Statement.Select(m => new TemplateModel
        {
            ["loyer.mois"] = m.Month,
            ["loyer.appele"] = m.Called,
            ["loyer.paye"] = m.Paid,
            ["loyer.solde"] = m.Balance,
        }).ToList(),
        ["loyers.total_appele"] = s.TotalCalled,
        ["loyers.total_paye"] = s.TotalPaid,
        ["loyers.impaye"] = s.Arrears,
        ["decision.libelle"] = s.Decision,
        ["decision.glissement"] = s.Slide,
        ["bilan.synthese"] = s.Summary,
    }, s);

    public static StateReviewSheet Sample() => new(
        Letterhead.Sample,
        "Claire Dubois",
        "Famille Martin",
        CommonFields.SampleMembers,
        "Résidence Les Tilleuls, appartement 12, 4 allée des Acacias, 59300 Valenciennes",
        "Partenord Habitat",
        "IML sortie de structures",
        "DDETS",
        new DateOnly(2026, 12, 1), new DateOnly(2027, 11, 30),
        6, new DateOnly(2027, 6, 1),
        420m, 60m,
        [
            new("décembre 2026", 480m, 480m, 0m),
            new("janvier 2027", 480m, 400m, 80m),
            new("février 2027", 480m, 560m, 0m),
            new("mars 2027", 480m, 480m, 0m),
            new("avril 2027", 480m, 480m, 0m),
            new("mai 2027", 480m, 480m, 0m),
        ],
        0m,
        "Glissement du bail",
        true,
        "Loyers payés à jour depuis trois mois, situation stable : le bail glisse au nom du ménage.")
    {
        ReferencePerson = CommonFields.SampleReferencePerson,
    };
}
