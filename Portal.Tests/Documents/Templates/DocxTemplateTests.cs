using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Documents.Templates;
using static Portal.Tests.Documents.Templates.Docx;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Portal.Tests.Documents.Templates;

public class DocxTemplateTests
{
    private static readonly TemplateModel Household = new() { ["menage.nom"] = "Famille Martin" };

    [Fact]
    public void Field_is_replaced_and_the_text_around_it_stays()
    {
        var template = Create([P("Madame {{menage.nom}} demeurant à Valenciennes.")]);
        using var doc = Render(template, Household);
        Assert.Equal("Madame Famille Martin demeurant à Valenciennes.", doc.Body().Text());
    }

    [Fact]
    public void Field_split_by_word_across_runs_proofing_marks_and_bookmarks_is_found_with_the_formatting_of_its_first_run()
    {
        var template = Create([P(
            R("Ménage : ", italic: true),
            R("{{men", bold: true),
            new ProofError { Type = ProofingErrorValues.SpellStart },
            R("age.n", italic: true),
            new BookmarkStart { Id = "0", Name = "nom" },
            new ProofError { Type = ProofingErrorValues.SpellEnd },
            R("om}}", underline: true),
            new BookmarkEnd { Id = "0" },
            R(" fin", underline: true))]);

        using var doc = Render(template, Household);
        Assert.Equal("Ménage : Famille Martin fin", doc.Body().Text());
        var value = doc.Body().Descendants<Run>().Single(r => r.InnerText == "Famille Martin");
        Assert.NotNull(value.RunProperties?.Bold);
        Assert.Null(value.RunProperties?.Italic);
        Assert.NotNull(doc.Body().Descendants<Run>().Single(r => r.InnerText == "Ménage : ").RunProperties?.Italic);
        Assert.NotNull(doc.Body().Descendants<Run>().Single(r => r.InnerText == " fin").RunProperties?.Underline);
        Assert.Single(doc.Body().Descendants<BookmarkStart>());
    }

    [Fact]
    public void Bold_field_stays_bold_and_plain_text_beside_it_stays_plain()
    {
        var template = Create([P(R("Nom : "), R("{{menage.nom}}", bold: true), R(", adresse : {{logement.adresse}}."))]);
        using var doc = Render(template, new TemplateModel { ["menage.nom"] = "Famille Martin", ["logement.adresse"] = "4 allée des Acacias" });
        var runs = doc.Body().Descendants<Run>().ToList();
        Assert.NotNull(runs.Single(r => r.InnerText == "Famille Martin").RunProperties?.Bold);
        Assert.Null(runs.Single(r => r.InnerText == "4 allée des Acacias").RunProperties?.Bold);
        Assert.Equal("Nom : Famille Martin, adresse : 4 allée des Acacias.", doc.Body().Text());
    }

    [Fact]
    public void Table_row_repeats_per_axis_and_paragraphs_repeat_per_action_inside_it()
    {
        var template = Create([
            Table(
                Row(Cell("Axe"), Cell("Actions")),
                Row(
                    Cell(P(R("{{#plan.axes}}"), R("{{axe.intitule}}", bold: true))),
                    Cell(P("{{#axe.actions}}"), P("– {{action.libelle}} ({{axe.intitule}}, {{menage.nom}})"), P("{{/axe.actions}}{{/plan.axes}}")))),
        ]);
        using var doc = Render(template, Plan(("Budget", ["FSL", "Prélèvement"]), ("Logement", ["Visite"]), ("Santé", [])));

        var rows = doc.Body().Descendants<TableRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Budget", "– FSL (Budget, Famille Martin)", "– Prélèvement (Budget, Famille Martin)"], rows[1].Lines());
        Assert.Equal(["Logement", "– Visite (Logement, Famille Martin)"], rows[2].Lines());
        Assert.Equal(["Santé", ""], rows[3].Lines()); // no action: the cell keeps an empty paragraph
        Assert.DoesNotContain("{{", doc.Body().Text());
    }

