using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Documents.Templates;
using static Portal.Tests.Documents.Templates.Docx;

namespace Portal.Tests.Documents.Templates;

/// The compiled engine: a template is prepared once, then filled without the OpenXml DOM.
/// Every render in these tests is also compared with the DOM engine's (see <see cref="Docx.Render"/>).
public class CompiledTemplateTests
{
    [Fact]
    public void Template_made_by_a_docx_library_is_compiled_and_filled_in_every_part_including_notes()
    {
        var template = LibraryContract();
        Assert.NotNull(CompiledTemplate.For(template));

        using var doc = Render(template, Contract(slidingLease: true));
        Assert.Equal(
        [
            "Entre Association Passerelle et le ménage Famille Martin.",
            "Prénom", "Lien", "Nadia", "demandeuse", "Karim", "conjoint", "Lina", "enfant",
            "Le logement est sous-loué à Famille Martin.", "Glissement prévu le 2 septembre 2027.", "Loyer : 412,50 €.",
            "Fin.",
        ], doc.Body().Lines().Select(Normalise));
        var names = doc.Body().Descendants<Run>().Where(r => r.InnerText == "Famille Martin").ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, r => Assert.NotNull(r.RunProperties?.Bold));
        var main = doc.MainDocumentPart!;
        Assert.Equal("Association Passerelle", main.HeaderParts.Single().Header!.Text());
        Assert.Equal("Contrat ASLL-2026-0142", main.FooterParts.Single().Footer!.Text());
        Assert.Contains("Montant en vigueur au 20 février 2026.", main.FootnotesPart!.Footnotes!.Lines().Select(Normalise));
        Assert.Contains("Référence ASLL-2026-0142.", main.EndnotesPart!.Endnotes!.Lines());
    }

    [Fact]
    public void Conditional_section_over_several_paragraphs_goes_whole_when_the_flag_is_false()
    {
        using var doc = Render(LibraryContract(), Contract(slidingLease: false));
        var lines = doc.Body().Lines();
        Assert.DoesNotContain(lines, l => l.Contains("sous-loué", StringComparison.Ordinal) || l.Contains("Loyer", StringComparison.Ordinal));
        Assert.Equal("Fin.", lines[^1]);
    }

    [Fact]
    public void Every_default_template_is_compiled()
    {
        foreach (var kind in TemplateKinds.All)
            Assert.True(CompiledTemplate.For(kind.DefaultTemplate()) is not null, kind.Kind);
    }

    [Theory]
    [InlineData("Famille Martin", new[] { "Famille Martin", "Axe Budget", "Fin" })]
    [InlineData("", new[] { "Axe Budget", "Fin" })]
    public void Block_whose_blank_paragraph_depends_on_the_data_is_filled_by_the_dom_engine(string name, string[] expected)
    {
        // Whether the opening paragraph is blank, and goes, depends on the name: no compiled form for that.
        var template = Create([P(R("{{menage.nom}}"), R("{{#plan.axes}}")), P("Axe {{axe.intitule}}"), P("{{/plan.axes}}"), P("Fin")]);
        Assert.Null(CompiledTemplate.For(template));
        using var doc = Render(template, new TemplateModel
        {
            ["menage.nom"] = name,
            ["plan.axes"] = new List<TemplateModel> { new() { ["axe.intitule"] = "Budget" } },
        });
        Assert.Equal(expected, doc.Body().Lines());
    }

    [Fact]
    public void A_new_version_of_a_template_is_used_as_soon_as_it_is_uploaded()
    {
        var model = new TemplateModel { ["menage.nom"] = "Famille Martin" };
        using (var first = Render(Create([P("Bonjour {{menage.nom}}")]), model))
            Assert.Equal("Bonjour Famille Martin", first.Body().Text());
        using (var second = Render(Create([P("Au revoir {{menage.nom}}")]), model))
            Assert.Equal("Au revoir Famille Martin", second.Body().Text());
    }

    [Fact]
    public void Two_hundred_row_loop_and_a_table_left_empty()
    {
        var template = Create([
            Table(Row(Cell("Date"), Cell("Montant")), Row(Cell(P(R("{{#paiements}}"), R("{{paiement.date}}"))), Cell(P(R("{{paiement.montant}}"), R("{{/paiements}}"))))),
            Table(Row(Cell(P(R("{{#vide}}"), R("{{paiement.date}}"))), Cell(P(R("{{/vide}}"))))),
            P("Fin"),
        ]);
        Assert.NotNull(CompiledTemplate.For(template));
        using var doc = Render(template, new TemplateModel
        {
            ["paiements"] = Enumerable.Range(0, 200).Select(i => new TemplateModel { ["paiement.date"] = new DateOnly(2026, 1, 1).AddDays(i), ["paiement.montant"] = 10m + i }).ToList(),
            ["vide"] = new List<TemplateModel>(),
        });
        var table = Assert.Single(doc.Body().Elements<Table>());
        Assert.Equal(201, table.Elements<TableRow>().Count());
        Assert.Equal("209,00 €", Normalise(table.Elements<TableRow>().Last().Elements<TableCell>().Last().InnerText));
    }

    private static string Normalise(string s) => s.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static TemplateModel Contract(bool slidingLease) => new()
    {
        ["association.nom"] = "Association Passerelle",
        ["menage.nom"] = "Famille Martin",
        ["mesure.reference"] = "ASLL-2026-0142",
        ["signature.date"] = new DateOnly(2026, 2, 20),
        ["bail_glissant"] = slidingLease,
        ["bail.glissement"] = new DateOnly(2027, 9, 2),
        ["bail.loyer"] = 412.50m,
        ["menage.membres"] = new[] { ("Nadia", "demandeuse"), ("Karim", "conjoint"), ("Lina", "enfant") }
            .Select(m => new TemplateModel { ["membre.prenom"] = m.Item1, ["membre.lien"] = m.Item2 }).ToList(),
    };

    /// As a docx-generating library writes it: every field in a run of its own between bold runs, a row
    /// loop opened in the first cell and closed in the last, a condition over several paragraphs opened
    /// at the start of the first and closed at the end of the last, fields in header, footer and notes.
    private static byte[] LibraryContract() => Create(
        [
            P(R("Entre "), R("{{association.nom}}", bold: true), R(" et le ménage "), R("{{menage.nom}}", bold: true), R("."),
                new Run(new FootnoteReference { Id = 1 }), new Run(new EndnoteReference { Id = 1 })),
            Table(
                Row(Cell(P(R("Prénom", bold: true))), Cell(P(R("Lien", bold: true)))),
                Row(Cell(P(R("{{#menage.membres}}"), R("{{membre.prenom}}"))), Cell(P(R("{{membre.lien}}"), R("{{/menage.membres}}"))))),
            P(R("{{?bail_glissant}}"), R("Le logement est sous-loué à "), R("{{menage.nom}}", bold: true), R(".")),
            P(R("Glissement prévu le "), R("{{bail.glissement}}"), R(".")),
            P(R("Loyer : "), R("{{bail.loyer}}"), R("."), R("{{/bail_glissant}}")),
            P("Fin."),
        ],
        header: [P(R("{{association.nom}}", bold: true))],
        footer: [P(R("Contrat "), R("{{mesure.reference}}"))],
        more: main =>
        {
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Footnote(P(R("Montant en vigueur au "), R("{{signature.date}}"), R("."))) { Id = 1 });
            var endnotes = main.AddNewPart<EndnotesPart>();
            endnotes.Endnotes = new Endnotes(
                new Endnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Endnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Endnote(P("Référence {{mesure.reference}}.")) { Id = 1 });
        });
}
