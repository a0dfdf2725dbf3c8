using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Formatting;

namespace Portal.Documents;

/// The one place that speaks OpenXml: the rest of the code hands it a model and gets .docx bytes.
public static class WordWriter
{
    private const string Font = "Arial";
    private const string Blue = "000091";

    public static byte[] TestSheet(TestSheetModel model) => WordPage.A4(
        Styles(),
        new Header(Para("Passerelle — accompagnement social lié au logement", size: 18, color: "3A3A3A")),
        new Footer(PageNumberParagraph()),
        [
            Para(model.Title, size: 36, bold: true, color: Blue, spacingAfter: 240),
            Para($"Document généré le {French.DateTimeLong(model.GeneratedAtUtc)}.", spacingAfter: 120),
            Para($"Demandé par {model.RequestedBy} le {French.DateTimeLong(model.RequestedAtUtc)}.", spacingAfter: 240),
            Para("Cette fiche vérifie la chaîne de production des documents : la demande est enregistrée, une tâche de fond la traite avec OpenXml, le document est conservé dans la base de données puis téléchargé.", spacingAfter: 240),
            Para("Vérifications", size: 28, bold: true, color: Blue, spacingAfter: 120),
            ChecksTable(model.Checks),
            Para("", spacingAfter: 240),
            Para("Signature", bold: true, spacingAfter: 480),
            Para("Fait à ………………………, le ……………………"),
        ]);

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                new FontSize { Val = "22" },
                new Languages { Val = "fr-FR" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "80", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));

    private static Paragraph Para(string text, int size = 22, bool bold = false, string? color = null, int spacingAfter = 80)
    {
        var runProps = new RunProperties();
        if (bold) runProps.Append(new Bold());
        if (color is not null) runProps.Append(new Color { Val = color });
        runProps.Append(new FontSize { Val = size.ToString() });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = spacingAfter.ToString() }),
            new Run(runProps, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph PageNumberParagraph() => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
        new Run(new RunProperties(new FontSize { Val = "18" }), new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new RunProperties(new FontSize { Val = "18" }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new RunProperties(new FontSize { Val = "18" }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new RunProperties(new FontSize { Val = "18" }), new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new RunProperties(new FontSize { Val = "18" }), new Text("1")),
        new Run(new RunProperties(new FontSize { Val = "18" }), new FieldChar { FieldCharType = FieldCharValues.End }));

    private static Table ChecksTable(IReadOnlyList<(string Label, string Value)> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            WordPage.GridBorders("929292")),
            new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "5600" }));
        table.Append(Row("Élément", "Valeur", header: true));
        foreach (var (label, value) in rows) table.Append(Row(label, value, header: false));
        return table;
    }

    private static TableRow Row(string a, string b, bool header)
    {
        TableCell Cell(string text) => new(
            header ? new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E3E3FD", Color = "auto" }) : new TableCellProperties(),
            Para(text, bold: header, spacingAfter: 0));
        var row = new TableRow(Cell(a), Cell(b));
        if (header) row.PrependChild(new TableRowProperties(new TableHeader()));
        return row;
    }

    /// Keeps user text as text: characters XML 1.0 cannot hold are dropped, everything else stays.
    public static string Clean(string text)
    {
        var needs = false;
        foreach (var c in text)
            if (!IsXmlChar(c)) { needs = true; break; }
        if (!needs) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c) && !char.IsSurrogate(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static bool IsXmlChar(char c) =>
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || char.IsSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
}
