using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Documents.Templates.Defaults;

/// The templates the project ships, built in code so that a change shows in a diff; an admin
/// downloads one, adapts it in Word and uploads it back. This and <see cref="DocxTemplate"/> are
/// the only classes here that speak OpenXml.
public static class DefaultTemplates
{
    private const string Font = "Arial";
    private const string Blue = "1F3A68";
    private const string Grey = "5A5A5A";
    private const string Shade = "E4EAF3";

    private static readonly Lazy<byte[]> Tripartite = new(BuildContratTripartite);
    private static readonly Lazy<byte[]> Accompagnement = new(BuildContratAccompagnement);
    private static readonly Lazy<byte[]> Bilan = new(BuildBilanMesure);
    private static readonly Lazy<byte[]> FicheEtat = new(BuildFicheBilanEtat);
    private static readonly Lazy<byte[]> Pv = new(BuildProcesVerbal);
    private static readonly Lazy<byte[]> Activite = new(BuildBilanActivite);

    public static byte[] ContratTripartite() => (byte[])Tripartite.Value.Clone();
    public static byte[] ContratAccompagnement() => (byte[])Accompagnement.Value.Clone();
    public static byte[] BilanMesure() => (byte[])Bilan.Value.Clone();
    public static byte[] FicheBilanEtat() => (byte[])FicheEtat.Value.Clone();
    public static byte[] ProcesVerbal() => (byte[])Pv.Value.Clone();
    public static byte[] BilanActivite() => (byte[])Activite.Value.Clone();