    [Fact]
    public void Paragraphs_between_separate_block_tags_repeat_and_nest()
    {
        var template = Create([
            P("Plan :"),
            P("{{#plan.axes}}"),
            P("Axe {{axe.intitule}}"),
            P("{{#axe.actions}}"),
            P("• {{action.libelle}}"),
            P("{{/axe.actions}}"),
            P("{{/plan.axes}}"),
            P("Fin."),
        ]);
        using var doc = Render(template, Plan(("Budget", ["FSL", "Prélèvement"]), ("Logement", ["Visite"])));
        Assert.Equal(["Plan :", "Axe Budget", "• FSL", "• Prélèvement", "Axe Logement", "• Visite", "Fin."], doc.Body().Lines());
    }

    [Fact]
    public void Empty_list_removes_its_row_and_its_paragraphs_and_a_table_left_without_rows()
    {
        var template = Create([
            Table(Row(Cell("Axe")), Row(Cell("{{#plan.axes}}{{axe.intitule}}{{/plan.axes}}"))),
            Table(Row(Cell("{{#plan.axes}}{{axe.intitule}}{{/plan.axes}}"))),
            P("Avant"),
            P("{{#plan.axes}}"),
            P("Axe {{axe.intitule}}"),
            P("{{/plan.axes}}"),
            P("Après"),
            Table(Row(Cell(P("{{#plan.axes}}"), P("{{axe.intitule}}"), P("{{/plan.axes}}")))),
        ]);
        using var doc = Render(template, new TemplateModel { ["plan.axes"] = new List<TemplateModel>() });
        var tables = doc.Body().Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Single(tables[0].Elements<TableRow>());
        Assert.Equal(["Axe", "Avant", "Après", ""], doc.Body().Lines());
    }

    [Fact]
    public void Missing_list_renders_like_an_empty_one()
    {
        var template = Create([P("A"), P("{{#plan.axes}}"), P("{{axe.intitule}}"), P("{{/plan.axes}}"), P("B")]);
        using var doc = Render(template, new TemplateModel());
        Assert.Equal(["A", "B"], doc.Body().Lines());
    }

    [Fact]
    public void Inline_list_repeats_runs_inside_the_paragraph()
    {
        var template = Create([P(R("Membres : "), R("{{#menage.membres}}"), R("{{membre.prenom}}", bold: true), R(", "), R("{{/menage.membres}}"), R("fin."))]);
        var model = new TemplateModel
        {
            ["menage.membres"] = new[] { "Sophie", "Karim", "Lina" }.Select(n => new TemplateModel { ["membre.prenom"] = n }).ToList(),
        };
        using var doc = Render(template, model);
        Assert.Equal("Membres : Sophie, Karim, Lina, fin.", doc.Body().Text());
        Assert.Equal(3, doc.Body().Descendants<Run>().Count(r => r.RunProperties?.Bold is not null));
    }

    [Theory]
    [InlineData(true, "Avant\nLe logement est en bail glissant.\nAprès")]
    [InlineData(false, "Avant\nAprès")]
    public void Conditional_paragraphs_are_kept_only_when_the_flag_is_true(bool slidingLease, string expected)
    {
        var template = Create([P("Avant"), P("{{?bail_glissant}}"), P("Le logement est en bail glissant."), P("{{/bail_glissant}}"), P("Après")]);
        using var doc = Render(template, new TemplateModel { ["bail_glissant"] = slidingLease });
        Assert.Equal(expected, doc.Body().Text());
    }

    [Fact]
    public void Inline_conditionals_follow_flags_lists_and_strings()
    {
        var template = Create([P(
            R("Contrat"),
            R("{{?bail_glissant}} en bail glissant{{/bail_glissant}}"),
            R("{{?plan.axes}} avec plan{{/plan.axes}}"),
            R("{{?bailleur.nom}} chez {{bailleur.nom}}{{/bailleur.nom}}"),
            R("{{?referent.nom}} suivi par {{referent.nom}}{{/referent.nom}}"),
            R("."))]);
        using (var doc = Render(template, new TemplateModel { ["bail_glissant"] = true, ["plan.axes"] = new List<TemplateModel>(), ["bailleur.nom"] = "Partenord", ["referent.nom"] = "" }))
            Assert.Equal("Contrat en bail glissant chez Partenord.", doc.Body().Text());
        using (var doc = Render(template, new TemplateModel { ["bail_glissant"] = false, ["plan.axes"] = new List<TemplateModel> { new() } }))
            Assert.Equal("Contrat avec plan.", doc.Body().Text());
    }

