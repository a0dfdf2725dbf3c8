using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Documents.Templates;
using static Portal.Tests.Documents.Templates.Docx;

namespace Portal.Tests.Documents.Templates;

public class TemplateCheckTests
{
    private static readonly DocumentDictionary Dictionary = ContratTripartite.Dictionary;

    private static List<string> Check(byte[] file) => TemplateCheck.Check(file, Dictionary).Select(p => p.Message).ToList();

    [Fact]
    public void Clean_template_with_lists_conditions_picture_header_and_web_link_passes()
    {
        var file = Create(
            [
                P("Madame {{menage.nom}} demeurant {{logement.adresse}}, le {{signature.date}}."),
                Table(Row(Cell(P("{{#plan.axes}}{{axe.intitule}}")), Cell(P("{{#axe.actions}}"), P("{{action.libelle}} {{menage.nom}}"), P("{{/axe.actions}}{{/plan.axes}}")))),
                P("{{?bail_glissant}}Bail glissant chez {{bailleur.nom}}.{{/bail_glissant}} {{ mesure.cout_mensuel }}"),
                P("{{?plan.axes}}"), P("Il y a un plan."), P("{{/plan.axes}}"),
            ],
            header: [P("{{%association.logo}} {{association.nom}}")],
            more: main => main.AddHyperlinkRelationship(new Uri("https://www.passerelle.example.org/"), true));
        Assert.Empty(Check(file));
    }

    [Fact]
    public void Unknown_field_is_reported_with_the_text_around_it_even_when_split_across_runs()
    {
        var file = Create([P(
            R("Nous soussignés, représentants de la famille, Madame "),
            R("{{menage.n", bold: true), new ProofError { Type = ProofingErrorValues.SpellStart }, R("omm}}"),
            R(" demeurant à Valenciennes depuis plusieurs années, déclarons…"))]);
        var problem = Assert.Single(Check(file));
        Assert.StartsWith("Champ inconnu {{menage.nomm}} dans « … ", problem);
        Assert.Contains(" la famille, Madame {{menage.nomm}} demeurant à Valenciennes ", problem);
        Assert.EndsWith(" … ».", problem);
    }

    [Fact]
    public void Item_field_outside_its_list_is_reported()
    {
        var problem = Assert.Single(Check(Create([P("Objectif : {{axe.objectif}}")])));
        Assert.Equal("Le champ {{axe.objectif}} (Objectif de l'axe) ne peut servir qu'à l'intérieur de {{#plan.axes}} … {{/plan.axes}}, dans « Objectif : {{axe.objectif}} ».", problem);
    }

    [Fact]
    public void Unclosed_block_is_reported()
    {
        var problem = Assert.Single(Check(Create([P("{{#plan.axes}}"), P("{{axe.intitule}}")])));
        Assert.Equal("Bloc {{#plan.axes}} jamais fermé dans « {{#plan.axes}} » : il manque {{/plan.axes}}.", problem);
    }

