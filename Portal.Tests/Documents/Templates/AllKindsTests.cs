using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Data;
using Portal.Documents.Templates;
using static Portal.Tests.Documents.Templates.Docx;

namespace Portal.Tests.Documents.Templates;

/// Every kind of document: its shipped template, and an edited copy of it, render valid Word files
/// that LibreOffice turns into a PDF holding the household's name and the table rows.
public class AllKindsTests
{
    /// What a person may type in a name: markup, a field, a control character, an emoji, RTL marks.
    public const string Hostile = "Zoé <b>&amp; {{menage.nom}} \u0001🏠 \u200Fعلي\u200E";
    public const string HostileClean = "Zoé <b>&amp; {{menage.nom}} 🏠 \u200Fعلي\u200E";
    public const string HostileInPdf = "Zoé <b>&amp; {{menage.nom}}";

    private static readonly Letterhead Association = new("Association " + Hostile, "1 rue des Tests, 59000 Lille", Png(200, 100));

    /// Per kind: a model whose household (or association) name is hostile, and rows its tables must show.
    public static readonly IReadOnlyList<(string Kind, Func<TemplateModel> Model, string[] Rows)> Kinds =
    [
        (ContratTripartite.Kind, () => ContratTripartite.Model(ContratTripartite.Sample(Png(200, 100)) with { HouseholdName = Hostile, AssociationName = Association.Name }),
            ["Monter un dossier FSL maintien", "Accès aux droits"]),
        (ContratAccompagnement.Kind, () => ContratAccompagnement.Model(ContratAccompagnement.Sample() with { HouseholdName = Hostile, Association = Association }),
            ["Bilan à 6 mois", "Gestion du budget"]),
        (BilanMesure.Kind, () => BilanMesure.Model(BilanMesure.Sample() with { HouseholdName = Hostile, Association = Association }),
            ["Allocations familiales", "FSL accordé"]),
        (FicheBilanEtat.Kind, () => FicheBilanEtat.Model(FicheBilanEtat.Sample() with { HouseholdName = Hostile, Association = Association }),
            ["janvier 2027", "400,00"]),
        (ProcesVerbal.Kind, () => ProcesVerbal.Model(ProcesVerbal.Sample() with
            {
                Association = Association,
                Decisions = [.. ProcesVerbal.Sample().Decisions.Select(d => d.Number == 1 ? d with { Household = Hostile } : d)],
            }),
            ["Jeanne Leroy", "Ouverture d'un"]),
        (BilanActivite.Kind, () => BilanActivite.Model(BilanActivite.Sample() with { Association = Association }),
            ["Parc privé", "de 500 à 999"]),
    ];

