using Portal.Domain.Formatting;

namespace Portal.Documents.Templates;

public sealed record SessionMember(string Name, string Organisation, string Role);

public sealed record SessionDecision(int Number, string Household, string PresentedBy, string Decision, string Detail);

/// The minutes of a committee session: who sat, and what was decided for each situation.
public sealed record SessionMinutes(
    Letterhead Association,
    string CommitteeName,
    string CommitteeKind,
    DateOnly HeldOn,
    string Status,
    IReadOnlyList<SessionMember> Present,
    IReadOnlyList<SessionDecision> Decisions,
    string ChairName,
    DateOnly SignatureDate);

/// The « procès-verbal de commission »: its fields and the mapping from the minutes.
public static class ProcesVerbal
{
    public const string Kind = "ProcesVerbalCommission";

    public static readonly DocumentDictionary Dictionary = new(Kind, "Procès-verbal de commission",
    [
        .. CommonFields.Association,
        FieldDefinition.Text("instance.nom", "Nom de l'instance", "Commission d'attribution de Valenciennes"),
        FieldDefinition.Text("instance.type", "Type d'instance", "Instance décisionnaire"),
        FieldDefinition.Date("seance.date", "Date de la séance", "3 décembre 2026"),
        FieldDefinition.Text("seance.statut", "État de la séance", "Close"),
        FieldDefinition.List("presents", "Membres présents", "une ligne de tableau par membre",
            FieldDefinition.Text("present.nom", "Nom", "Jeanne Leroy"),
            FieldDefinition.Text("present.organisation", "Organisation", "CCAS de Valenciennes"),
            FieldDefinition.Text("present.role", "Qualité", "Présidente")),
        FieldDefinition.Number("presents.nombre", "Nombre de membres présents", "5"),
        FieldDefinition.Text("presents.texte", "Nombre de membres présents, accordé", "5 membres présents"),
        FieldDefinition.List("decisions", "Décisions", "une ligne de tableau par situation",
            FieldDefinition.Number("decision.numero", "Numéro à l'ordre du jour", "1"),
            FieldDefinition.Text("decision.menage", "Ménage ou demande", "MARTIN Sophie"),
            FieldDefinition.Text("decision.presentee_par", "Présentée par", "Claire Dubois"),
            FieldDefinition.Text("decision.nature", "Décision", "Attribution d'un logement"),
            FieldDefinition.Text("decision.detail", "Précisions", "Entrée le 15 décembre 2026 pour 6 mois")),
        FieldDefinition.Number("decisions.nombre", "Nombre de situations examinées", "4"),
        FieldDefinition.Text("decisions.texte", "Nombre de situations examinées, accordé", "1 situation examinée"),
        FieldDefinition.Text("president.nom", "Président(e) de séance", "Jeanne Leroy"),
        FieldDefinition.Date("signature.date", "Date de signature", "3 décembre 2026"),
    ]);

    public static TemplateModel Model(SessionMinutes m)
    {
        var model = new TemplateModel
        {
            ["instance.nom"] = m.CommitteeName,
            ["instance.type"] = m.CommitteeKind,
            ["seance.date"] = m.HeldOn,
            ["seance.statut"] = m.Status,
            ["presents"] = m.Present.Select(p => new TemplateModel
            {
                ["present.nom"] = p.Name,
                ["present.organisation"] = p.Organisation,
                ["present.role"] = p.Role,
            }).ToList(),
            ["presents.nombre"] = m.Present.Count,
            ["presents.texte"] = French.Count(m.Present.Count, "membre présent", "membres présents"),
            ["decisions"] = m.Decisions.Select(d => new TemplateModel
            {
                ["decision.numero"] = d.Number,
                ["decision.menage"] = d.Household,
                ["decision.presentee_par"] = d.PresentedBy,
                ["decision.nature"] = d.Decision,
                ["decision.detail"] = d.Detail,
            }).ToList(),
            ["decisions.nombre"] = m.Decisions.Count,
            ["decisions.texte"] = French.Count(m.Decisions.Count, "situation examinée", "situations examinées"),
            ["president.nom"] = m.ChairName,
            ["signature.date"] = m.SignatureDate,
        };
        CommonFields.AddAssociation(model, m.Association);
        return model;
    }

    public static SessionMinutes Sample() => new(
        Letterhead.Sample,
        "Commission d'attribution de Valenciennes",
        "Instance décisionnaire",
        new DateOnly(2026, 12, 3),
        "Close",
        [
            new("Jeanne Leroy", "CCAS de Valenciennes", "Présidente"),
            new("Claire Dubois", "Association Passerelle", "Travailleuse sociale"),
            new("Marc Petit", "Partenord Habitat", "Chargé de gestion locative"),
        ],
        [
            new(1, "Famille Martin", "Claire Dubois", "Attribution d'un logement", "Entrée le 15 décembre 2026 pour 6 mois"),
            new(2, "DURAND Paul", "Claire Dubois", "Ouverture d'un accompagnement", "ASLL, 12 mois"),
            new(3, "PETIT Marc (DL-2026-000412)", "Marc Petit", "Ajournement", "Pièces à compléter"),
        ],
        "Jeanne Leroy",
        new DateOnly(2026, 12, 3));
}