    [Fact]
    public void Badly_nested_blocks_are_reported()
    {
        var problems = Check(Create([P("{{#plan.axes}} {{#axe.actions}} {{action.libelle}} {{/plan.axes}} {{/axe.actions}}")]));
        Assert.Contains(problems, p => p.StartsWith("Blocs mal imbriqués : {{/plan.axes}} dans « … {{action.libelle}} {{/plan.axes}}", StringComparison.Ordinal)
            && p.Contains("ferme {{#plan.axes}} alors que {{#axe.actions}} n'est pas encore fermé", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Fermeture {{/axe.actions}} sans ouverture", StringComparison.Ordinal));
    }

    [Fact]
    public void Closing_a_block_never_opened_is_reported()
    {
        var problem = Assert.Single(Check(Create([P("Fin {{/bail_glissant}}")])));
        Assert.Equal("Fermeture {{/bail_glissant}} sans ouverture {{#bail_glissant}} ou {{?bail_glissant}} avant elle, dans « Fin {{/bail_glissant}} ».", problem);
    }

    [Theory]
    [InlineData("{{menage.nom | majuscules}}")]
    [InlineData("{{#}}")]
    [InlineData("{{menage.nom()}}")]
    [InlineData("{{ @menage }}")]
    [InlineData("{{}}")]
    public void Unknown_syntax_is_reported(string field)
    {
        var problem = Assert.Single(Check(Create([P($"Nom : {field}.")])));
        Assert.StartsWith($"Syntaxe inconnue {field} dans « Nom : {field}. » : seuls les champs", problem);
    }

    [Fact]
    public void Unterminated_braces_are_reported()
    {
        var problem = Assert.Single(Check(Create([P("Nom : {{menage.nom.")])));
        Assert.StartsWith("Accolades « {{ » sans fermeture « }} » dans « Nom : {{menage.nom. »", problem);
    }

    [Theory]
    [InlineData("{{plan.axes}}", "Le champ plan.axes (Axes du plan d'action) s'écrit {{#plan.axes}} … {{/plan.axes}}")]
    [InlineData("{{#menage.nom}}{{/menage.nom}}", "Le champ menage.nom n'est pas une liste")]
    [InlineData("{{%menage.nom}}", "Le champ menage.nom n'est pas une image")]
    [InlineData("{{association.logo}}", "Le champ association.logo (Logo de l'association (image)) s'écrit {{%association.logo}}")]
    public void Field_used_the_wrong_way_is_reported(string text, string expected)
    {
        var problem = Assert.Single(Check(Create([P(text)])));
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void Problem_in_the_footer_says_where_it_is()
    {
        var problem = Assert.Single(Check(Create([P("Corps")], footer: [P("Page {{page.numero}}")])));
        Assert.Equal("Champ inconnu {{page.numero}} dans « Page {{page.numero}} » (le pied de page).", problem);
    }

    [Fact]
    public void A_flood_of_problems_is_cut_at_fifty()
    {
        var problems = Check(Create(Enumerable.Range(0, 60).Select(i => P($"{{{{inconnu{i}}}}}"))));
        Assert.Equal(51, problems.Count);
        Assert.Equal("… et 10 autres problèmes du même genre.", problems[^1]);
    }

    [Theory]
    [InlineData(new byte[0], "Le fichier est vide.")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "Ce fichier n'est pas un document Word (.docx)")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 }, "Ce fichier n'est pas un document Word (.docx)")]
    public void Not_a_zip_is_refused(byte[] file, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(Check(file)));
    }

    [Fact]
    public void Zip_that_is_not_a_docx_is_refused()
    {
        var zip = Zip(z => Write(z, "notes.txt", Encoding.UTF8.GetBytes("bonjour")));
        Assert.StartsWith("Ce fichier n'est pas un document Word (.docx)", Assert.Single(Check(zip)));

        var opcButNotWord = Zip(z =>
        {
            Write(z, "[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
            Write(z, "word/document.xml", Encoding.UTF8.GetBytes("<pas du tout"));
        });
        Assert.StartsWith("Ce fichier n'est pas un document Word (.docx)", Assert.Single(Check(opcButNotWord)));
    }

    [Fact]
    public void Damaged_document_xml_is_refused_without_crashing()
    {
        var good = Create([P("{{menage.nom}}")]);
        using var stream = new MemoryStream();
        stream.Write(good);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            Write(zip, "word/document.xml", Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"));
        }
        Assert.StartsWith("Ce fichier n'est pas un document Word (.docx) lisible", Assert.Single(Check(stream.ToArray())));
    }

    [Fact]
    public void Zip_bomb_is_refused_by_its_total_size()
    {
        var bomb = Zip(z => Write(z, "word/document.xml", zeros: 210L * 1024 * 1024));
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.StartsWith("Une fois décompressé, ce fichier serait démesuré", Assert.Single(Check(bomb)));
    }

    [Fact]
    public void Absurdly_compressed_entry_is_refused()
    {
        var file = Create([P("{{menage.nom}}")]);
        using var stream = new MemoryStream();
        stream.Write(file);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            Write(zip, "word/media/vide.bin", zeros: 30L * 1024 * 1024);
        Assert.StartsWith("Une fois décompressé, ce fichier serait démesuré", Assert.Single(Check(stream.ToArray())));
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var zip = Zip(z =>
        {
            for (var i = 0; i < 1001; i++) Write(z, $"word/e{i}.xml", [1]);
        });
        Assert.Equal("Le fichier contient trop d'éléments (plus de 1 000) pour un document Word : il est refusé.", Assert.Single(Check(zip)));
    }

    [Fact]
    public void File_over_20_megabytes_is_refused()
    {
        Assert.StartsWith("Le fichier dépasse 20 Mo", Assert.Single(Check(new byte[20 * 1024 * 1024 + 1])));
    }

    [Fact]
    public void Macro_enabled_document_is_refused()
    {
        var docm = Create([P("{{menage.nom}}")], type: DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument, more: main =>
        {
            var vba = main.AddNewPart<VbaProjectPart>();
            using var data = new MemoryStream([0xCC, 0x61, 0xFF, 0xFF]);
            vba.FeedData(data);
        });
        Assert.StartsWith("Les documents Word avec macros (.docm) ne sont pas acceptés", Assert.Single(Check(docm)));
    }

    [Fact]
    public void Template_docx_is_refused()
    {
        var dotx = Create([P("{{menage.nom}}")], type: DocumentFormat.OpenXml.WordprocessingDocumentType.Template);
        Assert.StartsWith("Ce fichier n'est pas un document Word (.docx) : un modèle Word (.dotx)", Assert.Single(Check(dotx)));
    }

    [Fact]
    public void External_relationship_is_refused()
    {
        var file = Create([P("{{menage.nom}}")], more: main =>
        {
            main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("http://pisteur.example.com/pixel.png"));
        });
        Assert.Equal("Le modèle fait appel à une ressource extérieure (« http://pisteur.example.com/pixel.png ») : ce n'est pas accepté. Insérez les images dans le document au lieu de les lier.", Assert.Single(Check(file)));

        var fileLink = Create([P("{{menage.nom}}")], more: main => main.AddHyperlinkRelationship(new Uri("file://serveur/partage/modele.docx"), true));
        Assert.StartsWith("Le modèle fait appel à une ressource extérieure (« file://serveur/partage/modele.docx »)", Assert.Single(Check(fileLink)));
    }

    [Fact]
    public void Alt_chunk_is_refused()
    {
        var file = Create([P("{{menage.nom}}")], more: main =>
        {
            var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html);
            using (var html = new MemoryStream(Encoding.UTF8.GetBytes("<html><body><img src='http://x.example/a.png'></body></html>"))) chunk.FeedData(html);
            main.Document!.Body!.InsertAt(new AltChunk { Id = main.GetIdOfPart(chunk) }, 0);
        });
        Assert.StartsWith("Le modèle contient un document incorporé (altChunk)", Assert.Single(Check(file)));
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[]? content = null, long zeros = 0)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        if (content is not null) s.Write(content);
        var block = new byte[1024 * 1024];
        for (long written = 0; written < zeros; written += block.Length) s.Write(block);
    }
}