    public static TheoryData<string> KindNames() => [.. Kinds.Select(k => k.Kind)];

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Default_template_is_valid_passes_the_check_and_is_registered(string kind)
    {
        var registered = TemplateKinds.ByKind(kind);
        Assert.NotNull(registered);
        var template = registered.DefaultTemplate();
        Assert.Empty(Validate(template));
        Assert.Empty(TemplateCheck.Check(template, registered.Dictionary));
        Assert.Same(registered, TemplateKinds.BySlug(registered.Slug));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Model_offers_exactly_the_dictionary_fields(string kind)
    {
        var registered = TemplateKinds.ByKind(kind)!;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(TemplateModel model)
        {
            foreach (var (key, value) in model)
            {
                keys.Add(key);
                if (value is IEnumerable<TemplateModel> items && items.FirstOrDefault() is { } first) Walk(first);
            }
        }
        Walk(registered.SampleModel());
        Assert.Equal(new SortedSet<string>(registered.Dictionary.All().Select(f => f.Field.Path), StringComparer.Ordinal), keys);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Hostile_text_comes_out_verbatim_and_no_field_is_left(string kind)
    {
        var (_, model, rows) = Kinds.Single(k => k.Kind == kind);
        using var doc = Render(TemplateKinds.ByKind(kind)!.DefaultTemplate(), model());
        var text = doc.Body().Text();
        var all = text + doc.MainDocumentPart!.HeaderParts.Single().Header!.Text();
        Assert.Contains(HostileClean, all);
        Assert.False(all.Contains('\u0001', StringComparison.Ordinal), "a control character went through");
        Assert.DoesNotContain("{{#", text);
        Assert.DoesNotContain("{{/", text);
        Assert.Equal(CountOf(all, "{{"), CountOf(all, "{{menage.nom}}"));
        foreach (var row in rows) Assert.Contains(row, text.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.NotEmpty(doc.Body().Descendants<Table>());
    }

    /// A decimal is written as money: a number that is not an amount (a count, months) must not be
    /// one, and every amount must be one, so that no document prints « 4,50 € mois ».
    [Theory]
    [MemberData(nameof(KindNames))]
    public void Every_number_is_written_with_its_own_unit(string kind)
    {
        var registered = TemplateKinds.ByKind(kind)!;
        var kinds = registered.Dictionary.All().ToDictionary(f => f.Field.Path, f => f.Field.Kind);
        void Walk(TemplateModel model)
        {
            foreach (var (key, value) in model)
            {
                if (value is IEnumerable<TemplateModel> items) { foreach (var item in items) Walk(item); continue; }
                switch (kinds[key])
                {
                    case FieldKind.Amount: Assert.True(value is decimal, $"{kind}: {key} is an amount but holds {value?.GetType().Name}"); break;
                    case FieldKind.Number: Assert.False(value is decimal, $"{kind}: {key} is a number but would be written in euros"); break;
                    case FieldKind.Text when value is decimal: Assert.Fail($"{kind}: {key} is text but would be written in euros"); break;
                }
            }
        }
        Walk(registered.SampleModel());
        using var doc = Render(registered.DefaultTemplate(), registered.SampleModel());
        var text = doc.Body().Text().Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.DoesNotMatch(@"€\s*(mois|ménages|personnes|situations?|membres?)\b", text);
        if (kind == BilanActivite.Kind) Assert.Contains("11,5 mois", text);
    }

    [Fact]
    public void Minutes_count_the_situations_and_members_in_good_french()
    {
        var one = ProcesVerbal.Sample() with { Decisions = [ProcesVerbal.Sample().Decisions[0]], Present = [ProcesVerbal.Sample().Present[0]] };
        using var single = Render(DefaultTemplateOf(ProcesVerbal.Kind), ProcesVerbal.Model(one));
        var text = single.Body().Text().Replace('\u00A0', ' ');
        Assert.Contains("1 situation examinée :", text);
        Assert.Contains("1 membre présent :", text);
        using var many = Render(DefaultTemplateOf(ProcesVerbal.Kind), ProcesVerbal.Model(ProcesVerbal.Sample()));
        text = many.Body().Text().Replace('\u00A0', ' ');
        Assert.Contains("3 situations examinées :", text);
        Assert.Contains("3 membres présents :", text);
    }

    private static byte[] DefaultTemplateOf(string kind) => TemplateKinds.ByKind(kind)!.DefaultTemplate();

    private static int CountOf(string s, string what) => (s.Length - s.Replace(what, "").Length) / what.Length;

    /// The default template as an admin would edit it in Word: a paragraph with a field added at
    /// the top, the heading style recoloured and enlarged.
    public static byte[] Edited(byte[] template)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart!;
            var body = main.Document!.Body!;
            body.PrependChild(new Paragraph(
                new Run(new RunProperties(new Bold(), new Color { Val = "C00000" }), new Text("Modèle adapté par ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new Text("{{assoc")),
                new Run(new RunProperties(new Italic()), new Text("iation.nom}}"))));
            var heading = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1");
            var runProps = heading.StyleRunProperties!;
            runProps.GetFirstChild<Color>()!.Val = "006400";
            runProps.GetFirstChild<FontSize>()!.Val = "32";
            main.StyleDefinitionsPart.Styles.Save();
            main.Document.Save();
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Every_kind_from_the_default_and_an_edited_template_converts_to_a_pdf_with_the_names_and_rows()
    {
        var dir = Directory.CreateTempSubdirectory("docx-kinds-").FullName;
        try
        {
            var files = new List<(string Name, string Kind, bool Edited)>();
            foreach (var (kind, model, _) in Kinds)
            {
                var template = TemplateKinds.ByKind(kind)!.DefaultTemplate();
                var edited = Edited(template);
                Assert.Empty(TemplateCheck.Check(edited, TemplateKinds.ByKind(kind)!.Dictionary));
                foreach (var (variant, bytes) in new[] { ("defaut", template), ("modifie", edited) })
                {
                    var output = DocxTemplate.Render(bytes, model());
                    Assert.Empty(Validate(output));
                    var name = $"{kind}-{variant}";
                    await File.WriteAllBytesAsync(Path.Combine(dir, name + ".docx"), output);
                    files.Add((name, kind, variant == "modifie"));
                }
            }
            // One LibreOffice start for all the files: each start costs seconds.
            await Run("soffice", $"--headless --norestore -env:UserInstallation=file://{dir}/profile --convert-to pdf --outdir {dir} "
                + string.Join(' ', files.Select(f => Path.Combine(dir, f.Name + ".docx"))));
            foreach (var (name, kind, edited) in files)
            {
                var pdf = Path.Combine(dir, name + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice produced no PDF for {name}");
                var text = (await Run("pdftotext", $"-layout {pdf} -")).Replace('\u202F', ' ').Replace('\u00A0', ' ');
                Assert.True(text.Contains(HostileInPdf), $"{name}: the hostile name is missing from the PDF");
                foreach (var row in Kinds.Single(k => k.Kind == kind).Rows)
                    Assert.True(text.Contains(row), $"{name}: the row « {row} » is missing from the PDF");
                Assert.Equal(edited, text.Contains("Modèle adapté par Association Zoé"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
