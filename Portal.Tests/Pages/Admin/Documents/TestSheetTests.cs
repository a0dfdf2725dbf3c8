using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Documents;
using Portal.Domain.Work;
using Portal.Jobs;
using Portal.Testing;

namespace Portal.Tests.Pages.Admin.Documents;

[Collection(PortalCollection.Name)]
public class TestSheetTests(PortalApp app)
{
    [Fact]
    public async Task Admin_generates_the_test_sheet_in_the_background_and_downloads_a_valid_docx()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var page = await (await admin.GetAsync("/admin/documents")).HtmlAsync();
        var token = Forms.Token(page);

        var post = new HttpRequestMessage(HttpMethod.Post, "/admin/documents?handler=Generate")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("HX-Request", "true");
        var response = await admin.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await response.HtmlAsync();
        Assert.StartsWith("<tr", fragment.TrimStart());
        // In progress (the row polls itself), or already made: the test sheet takes milliseconds and
        // the job may finish before the row is read back.
        Assert.True(fragment.Contains("every 1s") || fragment.Contains("Télécharger"), fragment);

        var id = await app.WithDbAsync(db => db.DocumentRequests.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        var row = await Forms.EventuallyAsync(
            async () => await (await admin.GetAsync($"/admin/documents?handler=Row&id={id}")).HtmlAsync(),
            html => html.Contains("Télécharger"), TimeSpan.FromSeconds(30), "the document to be ready");
        Assert.DoesNotContain("every 1s", row);

        var download = await admin.GetAsync($"/admin/documents?handler=Download&id={id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Fiche de test", text);
        Assert.Contains("Alice Admin", text);
        Assert.Contains("22 novembre 2026", text);
    }

    [Fact]
    public async Task Test_sheet_opens_in_libreoffice()
    {
        var bytes = WordWriter.TestSheet(new TestSheetModel("Fiche de test", "Zoé <&> \"Test\" 🏠\u0001", DateTime.UtcNow, DateTime.UtcNow,
            [("Base de données", "SQLite"), ("Ligne hostile", "{{menage.nom}} <b>&amp;</b>")]));
        var dir = Directory.CreateTempSubdirectory("docx-").FullName;
        try
        {
            var docx = Path.Combine(dir, "fiche.docx");
            await File.WriteAllBytesAsync(docx, bytes);
            await Run("soffice", $"--headless --norestore -env:UserInstallation=file://{dir}/profile --convert-to pdf --outdir {dir} {docx}");
            var pdf = Path.Combine(dir, "fiche.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice produced no PDF");
            var text = await Run("pdftotext", $"{pdf} -");
            Assert.Contains("Fiche de test", text);
            Assert.Contains("Zoé <&> \"Test\"", text);
            Assert.Contains("{{menage.nom}} <b>&amp;</b>", text);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Running_the_same_request_twice_stores_one_document()
    {
        long id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var adminId = await db.Users.Where(u => u.Email == PortalApp.Admin).Select(u => u.Id).SingleAsync();
            var request = new DocumentRequest { Kind = DocumentKinds.TestSheet, Title = "Fiche de test", RequestedById = adminId };
            db.DocumentRequests.Add(request);
            await db.SaveChangesAsync();
            id = request.Id;
        }
        var jobs = Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<GenerateDocumentJob>().RunAsync(id, CancellationToken.None);
        });
        await Task.WhenAll(jobs);
        await Forms.EventuallyAsync(
            () => app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()),
            s => s == WorkStatus.Done, TimeSpan.FromSeconds(30), "the request to be done");
        await Task.Delay(1000);
        Assert.Equal(1, await app.WithDbAsync(db => db.GeneratedDocuments.CountAsync(g => g.DocumentRequestId == id)));
    }

    [Fact]
    public async Task Unknown_document_download_is_a_404_not_an_error()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/documents?handler=Download&id=987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/documents?handler=Row&id=987654")).StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await admin.GetAsync("/admin/documents?handler=Download&id=abc")).StatusCode);
    }

    private static async Task<string> Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {await stderr}");
        return await stdout;
    }
}