    /// A4 page with the letterhead in the header, « footer — page n / N » in the footer, and the body.
    private static byte[] Build(string footerText, params OpenXmlElement[] content) => WordPage.A4(
        Styles(),
        new Header(
            LetterheadTable(),
            P(new ParagraphProperties(new SpacingBetweenLines { After = "0" }))),
        new Footer(
            P(new ParagraphProperties(
                    new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0", Space = 4 }),
                    new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9638 })),
                R(footerText, size: 16, color: Grey),
                new Run(new RunProperties(new Color { Val = Grey }, new FontSize { Val = "16" }), new TabChar(), new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(R("1", size: 16, color: Grey)) { Instruction = " PAGE " },
                R(" / ", size: 16, color: Grey),
                new SimpleField(R("1", size: 16, color: Grey)) { Instruction = " NUMPAGES " })),
        content);

    private static byte[] BuildContratTripartite() => Build("Contrat tripartite — {{menage.nom}}",
                Styled("Title", "Contrat d'accompagnement tripartite"),
                P(new ParagraphProperties(new SpacingBetweenLines { After = "360" }, new Justification { Val = JustificationValues.Center }),
                    R("{{mesure.type}}", italic: true, color: Grey)),

                Styled("Heading1", "1. Les parties"),
                Text("Entre les soussignés :"),
                P(R("{{association.nom}}", bold: true), R(", dont le siège est situé {{association.adresse}}, représentée par {{referent.nom}}, référente de la mesure, ci-après « l'association » ;")),
                P(R("le ménage "), R("{{menage.nom}}", bold: true), R(", représenté par "), R("{{menage.personne_reference}}", bold: true), R(", domicilié {{logement.adresse}}, composé de :")),
                Text("{{#menage.membres}}"),
                Bullet(R("{{membre.prenom}} {{membre.nom}}", bold: true), R(", {{membre.lien}}, né(e) le {{membre.date_naissance}} ;")),
                Text("{{/menage.membres}}"),
                Text("ci-après « le ménage » ;"),
                P(R("{{financeur.nom}}", bold: true), R(", financeur de la mesure, ci-après « le financeur ».")),

                Styled("Heading1", "2. Objet du contrat"),
                Text("Le présent contrat fixe les objectifs et les modalités de l'accompagnement social lié au logement dont bénéficie le ménage. Il est établi à partir du diagnostic partagé avec le ménage et engage chacune des parties."),
                Text("{{?bail_glissant}}"),
                Text("Le logement est loué par l'association à {{bailleur.nom}} et sous-loué au ménage en bail glissant : lorsque les objectifs du plan d'action seront atteints, le bail glissera au nom du ménage, qui deviendra locataire en titre."),
                Text("{{/bail_glissant}}"),

                Styled("Heading1", "3. Durée"),
                Text("La mesure prend effet le {{mesure.date_debut}} et se termine le {{mesure.date_fin}}, soit une durée de {{mesure.duree_mois}} mois. Un bilan est fait à mi-parcours ; la mesure peut être renouvelée au vu du bilan final."),
                Text("Son coût, {{mesure.cout_mensuel}} par mois, est pris en charge par {{financeur.nom}}."),

                Styled("Heading1", "4. Plan d'action"),
                KeepWithNext("Les axes et les actions ci-dessous ont été définis avec le ménage ; ils sont revus à chaque bilan."),
                PlanTable(),

                Styled("Heading1", "5. Engagements de chacun"),
                Styled("Heading2", "Le ménage s'engage à :"),
                Text("{{engagements.menage}}"),
                Styled("Heading2", "L'association s'engage à :"),
                Text("{{engagements.association}}"),
                Styled("Heading2", "Le financeur s'engage à :"),
                Text("{{engagements.financeur}}"),

                Styled("Heading1", "6. Signatures"),
                KeepWithNext("Fait à {{signature.lieu}}, le {{signature.date}}, en trois exemplaires originaux."),
                SignatureTable(("Pour le ménage", "{{menage.personne_reference}}"), ("Pour l'association", "{{association.nom}}"), ("Pour le financeur", "{{financeur.nom}}")));

    private static OpenXmlElement[] MembersBullets() =>
    [
        Text("{{#menage.membres}}"),
        Bullet(R("{{membre.prenom}} {{membre.nom}}", bold: true), R(", {{membre.lien}}, né(e) le {{membre.date_naissance}}")),
        Text("{{/menage.membres}}"),
    ];

    private static byte[] BuildContratAccompagnement() => Build("Contrat d'accompagnement — {{menage.nom}}",
    [
        Styled("Title", "Contrat d'accompagnement"),
        Subtitle("{{mesure.type}} — financé par {{financeur.nom}}"),
        Styled("Heading1", "1. Les personnes accompagnées"),
        P(R("Le ménage "), R("{{menage.nom}}", bold: true), R(", représenté par "), R("{{menage.personne_reference}}", bold: true), R(", domicilié {{logement.adresse}}, composé de :")),
        .. MembersBullets(),
        P(R("est accompagné par "), R("{{referent.nom}}", bold: true), R(", travailleur social référent de {{association.nom}}.")),
        Styled("Heading1", "2. Durée et rythme"),
        Text("L'accompagnement commence le {{mesure.date_debut}} et se termine le {{mesure.date_fin}} ({{mesure.duree_mois}} mois). Nous nous rencontrons {{mesure.rythme}}, à l'association ou à domicile."),
        KeepWithNext("Les bilans prévus :"),
        DataTable("bilans", ("Bilan", 6000, "bilan.intitule", false), ("Date prévue", 3638, "bilan.date", false)),
        Styled("Heading1", "3. Ce que nous voulons atteindre ensemble"),
        DataTable("plan.axes", ("Axe", 2200, "axe.intitule", true), ("Objectif", 3000, "axe.objectif", false), ("Actions prévues", 3038, "axe.actions", false), ("Où en est-on", 1400, "axe.statut", false)),
        Styled("Heading1", "4. Nos engagements"),
        Styled("Heading2", "Je m'engage à :"),
        Text("{{engagements.personne}}"),
        Styled("Heading2", "L'association s'engage à :"),
        Text("{{engagements.association}}"),
        Text("Ce contrat peut être revu à tout moment à la demande de l'une ou l'autre partie. Les informations partagées restent confidentielles."),
        Styled("Heading1", "5. Signatures"),
        KeepWithNext("Fait à {{signature.lieu}}, le {{signature.date}}, en deux exemplaires."),
        SignatureTable(("La personne accompagnée", "{{menage.personne_reference}}"), ("Le référent", "{{referent.nom}}")),
    ]);

    private static byte[] BuildBilanMesure() => Build("{{bilan.intitule}} — {{menage.nom}}",
    [
        Styled("Title", "Bilan de mesure"),
        Subtitle("{{bilan.intitule}} — {{mesure.type}}"),
        Styled("Heading1", "1. Le ménage et la mesure"),
        KeyValueTable(
            ("Ménage", "{{menage.nom}}"),
            ("Adresse", "{{logement.adresse}}"),
            ("Référent", "{{referent.nom}}"),
            ("Mesure", "{{mesure.type}}, financée par {{financeur.nom}}"),
            ("Période", "du {{mesure.date_debut}} au {{mesure.date_fin}}"),
            ("Bilan", "prévu le {{bilan.date_prevue}}, tenu le {{bilan.date}}")),
        KeepWithNext("Composition du ménage :"),
        .. MembersBullets(),
        Styled("Heading1", "2. Situation"),
        Text("{{situation}}"),
        KeepWithNext("Ressources mensuelles du ménage :"),
        DataTable("ressources", ("Ressource", 4000, "ressource.type", false), ("Bénéficiaire", 3638, "ressource.personne", false), ("Montant", 2000, "ressource.montant", false)),
        P(R("Total des ressources : "), R("{{ressources.total}}", bold: true), R(" par mois.")),
        Styled("Heading1", "3. Avancée du plan d'action"),
        DataTable("plan.axes", ("Axe", 2000, "axe.intitule", true), ("Objectif", 2600, "axe.objectif", false), ("Avancée", 3638, "axe.notes", false), ("État", 1400, "axe.statut", false)),
        Styled("Heading1", "4. Synthèse"),
        Text("{{bilan.synthese}}"),
        Styled("Heading1", "5. Décision"),
        P(R("Décision : "), R("{{decision.libelle}}", bold: true), R(". {{decision.detail}}")),
        Styled("Heading1", "6. Signatures"),
        SignatureTable(("Le ménage", "{{menage.nom}}"), ("Le référent", "{{referent.nom}}"), ("Pour l'association", "{{association.nom}}")),
    ]);

    private static byte[] BuildFicheBilanEtat() => Build("Fiche-bilan IML à {{bilan.mois}} mois — {{menage.nom}}",
    [
        Styled("Title", "Fiche-bilan intermédiation locative"),
        Subtitle("Bilan à {{bilan.mois}} mois — à l'attention des services de l'État ({{financeur.nom}})"),
        Styled("Heading1", "1. Identification"),
        KeyValueTable(
            ("Ménage", "{{menage.nom}}"),
            ("Personne de référence", "{{menage.personne_reference}}"),
            ("Logement", "{{logement.adresse}}"),
            ("Bailleur", "{{bailleur.nom}}"),
            ("Mesure", "{{mesure.type}}, du {{mesure.date_debut}} au {{mesure.date_fin}}"),
            ("Opérateur", "{{association.nom}} — référent : {{referent.nom}}"),
            ("Date du bilan", "{{bilan.date}}")),
        KeepWithNext("Composition du ménage :"),
        .. MembersBullets(),
        Styled("Heading1", "2. Paiement du loyer"),
        Text("Loyer {{bail.loyer}} et charges {{bail.charges}} par mois, appelés par l'association le 1er de chaque mois."),
        DataTable("loyers", ("Mois", 2800, "loyer.mois", false), ("Appelé", 2280, "loyer.appele", false), ("Payé", 2280, "loyer.paye", false), ("Solde en fin de mois", 2278, "loyer.solde", false)),
        P(R("Total appelé : {{loyers.total_appele}} — total payé : {{loyers.total_paye}} — "), R("impayé au jour du bilan : {{loyers.impaye}}", bold: true)),
        Styled("Heading1", "3. Décision"),
        P(R("Décision : "), R("{{decision.libelle}}", bold: true)),
        Text("{{?decision.glissement}}"),
        Text("Le bail glisse au nom du ménage, qui devient locataire en titre de {{bailleur.nom}}. Un accompagnement de maintien dans le logement prend le relais."),
        Text("{{/decision.glissement}}"),
        Text("{{bilan.synthese}}"),
        Styled("Heading1", "4. Visas"),
        SignatureTable(("L'opérateur", "{{association.nom}}"), ("Le bailleur", "{{bailleur.nom}}"), ("Les services de l'État", "{{financeur.nom}}")),
    ]);

    private static byte[] BuildProcesVerbal() => Build("Procès-verbal — {{instance.nom}} du {{seance.date}}",
    [
        Styled("Title", "Procès-verbal de commission"),
        Subtitle("{{instance.nom}} ({{instance.type}}) — séance du {{seance.date}}"),
        Styled("Heading1", "1. Membres présents"),
        KeepWithNext("{{presents.texte}} :"),
        DataTable("presents", ("Nom", 3200, "present.nom", true), ("Organisation", 3638, "present.organisation", false), ("Qualité", 2800, "present.role", false)),
        Styled("Heading1", "2. Décisions"),
        KeepWithNext("{{decisions.texte}} :"),
        DataTable("decisions", ("N°", 600, "decision.numero", false), ("Ménage ou demande", 2400, "decision.menage", true), ("Présentée par", 1900, "decision.presentee_par", false), ("Décision", 2100, "decision.nature", false), ("Précisions", 2638, "decision.detail", false)),
        Text("Les décisions sont notifiées aux ménages par leur référent. Ce procès-verbal est confidentiel : il ne circule qu'entre les membres de l'instance."),
        Styled("Heading1", "3. Signature"),
        KeepWithNext("Fait le {{signature.date}}."),
        SignatureTable(("Le président ou la présidente de séance", "{{president.nom}}"), ("Pour l'association", "{{association.nom}}")),
    ]);

    private static byte[] BuildBilanActivite() => Build("Bilan d'activité {{annee}} — {{financeur.nom}}",
    [
        Styled("Title", "Bilan d'activité {{annee}}"),
        Subtitle("Accompagnement social lié au logement — {{financeur.nom}} — édité le {{edition.date}}"),
        Styled("Heading1", "1. L'activité en chiffres"),
        KeyValueTable(
            ("Ménages suivis dans l'année", "{{menages.suivis}}"),
            ("Personnes concernées", "{{personnes.suivies}}"),
            ("Ménages entrés", "{{menages.entres}}"),
            ("Ménages sortis", "{{menages.sortis}}"),
            ("Durée moyenne d'accompagnement", "{{duree.moyenne_mois}} mois")),
        KeepWithNext("Mesures exercées :"),
        DataTable("mesures", ("Type de mesure", 7000, "mesure.libelle", false), ("Ménages", 2638, "mesure.nombre", false)),
        Styled("Heading1", "2. Les ménages accompagnés"),
        KeepWithNext("Situation à l'entrée :"),
        DataTable("profils", ("Situation", 7000, "profil.libelle", false), ("Ménages", 2638, "profil.nombre", false)),
        KeepWithNext("Publics cibles :"),
        DataTable("publics", ("Public", 7000, "public.libelle", false), ("Ménages", 2638, "public.nombre", false)),
        KeepWithNext("Ressources mensuelles :"),
        DataTable("ressources", ("Tranche", 7000, "tranche.libelle", false), ("Ménages", 2638, "tranche.nombre", false)),
        Styled("Heading1", "3. Les sorties"),
        DataTable("sorties", ("Destination", 7000, "sortie.libelle", false), ("Ménages", 2638, "sortie.nombre", false)),
        Styled("Heading1", "4. Les médiations bailleur-locataire"),
        Text("{{mediations.nombre}} médiation(s) menée(s) dans l'année entre un bailleur et un ménage, pour {{mediations.menages}} ménage(s) ; {{mediations.en_cours}} en cours."),
        KeepWithNext("Motifs :"),
        DataTable("mediations.motifs", ("Motif", 7000, "motif.libelle", false), ("Médiations", 2638, "motif.nombre", false)),
        KeepWithNext("Issues des médiations closes :"),
        DataTable("mediations.issues", ("Issue", 7000, "issue.libelle", false), ("Médiations", 2638, "issue.nombre", false)),
        Styled("Heading1", "5. Coûts et budget"),
        KeepWithNext("Coûts unitaires du projet : diagnostic individuel, accompagnement individuel par ménage et par an, actions collectives par quartier."),
        DataTable("couts", ("Poste", 2400, "cout.poste", true), ("Coût unitaire", 1400, "cout.unitaire", false), ("Quantité", 1638, "cout.quantite", false), ("Réalisé", 1400, "cout.montant", false), ("Budget", 1400, "cout.budget", false), ("Écart", 1400, "cout.ecart", false)),
        P(R("Total réalisé : "), R("{{couts.total}}", bold: true), R(" pour un budget de {{budget.total}}, soit un écart de {{budget.ecart}}.")),
        Styled("Heading1", "6. Visa"),
        SignatureTable(("Pour l'association", "{{association.nom}}")),
    ]);

    private static Table LetterheadTable() => new(
        new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new BottomBorder { Val = BorderValues.Single, Size = 8, Color = Blue }),
            new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(new GridColumn { Width = "2400" }, new GridColumn { Width = "7238" }),
        new TableRow(
            Cell(2400, null, P(new ParagraphProperties(new SpacingBetweenLines { After = "80" }), R("{{%association.logo}}"))),
            Cell(7238, null,
                P(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }),
                    R("{{association.nom}}", bold: true, size: 26, color: Blue)),
                P(new ParagraphProperties(new SpacingBetweenLines { After = "80" }, new Justification { Val = JustificationValues.Right }),
                    R("{{association.adresse}}", size: 17, color: Grey)))));

    private static Table PlanTable()
    {
        var header = new TableRow(
            new TableRowProperties(new TableHeader(), new CantSplit()),
            Cell(2000, Shade, P(R("Axe", bold: true))),
            Cell(3400, Shade, P(R("Objectif", bold: true))),
            Cell(4238, Shade, P(R("Actions prévues (échéance)", bold: true))));
        var axis = new TableRow(
            Cell(2000, null, P(R("{{#plan.axes}}"), R("{{axe.intitule}}", bold: true))),
            Cell(3400, null, P(R("{{axe.objectif}}"))),
            Cell(4238, null,
                P(R("{{#axe.actions}}")),
                P(new ParagraphProperties(new Indentation { Left = "170", Hanging = "170" }), R("– {{action.libelle}} "), R("({{action.echeance}})", color: Grey)),
                P(R("{{/axe.actions}}{{/plan.axes}}"))));
        return new Table(GridProperties(), new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "3400" }, new GridColumn { Width = "4238" }), header, axis);
    }

    private static Table SignatureTable(params (string Who, string Name)[] parties)
    {
        var width = 9638 / parties.Length;
        TableCell Party(string who, string name) => Cell(width, null,
            P(R(who, bold: true)),
            P(R(name)),
            P(new ParagraphProperties(new SpacingBetweenLines { After = "1200" }), R("Signature précédée de la mention « lu et approuvé »", size: 16, color: Grey)));
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        row.Append(parties.Select(p => Party(p.Who, p.Name)));
        return new Table(GridProperties(), new TableGrid(parties.Select(_ => new GridColumn { Width = width.ToString() })), row);
    }

    /// A table with a shaded heading row and one row repeated for each item of <paramref name="list"/>.
    private static Table DataTable(string list, params (string Header, int Width, string Field, bool Bold)[] columns)
    {
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        header.Append(columns.Select(c => Cell(c.Width, Shade, P(R(c.Header, bold: true)))));
        var item = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < columns.Length; i++)
        {
            var c = columns[i];
            var paragraph = P();
            if (i == 0) paragraph.Append(R($"{{{{#{list}}}}}"));
            paragraph.Append(R($"{{{{{c.Field}}}}}", bold: c.Bold));
            if (i == columns.Length - 1) paragraph.Append(R($"{{{{/{list}}}}}"));
            item.Append(Cell(c.Width, null, paragraph));
        }
        return new Table(GridProperties(), new TableGrid(columns.Select(c => new GridColumn { Width = c.Width.ToString() })), header, item);
    }

    /// Two columns: a shaded label and its value, one row per pair.
    private static Table KeyValueTable(params (string Label, string Value)[] rows)
    {
        var table = new Table(GridProperties(), new TableGrid(new GridColumn { Width = "3400" }, new GridColumn { Width = "6238" }));
        foreach (var (label, value) in rows)
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(3400, Shade, P(R(label, bold: true))),
                Cell(6238, null, P(R(value)))));
        return table;
    }

    private static Paragraph Subtitle(string text) =>
        P(new ParagraphProperties(new SpacingBetweenLines { After = "360" }, new Justification { Val = JustificationValues.Center }),
            R(text, italic: true, color: Grey));

    private static TableProperties GridProperties() => new(
        new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
        WordPage.GridBorders("8C8C8C"),
        new TableLayout { Type = TableLayoutValues.Fixed },
        new TableCellMarginDefault(
            new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
            new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
            new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
            new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa }));

    private static TableCell Cell(int width, string? fill, params OpenXmlElement[] content)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (fill is not null) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        var cell = new TableCell(properties);
        cell.Append(content);
        return cell;
    }

    private static Styles Styles()
    {
        Style Paragraph(string id, string name, int size, bool bold, string? color, int before, int after, bool keepNext = false, JustificationValues? justify = null)
        {
            var pPr = new StyleParagraphProperties();
            if (keepNext) pPr.Append(new KeepNext());
            pPr.Append(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() });
            if (justify is { } j) pPr.Append(new Justification { Val = j });
            var rPr = new StyleRunProperties();
            if (bold) rPr.Append(new Bold());
            if (color is not null) rPr.Append(new Color { Val = color });
            rPr.Append(new FontSize { Val = size.ToString() });
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), pPr, rPr)
            { Type = StyleValues.Paragraph, StyleId = id };
        }

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "21" },
                    new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = "fr-FR" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "100", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", 40, true, Blue, 120, 60, justify: JustificationValues.Center),
            Paragraph("Heading1", "heading 1", 26, true, Blue, 300, 100, keepNext: true),
            Paragraph("Heading2", "heading 2", 21, true, null, 160, 60, keepNext: true));
    }

    private static Paragraph P(params OpenXmlElement[] content) => new(content);

    private static Paragraph Text(string text) => P(R(text));

    private static Paragraph KeepWithNext(string text) => P(new ParagraphProperties(new KeepNext()), R(text));

    private static Paragraph Styled(string style, string text) => P(new ParagraphProperties(new ParagraphStyleId { Val = style }), R(text));

    private static Paragraph Bullet(params OpenXmlElement[] runs)
    {
        var paragraph = P(new ParagraphProperties(new Indentation { Left = "567", Hanging = "283" }), R("•"), new Run(new TabChar()));
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run R(string text, bool bold = false, bool italic = false, int? size = null, string? color = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        if (color is not null) properties.Append(new Color { Val = color });
        if (size is { } s) properties.Append(new FontSize { Val = s.ToString() });
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
