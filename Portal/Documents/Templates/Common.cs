using Portal.Domain.Requests;
namespace Portal.Documents.Templates;

/// Who writes the document: every default template carries it in its letterhead.
public sealed record Letterhead(string Name, string Address, byte[]? Logo)
{
    public static readonly Letterhead Sample = new("Association Passerelle", "12 rue des Tanneurs, 59300 Valenciennes", null);
}

/// What every document about a support measure says of it: who writes, who is followed, where, which
/// measure. The contract, the review and the State sheet implement it, so their shared fields are
/// declared and filled once (<see cref="CommonFields.Household"/>, <see cref="CommonFields.Measure"/>,
/// <see cref="CommonFields.AddMeasureCase"/>).
public interface IMeasureDocument
{
    Letterhead Association { get; }
    string ReferentName { get; }
    string HouseholdName { get; }
    IReadOnlyList<HouseholdMember> Members { get; }
    string HousingAddress { get; }
    string MeasureKind { get; }
    string FunderName { get; }
    DateOnly Start { get; }
    DateOnly End { get; }

    /// « Madame Fatou KONATE », for the documents that name the reference person; null for the others.
    string? ReferencePerson => null;
}

/// Fields several kinds of documents share, with the same paths so a letterhead fits them all.
internal static class CommonFields
{
    public static FieldDefinition[] Association =>
    [
        FieldDefinition.Text("association.nom", "Nom de l'association", "Association Passerelle"),
        FieldDefinition.Text("association.adresse", "Adresse de l'association", "12 rue des Tanneurs, 59300 Valenciennes"),
        FieldDefinition.Image("association.logo", "Logo de l'association (image)", "le logo déposé dans les réglages"),
    ];

    /// The reference person as letters name them: « Madame Sophie MARTIN », or the name alone when
    /// the civility is not recorded.
    public static FieldDefinition ReferencePersonField =>
        FieldDefinition.Text("menage.personne_reference", "Personne de référence du ménage (civilité, prénom et nom)", "Madame Sophie MARTIN");

    public const string SampleReferencePerson = "Madame Sophie MARTIN";

    public static FieldDefinition MembersField => FieldDefinition.List("menage.membres", "Membres du ménage", "une ligne par personne",
        FieldDefinition.Text("membre.prenom", "Prénom", "Sophie"),
        FieldDefinition.Text("membre.nom", "Nom", "Martin"),
        FieldDefinition.Text("membre.lien", "Place dans le ménage", "personne de référence"),
        FieldDefinition.Date("membre.date_naissance", "Date de naissance", "14 mars 1988"));

    /// The letterhead, the referent and the household, in the order the documents list them.
    public static FieldDefinition[] Household(bool withReferencePerson) =>
    [
        .. Association,
        FieldDefinition.Text("referent.nom", "Travailleur social référent", "Claire Dubois"),
        FieldDefinition.Text("menage.nom", "Nom du ménage", "Famille Martin"),
        .. withReferencePerson ? [ReferencePersonField] : Array.Empty<FieldDefinition>(),
        MembersField,
        FieldDefinition.Text("logement.adresse", "Adresse du logement", "4 allée des Acacias, 59300 Valenciennes"),
    ];

    /// The measure's kind, funder and dates, with the examples the document's help page shows.
    public static FieldDefinition[] Measure(string kindExample, string funderExample) =>
    [
        FieldDefinition.Text("mesure.type", "Type de mesure", kindExample),
        FieldDefinition.Text("financeur.nom", "Financeur de la mesure", funderExample),
        FieldDefinition.Date("mesure.date_debut", "Début de la mesure", "1 décembre 2026"),
        FieldDefinition.Date("mesure.date_fin", "Fin de la mesure", "30 novembre 2027"),
    ];

    /// Fills the fields of <see cref="Household"/> and <see cref="Measure"/> from the document.
    public static TemplateModel AddMeasureCase(TemplateModel model, IMeasureDocument d)
    {
        AddAssociation(model, d.Association);
        model["referent.nom"] = d.ReferentName;
        model["menage.nom"] = d.HouseholdName;
        if (d.ReferencePerson is { } person)
            model["menage.personne_reference"] = person;
        model["menage.membres"] = Members(d.Members);
        model["logement.adresse"] = d.HousingAddress;
        model["mesure.type"] = d.MeasureKind;
        model["financeur.nom"] = d.FunderName;
        model["mesure.date_debut"] = d.Start;
        model["mesure.date_fin"] = d.End;
        return model;
    }

    public static void AddAssociation(TemplateModel model, Letterhead a)
    {
        model["association.nom"] = a.Name;
        model["association.adresse"] = a.Address;
        model["association.logo"] = a.Logo is { Length: > 0 } logo ? new TemplateImage(logo, WidthCm: 3) : null;
    }

    public static List<TemplateModel> Members(IEnumerable<HouseholdMember> members) => members.Select(m => new TemplateModel
    {
        ["membre.prenom"] = m.FirstName,
        ["membre.nom"] = m.LastName,
        ["membre.lien"] = m.Relationship,
        ["membre.date_naissance"] = m.BirthDate,
    }).ToList();

    public static IReadOnlyList<HouseholdMember> SampleMembers =>
    [
        new("Sophie", "Martin", "personne de référence", new DateOnly(1988, 3, 14)),
        new("Karim", "Martin", "conjoint", new DateOnly(1985, 7, 2)),
        new("Lina", "Martin", "enfant", new DateOnly(2016, 9, 30)),
    ];
}

/// One axis of an action plan as the documents show it.
public sealed record PlanAxis(string Title, string Objective, string Actions, string Status, string Notes);
