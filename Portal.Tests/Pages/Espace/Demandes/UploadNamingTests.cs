using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Portal.Testing.RequestDrafts;

namespace Portal.Tests.Pages.Espace.Demandes;

/// An uploaded file is named from the type found in its content, and never kept by a cache.
[Collection(PortalCollection.Name)]
public class UploadNamingTests(PortalApp app)
{
    [Fact]
    public async Task A_PDF_posted_as_html_is_kept_and_served_as_a_pdf_and_never_cached()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);

        var response = await UploadAsync(client, Step(id, 5), "IncomeProof", "poly.html", Pdf, "text/html");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await app.WithDbAsync(db => db.RequestDocuments.SingleAsync(d => d.HousingRequestId == id));
        Assert.Equal("poly.pdf", doc.FileName);
        foreach (var url in new[] { $"/espace/demandes/{id}/documents/{doc.Id}", $"/espace/demandes/{id}/documents/{doc.Id}?inline=1" })
        {
            var served = await client.GetAsync(url);
            Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("poly.pdf", served.Content.Headers.ContentDisposition!.FileNameStar ?? served.Content.Headers.ContentDisposition.FileName);
            Assert.True(served.Headers.CacheControl?.NoStore, $"{url}: Cache-Control: no-store");
        }
    }

    [Fact]
    public async Task A_file_kept_under_a_misleading_name_before_is_served_under_the_name_of_its_type()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        await UploadAsync(client, Step(id, 5), "IncomeProof", "ancien.pdf", Pdf);
        var docId = await app.WithDbAsync(async db =>
        {
            // A name kept before names were cleaned: written straight into the row.
            var doc = await db.RequestDocuments.SingleAsync(d => d.HousingRequestId == id);
            await db.RequestDocuments.Where(d => d.Id == doc.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.FileName, "ancien.html"));
            return doc.Id;
        });

        var served = await client.GetAsync($"/espace/demandes/{id}/documents/{docId}");

        Assert.Equal("ancien.pdf", served.Content.Headers.ContentDisposition!.FileNameStar ?? served.Content.Headers.ContentDisposition.FileName);
    }
}
