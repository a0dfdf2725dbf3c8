using System.Net;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Testing;

namespace Portal.Tests.Documents;

/// A generated document is downloaded for the case, never kept by a cache; the admin, who runs the
/// system and not the cases, does not reach it from /admin/documents.
public partial class DocumentGenerationTests
{
    [Fact]
    public async Task A_generated_document_is_never_cached_and_the_admin_page_neither_lists_nor_serves_it()
    {
        var c = await CreateCaseAsync("NS" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var id = RequestId(await (await GenerateAsync(worker, await TokenAsync(worker), ContratTripartite.Kind, DocumentSubject.MeasureKey(c.MeasureId), Guid.NewGuid().ToString("N"))).HtmlAsync());
        await ReadyAsync(worker, id);

        var download = await worker.GetAsync($"/suivi/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore, "Cache-Control: no-store");

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var list = await (await admin.GetAsync("/admin/documents")).HtmlAsync();
        Assert.DoesNotContain($"id=\"doc-{id}\"", list);
        Assert.DoesNotContain("tripartite", list, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/documents?handler=Download&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/documents?handler=Row&id={id}")).StatusCode);
    }
}
