using System.Net;
using Portal.Testing;

namespace Portal.Tests.Infrastructure;

[Collection(PortalCollection.Name)]
public class SmallLeaksTests(PortalApp app)
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData(PortalApp.Resident1, "/espace")]
    [InlineData(PortalApp.Worker1, "/suivi")]
    public async Task Htmx_sends_requests_to_this_site_only_on_every_page(string? email, string url)
    {
        var client = email is null ? app.Client() : await app.SignedInAsync(email);
        var html = await (await client.GetAsync(url)).HtmlAsync();

        var meta = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"htmx-config\" content='([^']*)'");
        Assert.True(meta.Success, "no htmx-config meta");
        var config = System.Net.WebUtility.HtmlDecode(meta.Groups[1].Value);
        Assert.Contains("\"selfRequestsOnly\":true", config);
        Assert.Contains("\"includeIndicatorStyles\":false", config);
    }

    [Fact]
    public async Task Health_gives_a_bare_status_to_anyone_and_details_to_admins_only()
    {
        var anonymous = await (await app.Client().GetAsync("/healthz")).HtmlAsync();
        Assert.Equal("{\"status\":\"Healthy\"}", anonymous);

        var worker = await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync("/healthz")).HtmlAsync();
        Assert.Equal("{\"status\":\"Healthy\"}", worker);
    }
}
