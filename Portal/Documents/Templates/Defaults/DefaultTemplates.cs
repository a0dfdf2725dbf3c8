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

    public static byte[] ContratTripartite() => (byte[])Tripartite.Value.Clone();

    private static byte[] BuildContratTripartite()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(
                LetterheadTable(),
                P(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(
                P(new ParagraphProperties(
                        new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0", Space = 4 }),
                        new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9638 })),
                    R("Contrat tripartite — {{menage.nom}}", size: 16, color: Grey),
                    new Run(new RunProperties(new Color { Val = Grey }, new FontSize { Val = "16" }), new TabChar(), new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
                    new SimpleField(R("1", size: 16, color: Grey)) { Instruction = " PAGE " },
                    R(" / ", size: 16, color: Grey),
                    new SimpleField(R("1", size: 16, color: Grey)) { Instruction = " NUMPAGES " }));

            var body = new Body(
                Styled("Title", "Contrat d'accompagnement tripartite"),
                P(new ParagraphProperties(new SpacingBetweenLines { After = "360" }, new Justification { Val = JustificationValues.Center }),
                    R("{{mesure.type}}", italic: true, color: Grey)),

                Styled("Heading1", "1. Les parties"),
                Text("Entre les soussignés :"),
                P(R("{{association.nom}}", bold: true), R(", dont le siège est situé {{association.adresse}}, représentée par {{referent.nom}}, référente de la mesure, ci-après « l'association » ;")),
                P(R("le ménage "), R("{{menage.nom}}", bold: true), R(", domicilié {{logement.adresse}}, composé de :")),
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
                SignatureTable(),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                    new PageSize { Width = 11906U, Height = 16838U },
                    new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

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

    private static Table SignatureTable()
    {
        TableCell Party(string who, string name) => Cell(3212, null,
            P(R(who, bold: true)),
            P(R(name)),
            P(new ParagraphProperties(new SpacingBetweenLines { After = "1200" }), R("Signature précédée de la mention « lu et approuvé »", size: 16, color: Grey)));
        return new Table(
            GridProperties(),
            new TableGrid(new GridColumn { Width = "3212" }, new GridColumn { Width = "3213" }, new GridColumn { Width = "3213" }),
            new TableRow(
                new TableRowProperties(new CantSplit()),
                Party("Le ménage", "{{menage.nom}}"),
                Party("Pour l'association", "{{association.nom}}"),
                Party("Pour le financeur", "{{financeur.nom}}")));
    }

    private static TableProperties GridProperties() => new(
        new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
        new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "8C8C8C" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "8C8C8C" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "8C8C8C" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "8C8C8C" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "8C8C8C" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "8C8C8C" }),
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

    private static void AddStyles(MainDocumentPart main)
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

        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
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
        styles.Styles.Save();
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