    [Fact]
    public void Fields_in_headers_and_footers_are_filled()
    {
        var template = Create(
            [P("Corps {{menage.nom}}")],
            header: [P(R("{{association.nom}}", bold: true))],
            footer: [P("Contrat — {{menage.nom}}{{?bail_glissant}} (bail glissant){{/bail_glissant}}")]);
        using var doc = Render(template, new TemplateModel { ["menage.nom"] = "Famille Martin", ["association.nom"] = "Association Passerelle", ["bail_glissant"] = true });
        var main = doc.MainDocumentPart!;
        Assert.Equal("Association Passerelle", main.HeaderParts.Single().Header!.Text());
        Assert.Equal("Contrat — Famille Martin (bail glissant)", main.FooterParts.Single().Footer!.Text());
        Assert.Equal("Corps Famille Martin", doc.Body().Text());
    }

    [Fact]
    public void Dates_and_amounts_are_written_in_french()
    {
        var template = Create([P("Signé le {{signature.date}} pour {{mesure.cout_mensuel}} par mois, {{mesure.duree_mois}} mois, créé le {{cree_le}}.")]);
        using var doc = Render(template, new TemplateModel
        {
            ["signature.date"] = new DateOnly(2026, 11, 22),
            ["mesure.cout_mensuel"] = 1500m,
            ["mesure.duree_mois"] = 12,
            ["cree_le"] = new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc), // already the 23rd in Paris
        });
        var text = doc.Body().Text().Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Equal("Signé le 22 novembre 2026 pour 1 500,00 € par mois, 12 mois, créé le 23 novembre 2026.", text);
    }

    [Fact]
    public void Logo_field_becomes_an_inline_picture_in_a_new_image_part()
    {
        var template = Create([P("Corps")], header: [P(R("{{%association.logo}}")), P(R("{{%association.logo}}"))]);
        var png = Png(300, 150);
        using var doc = Render(template, new TemplateModel { ["association.logo"] = new TemplateImage(png) });

        var header = doc.MainDocumentPart!.HeaderParts.Single();
        var image = Assert.Single(header.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var s = image.GetStream()) Assert.Equal(png.Length, s.Length);
        var drawings = header.Header!.Descendants<Drawing>().ToList();
        Assert.Equal(2, drawings.Count);
        foreach (var drawing in drawings)
        {
            Assert.Equal(header.GetIdOfPart(image), drawing.Descendants<A.Blip>().Single().Embed!.Value);
            var extent = drawing.Descendants<DW.Extent>().Single();
            Assert.Equal(300 * 9525L, extent.Cx!.Value);
            Assert.Equal(150 * 9525L, extent.Cy!.Value);
        }
        Assert.Equal(2, drawings.Select(d => d.Descendants<DW.DocProperties>().Single().Id!.Value).Distinct().Count());
    }

    [Fact]
    public void Picture_width_can_be_set_in_centimetres_and_jpeg_is_read_too()
    {
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x64, 0x00, 0xC8, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9 };
        Assert.True(ImageInfo.TryRead(jpeg, out var info));
        Assert.Equal(("image/jpeg", 200, 100), (info.ContentType, info.WidthPx, info.HeightPx));
        Assert.Equal((3 * 360_000L, 3 * 180_000L), info.SizeEmu(3));

        var template = Create([P("{{%association.logo}}")]);
        using var doc = Render(template, new TemplateModel { ["association.logo"] = new TemplateImage(Png(400, 100), WidthCm: 4) });
        var extent = doc.Body().Descendants<DW.Extent>().Single();
        Assert.Equal((4 * 360_000L, 1 * 360_000L), (extent.Cx!.Value, extent.Cy!.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x3E })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00 })]
    public void Missing_or_unreadable_picture_leaves_nothing_behind(byte[]? bytes)
    {
        var template = Create([P(R("Logo : "), R("{{%association.logo}}"), R("."))]);
        using var doc = Render(template, new TemplateModel { ["association.logo"] = bytes is null ? null : new TemplateImage(bytes) });
        Assert.Equal("Logo : .", doc.Body().Text());
        Assert.Empty(doc.MainDocumentPart!.ImageParts);
    }

    [Fact]
    public void Hostile_values_come_out_verbatim_and_are_never_expanded_again()
    {
        var hostile = "<script>&\"'</script> {{menage.nom}} {{#plan.axes}} \u0001fin 🏠 \u200Fمرحبا";
        var template = Create(
            [P(R("Nom : "), R("{{menage.nom}}", bold: true)), P("{{#plan.axes}}"), P("Axe {{axe.intitule}}"), P("{{/plan.axes}}")],
            footer: [P("{{menage.nom}}")]);
        using var doc = Render(template, new TemplateModel
        {
            ["menage.nom"] = hostile,
            ["plan.axes"] = new List<TemplateModel> { new() { ["axe.intitule"] = "{{menage.nom}}" } },
        });
        var expected = "<script>&\"'</script> {{menage.nom}} {{#plan.axes}} fin 🏠 \u200Fمرحبا";
        Assert.Equal(["Nom : " + expected, "Axe {{menage.nom}}"], doc.Body().Lines());
        Assert.Equal(expected, doc.MainDocumentPart!.FooterParts.Single().Footer!.Text());
    }

    [Fact]
    public void Line_breaks_in_values_become_breaks()
    {
        var template = Create([P(R("{{engagements.menage}}", italic: true))]);
        using var doc = Render(template, new TemplateModel { ["engagements.menage"] = "Payer le loyer.\r\nVenir aux rendez-vous.\nEntretenir le logement." });
        var run = doc.Body().Descendants<Run>().Single();
        Assert.NotNull(run.RunProperties?.Italic);
        Assert.Equal(2, run.Elements<Break>().Count());
        Assert.Equal(["Payer le loyer.", "Venir aux rendez-vous.", "Entretenir le logement."], run.Elements<Text>().Select(t => t.Text));
    }

    [Fact]
    public void Unknown_fields_render_empty_and_broken_syntax_stays_as_typed()
    {
        var template = Create([P("a{{inconnu}}b {{menage.nom | maj}} {{#plan.axes}}jamais fermé {{/autre}} {{ menage.nom }}")]);
        using var doc = Render(template, Household);
        Assert.Equal("ab {{menage.nom | maj}} jamais fermé  Famille Martin", doc.Body().Text());
    }

    [Fact]
    public void Field_inside_a_hyperlink_and_a_tab_between_two_fields()
    {
        var template = Create(
            [P(R("{{menage.nom}}"), new Run(new TabChar()), new Hyperlink(R("{{association.nom}}")) { Anchor = "haut" })]);
        using var doc = Render(template, new TemplateModel { ["menage.nom"] = "Famille Martin", ["association.nom"] = "Passerelle" });
        Assert.Equal("Famille MartinPasserelle", doc.Body().Text());
        Assert.Equal("Passerelle", doc.Body().Descendants<Hyperlink>().Single().InnerText);
    }

    [Fact]
    public void Field_cut_by_a_tab_is_not_a_field()
    {
        var template = Create([P(R("{{menage"), new Run(new TabChar()), R(".nom}}"))]);
        using var doc = Render(template, Household);
        Assert.Equal("{{menage.nom}}", doc.Body().Text());
    }

    private static TemplateModel Plan(params (string Title, string[] Actions)[] axes) => new()
    {
        ["menage.nom"] = "Famille Martin",
        ["plan.axes"] = axes.Select(a => new TemplateModel
        {
            ["axe.intitule"] = a.Title,
            ["axe.actions"] = a.Actions.Select(x => new TemplateModel { ["action.libelle"] = x }).ToList(),
        }).ToList(),
    };
}
