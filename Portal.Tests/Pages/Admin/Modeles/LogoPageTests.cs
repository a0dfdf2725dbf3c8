using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Testing;

namespace Portal.Tests.Pages.Admin.Modeles;

[Collection(PortalCollection.Name)]
public class LogoPageTests(PortalApp app)
{
    private const string Page = "/admin/modeles/logo-association";
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_uploaded_logo_heads_the_generated_documents_until_it_is_removed()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var upload = await UploadAsync(admin, Png, "logo.png");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var html = await (await admin.GetAsync(Page)).HtmlAsync();
        Assert.Contains("Logo actuel de l'association", html);
        var image = await admin.GetAsync($"{Page}?handler=Image");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);

        // A yearly report made now carries the image in its letterhead, and stays valid.
        var withLogo = await RenderYearlyReportAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(withLogo), false))
        {
            Assert.NotEmpty(doc.MainDocumentPart!.ImageParts.Concat(doc.MainDocumentPart.HeaderParts.SelectMany(h => h.ImageParts)));
            Assert.Empty(new OpenXmlValidator().Validate(doc));
        }

        var token = Forms.Token(html);
        var removed = await admin.PostAsync($"{Page}?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Aucun logo", await (await admin.GetAsync(Page)).HtmlAsync());
        using var without = WordprocessingDocument.Open(new MemoryStream(await RenderYearlyReportAsync()), false);
        Assert.Empty(without.MainDocumentPart!.ImageParts.Concat(without.MainDocumentPart.HeaderParts.SelectMany(h => h.ImageParts)));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_in_French_at_the_field()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var response = await UploadAsync(admin, "<svg onload=alert(1)>"u8.ToArray(), "logo.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Le logo doit être une image PNG ou JPEG.", html);
        Assert.Contains("id=\"logo-error\"", html);

        var empty = await UploadAsync(admin, null, null);
        Assert.Contains("Choisissez l&#x27;image du logo", await empty.HtmlAsync());
    }

    [Fact]
    public async Task Only_admins_reach_the_logo_page()
    {
        var worker = await app.SignedInAsync(PortalApp.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(Page)).StatusCode);
    }

    private async Task<byte[]> RenderYearlyReportAsync()
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PortalDbContext>();
        var sources = new DocumentSources(db, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IConfiguration>());
        var model = await sources.ModelAsync(BilanActivite.Kind, DocumentSubject.YearKey(DateTime.UtcNow.Year, null));
        return DocxTemplate.Render(await TemplateStore.ActiveTemplateAsync(db, BilanActivite.Kind), model);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[]? file, string? fileName)
    {
        var token = Forms.Token(await (await client.GetAsync(Page)).HtmlAsync());
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new("image/png");
            form.Add(content, "logo", fileName!);
        }
        return await client.PostAsync($"{Page}?handler=Upload", form);
    }
}
