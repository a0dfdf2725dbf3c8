using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Templates;
using Portal.Testing;
using Portal.Tests.Documents.Templates;

namespace Portal.Tests.Pages.Admin.Modeles;

[Collection(PortalCollection.Name)]
public class TemplatesPageTests(PortalApp app)
{
    private const string Page = "/admin/modeles/contrat-tripartite";

    [Fact]
    public async Task List_shows_each_kind_and_links_to_its_page()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var html = WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/modeles")).HtmlAsync());
        Assert.Contains("Contrat tripartite", html);
        Assert.Contains(Page, html);
        Assert.Contains("/admin/modeles", WebUtility.HtmlDecode(await (await admin.GetAsync("/admin")).HtmlAsync()));
    }

    [Fact]
    public async Task Default_template_uploaded_back_is_stored_previewed_with_the_demo_household_and_activated()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var shipped = await admin.GetAsync($"{Page}?handler=Default");
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, shipped.Content.Headers.ContentType!.MediaType);
        var template = await shipped.Content.ReadAsByteArrayAsync();

        var first = await UploadAsync(admin, template, @"C:\Users\admin\contrat <b>v1<b>.docx", "Logo & adresse <script>");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var v1 = await LatestAsync();
        Assert.False(v1.IsActive);
        Assert.Equal("contrat <b>v1<b>.docx", v1.FileName);
        Assert.Equal("Logo & adresse <script>", v1.Comment);
        Assert.Equal(template, v1.Content);

        var page = await (await admin.GetAsync(Page)).HtmlAsync();
        Assert.Contains("Prévisualiser", page);
        Assert.Contains("Activer", page);
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<b>v1<b>", page);

        var preview = await admin.GetAsync($"{Page}?handler=Preview&version={v1.Version}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, preview.Content.Headers.ContentType!.MediaType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await preview.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Famille Martin", text);
            Assert.Contains("Sophie", text);
            Assert.DoesNotContain("{{", text);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Activate", v1.Version)).StatusCode);
        Assert.True((await VersionAsync(v1.Version)).IsActive);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, template, "contrat-v2.docx", null)).StatusCode);
        var v2 = await LatestAsync();
        Assert.Equal(v1.Version + 1, v2.Version);
        Assert.False(v2.IsActive);
        Assert.True((await VersionAsync(v1.Version)).IsActive);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Activate", v2.Version)).StatusCode);
        Assert.True((await VersionAsync(v2.Version)).IsActive);
        Assert.False((await VersionAsync(v1.Version)).IsActive);
        Assert.Equal(1, await app.WithDbAsync(db => db.DocumentTemplates.CountAsync(t => t.Kind == ContratTripartite.Kind && t.IsActive)));
        Assert.Equal(v2.Content, await app.WithDbAsync(db => TemplateStore.ActiveTemplateAsync(db, ContratTripartite.Kind)));

        var active = await admin.GetAsync($"{Page}?handler=Active");
        Assert.Equal(template, await active.Content.ReadAsByteArrayAsync());
        Assert.Contains("Version " + v2.Version, WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/modeles")).HtmlAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Revert")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DocumentTemplates.CountAsync(t => t.Kind == ContratTripartite.Kind && t.IsActive)));
        Assert.Contains("Modèle fourni par Passerelle", WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/modeles")).HtmlAsync()));
        var fallback = await app.WithDbAsync(db => TemplateStore.ActiveTemplateAsync(db, ContratTripartite.Kind));
        Assert.Equal(template, fallback);
    }

    [Fact]
    public async Task Template_with_an_unknown_field_is_refused_in_french_quoting_it_and_nothing_is_stored()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var before = await CountAsync();
        var template = Docx.Create([Docx.P("Madame {{menage.nomm}} demeurant ici"), Docx.P("{{#plan.axes}} sans fin")]);

        var response = await UploadAsync(admin, template, "faux.docx", "essai");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.HtmlAsync());
        Assert.Contains("Champ inconnu {{menage.nomm}}", html);
        Assert.Contains("Madame {{menage.nomm}} demeurant ici", html);
        Assert.Contains("plan.axes", html);
        Assert.Contains("2 problèmes", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Text_file_is_refused_in_french()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var before = await CountAsync();
        var response = await UploadAsync(admin, "Bonjour {{menage.nom}}"u8.ToArray(), "modele.docx", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est pas un document Word (.docx)", WebUtility.HtmlDecode(await response.HtmlAsync()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Missing_file_is_asked_for_in_french()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var token = Forms.Token(await (await admin.GetAsync(Page)).HtmlAsync());
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(""), "Upload.Comment" } };
        var response = await admin.PostAsync($"{Page}?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez le fichier du modèle", WebUtility.HtmlDecode(await response.HtmlAsync()));
    }

    [Fact]
    public async Task Zip_bombs_are_refused_in_french_without_error()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var before = await CountAsync();

        var manyEntries = Zip(zip =>
        {
            for (var i = 0; i < 1_100; i++)
                using (var s = zip.CreateEntry($"word/part{i}.xml").Open()) s.WriteByte((byte)'x');
        });
        var tooMany = await UploadAsync(admin, manyEntries, "bombe.docx", null);
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("trop d'éléments", WebUtility.HtmlDecode(await tooMany.HtmlAsync()));

        var squeezed = Zip(zip =>
        {
            using (var s = zip.CreateEntry("[Content_Types].xml").Open()) s.Write("<Types/>"u8);
            using (var s = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open()) s.Write(new byte[8 * 1024 * 1024]);
        });
        var bomb = await UploadAsync(admin, squeezed, "bombe.docx", null);
        Assert.Equal(HttpStatusCode.OK, bomb.StatusCode);
        Assert.Contains("démesuré", WebUtility.HtmlDecode(await bomb.HtmlAsync()));

        var truncated = await UploadAsync(admin, manyEntries[..(manyEntries.Length / 2)], "coupe.docx", null);
        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        Assert.Contains("n'est pas un document Word", WebUtility.HtmlDecode(await truncated.HtmlAsync()));

        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData(PortalApp.Resident1)]
    [InlineData(PortalApp.Worker1)]
    [InlineData(PortalApp.Manager)]
    public async Task Only_admins_reach_the_templates(string email)
    {
        var client = await app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/modeles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Page}?handler=Default")).StatusCode);
    }

    [Fact]
    public async Task Unknown_kind_or_version_is_not_found()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/modeles/bail-inconnu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/modeles/bail-inconnu?handler=Default")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Page}?handler=Preview&version=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Page}?handler=Version&version=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "Activate", 99999)).StatusCode);
    }

    [Fact]
    public async Task Help_lists_the_fields_with_their_label_example_and_list_items()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var html = WebUtility.HtmlDecode(await (await admin.GetAsync(Page)).HtmlAsync());
        foreach (var (field, _) in ContratTripartite.Dictionary.All())
        {
            Assert.Contains(field.Usage, html);
            Assert.Contains(field.Label, html);
        }
        Assert.Contains("Dans {{#plan.axes}}", html.Replace("<code>", "").Replace("</code>", ""));
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string? comment)
    {
        var token = Forms.Token(await (await client.GetAsync(Page)).HtmlAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(comment ?? ""), "Upload.Comment" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new(DocumentRenderer.DocxContentType);
        form.Add(content, "Upload.File", fileName);
        return await client.PostAsync($"{Page}?handler=Upload", form);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, int? version = null)
    {
        var token = Forms.Token(await (await client.GetAsync(Page)).HtmlAsync());
        var url = $"{Page}?handler={handler}" + (version is { } v ? $"&version={v}" : "");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private Task<DocumentTemplate> LatestAsync() =>
        app.WithDbAsync(db => db.DocumentTemplates.AsNoTracking().Where(t => t.Kind == ContratTripartite.Kind).OrderByDescending(t => t.Version).FirstAsync());

    private Task<DocumentTemplate> VersionAsync(int version) =>
        app.WithDbAsync(db => db.DocumentTemplates.AsNoTracking().SingleAsync(t => t.Kind == ContratTripartite.Kind && t.Version == version));

    private Task<int> CountAsync() => app.WithDbAsync(db => db.DocumentTemplates.CountAsync());

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return stream.ToArray();
    }
}
