using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Tests.Pages;

/// Every page each role can reach by following links from its home, over the demo association's
/// data (residences, households, measures, committees, workshops…), answers without a server error.
[Collection(PortalCollection.Name)]
public partial class CrawlTests(PortalApp app)
{
    private const int MaxPages = 600;
    private const int MaxPerPath = 3;

    [Theory]
    [InlineData(PortalApp.Manager, "/suivi")]
    [InlineData(PortalApp.Worker1, "/suivi")]
    [InlineData(PortalApp.Admin, "/admin")]
    [InlineData(PortalApp.Resident1, "/espace")]
    public async Task Every_linked_page_answers_without_a_server_error(string email, string start)
    {
        var client = await app.SignedInAsync(email);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perPath = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([start]);
        var failures = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            visited++;
            var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {url}");
            if (response.StatusCode != HttpStatusCode.OK) continue;
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.HtmlAsync();
            // The content security policy refuses inline styles: none may be written.
            if (InlineStyle().Match(html) is { Success: true } style) failures.Add($"inline style on {url}: {style.Value}");
            foreach (Match m in Href().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (!link.StartsWith('/') || link.StartsWith("//")) continue;
                link = link.Split('#')[0];
                if (link.Length == 0 || link.StartsWith("/hangfire") || link.StartsWith("/compte/deconnexion", StringComparison.OrdinalIgnoreCase)) continue;
                if (link.StartsWith("/lib/") || link.StartsWith("/css/") || link.StartsWith("/js/") || link.EndsWith(".svg")) continue;
                var path = link.Split('?')[0];
                if (!seen.Add(link)) continue;
                perPath[path] = perPath.GetValueOrDefault(path) + 1;
                if (perPath[path] > MaxPerPath && !IsIdPath(path)) continue;
                queue.Enqueue(link);
            }
        }
        Assert.True(failures.Count == 0, $"Server errors or inline styles for {email}:\n" + string.Join("\n", failures));
        Assert.True(visited > 10, $"Only {visited} pages reached from {start}: the crawl did not follow links.");
    }

    // Pages of one record (/suivi/menages/12) count apart: each household is different data.
    private static bool IsIdPath(string path) => IdSegment().IsMatch(path);

    [GeneratedRegex("<[a-z][^>]*\\sstyle\\s*=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"/\d+(/|$)")]
    private static partial Regex IdSegment();
}
