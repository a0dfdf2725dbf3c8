using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Documents.Templates;
using Portal.Documents.Templates.Defaults;
using static Portal.Tests.Documents.Templates.Docx;

namespace Portal.Tests.Documents.Templates;

public class ContratTripartiteTests
{
    private static readonly byte[] Logo = Png(240, 120);

    [Fact]
    public void Default_template_is_valid_and_passes_the_check()
    {
        var template = DefaultTemplates.ContratTripartite();
        Assert.Empty(Validate(template));
        Assert.Empty(TemplateCheck.Check(template, ContratTripartite.Dictionary));
    }

    [Fact]
    public void Model_offers_exactly_the_dictionary_fields()
    {
        var model = ContratTripartite.Model(ContratTripartite.Sample(Logo));
        var axis = ((IEnumerable<TemplateModel>)model["plan.axes"]!).First();
        var keys = model.Select(kv => kv.Key)
            .Concat(((IEnumerable<TemplateModel>)model["menage.membres"]!).First().Select(kv => kv.Key))
            .Concat(axis.Select(kv => kv.Key))
            .Concat(((IEnumerable<TemplateModel>)axis["axe.actions"]!).First().Select(kv => kv.Key))
            .Order().ToList();
        Assert.Equal(ContratTripartite.Dictionary.All().Select(f => f.Field.Path).Order().ToList(), keys);
        Assert.All(ContratTripartite.Dictionary.All(), f => Assert.False(string.IsNullOrWhiteSpace(f.Field.Label + f.Field.Example)));
    }

    [Fact]
    public void Length_in_months_counts_both_ends()
    {
        var sample = ContratTripartite.Sample();
        Assert.Equal(12, sample.LengthInMonths);
        Assert.Equal(6, (sample with { Start = new(2027, 1, 15), End = new(2027, 7, 14) }).LengthInMonths);
    }

    [Fact]
    public void Sample_contract_renders_with_logo_members_plan_and_sliding_lease()
    {
        using var doc = Render(DefaultTemplates.ContratTripartite(), ContratTripartite.Model(ContratTripartite.Sample(Logo)));
        var text = doc.Body().Text().Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.DoesNotContain("{{", text);
        Assert.Contains("Association Passerelle, dont le siège est situé 12 rue des Tanneurs", text);
        Assert.Contains("•Karim Martin, conjoint, né(e) le 2 juillet 1985 ;", text);
        Assert.Contains("La mesure prend effet le 1 décembre 2026 et se termine le 30 novembre 2027, soit une durée de 12 mois.", text);
        Assert.Contains("Son coût, 1 500,00 € par mois", text);
        Assert.Contains("en bail glissant", text);
        Assert.Contains("Fait à Valenciennes, le 22 novembre 2026", text);

        var plan = doc.Body().Elements<Table>().First();
        var rows = plan.Elements<TableRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Budget", "Régler la dette de loyer et tenir un budget mensuel",
            "– Monter un dossier FSL maintien pour la dette de 1 240 € (janvier 2027)",
            "– Mettre en place un prélèvement du loyer le 5 du mois (décembre 2026)",
            "– Tenir un cahier de budget avec la conseillère (chaque mois)"], rows[1].Lines());
        Assert.Equal("Accès aux droits", rows[3].Lines()[0]);

        var header = doc.MainDocumentPart!.HeaderParts.Single();
        Assert.Single(header.ImageParts);
        Assert.Single(header.Header!.Descendants<Drawing>());
        Assert.Contains("Association Passerelle", header.Header!.Text());
        Assert.Contains("Contrat tripartite — Famille Martin", doc.MainDocumentPart!.FooterParts.Single().Footer!.Text());
    }

    [Fact]
    public void Contract_without_members_axes_logo_or_sliding_lease_is_still_valid()
    {
        var contract = ContratTripartite.Sample() with { Members = [], Axes = [], SlidingLease = false, LandlordName = null };
        using var doc = Render(DefaultTemplates.ContratTripartite(), ContratTripartite.Model(contract));
        var text = doc.Body().Text();
        Assert.DoesNotContain("bail glissant", text);
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("né(e) le", text);
        Assert.Single(doc.Body().Elements<Table>().First().Elements<TableRow>()); // the header row stays
        Assert.Empty(doc.MainDocumentPart!.HeaderParts.Single().ImageParts);
    }

    [Fact]
    public async Task Rendered_contract_opens_in_libreoffice_with_the_household_and_the_plan()
    {
        var contract = ContratTripartite.Sample(Logo) with { HouseholdName = "Famille Martin <&> 🏠" };
        var bytes = DocxTemplate.Render(DefaultTemplates.ContratTripartite(), ContratTripartite.Model(contract));
        var dir = Directory.CreateTempSubdirectory("contrat-").FullName;
        try
        {
            var docx = Path.Combine(dir, "contrat.docx");
            await File.WriteAllBytesAsync(docx, bytes);
            await Run("soffice", $"--headless --norestore -env:UserInstallation=file://{dir}/profile --convert-to pdf --outdir {dir} {docx}");
            var pdf = Path.Combine(dir, "contrat.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice produced no PDF");
            var text = await Run("pdftotext", $"-layout {pdf} -");
            Assert.Contains("Famille Martin <&>", text);
            Assert.Contains("Contrat d'accompagnement tripartite", text);
            foreach (var axis in contract.Axes)
            {
                Assert.Contains(axis.Title, text);
                Assert.Contains(axis.Actions[0].Label[..20], text);
            }
            Assert.Contains("Accès aux droits", text);
            Assert.Contains("Renouvellement de la complémentaire", text);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
