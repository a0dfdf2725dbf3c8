using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// Hostile posts from every role against a running copy of the site (its own database): no answer
/// is a server error, no payload comes back unescaped. Seeded and short here (FUZZ_SEED,
/// FUZZ_COUNT per role); tools/fuzz.sh runs it longer.
public class FuzzTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    [Fact]
    public async Task Mutated_posts_from_every_role_never_get_a_server_error_nor_echo_a_payload_unescaped()
    {
        var seed = Setting("FUZZ_SEED", 1313);
        var count = Setting("FUZZ_COUNT", 120);
        await using var database = await TestDatabase.CreateAsync();
        await using var site = new ChildSite("fuzz", database, smtpPort: null,
            settings: new Dictionary<string, string> { ["Smtp__PickupDirectory"] = Directory.CreateTempSubdirectory("fuzz-mail-").FullName });
        await site.StartAsync();

        var roles = new (string? Email, string Start)[]
        {
            (null, "/"), (PortalApp.Resident1, "/espace"), (PortalApp.Worker1, "/suivi"), (PortalApp.Manager, "/suivi"), (PortalApp.Admin, "/admin"),
        };
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var total = 0;
        var formsSeen = 0;
        foreach (var (email, start) in roles)
        {
            using var client = email is null ? site.Client() : await site.SignedInAsync(email);
            var fuzzer = new FormFuzzer(client, new Random(seed + total), email ?? "anonymous");
            var forms = await fuzzer.CrawlAsync(start, maxPages: 40);
            formsSeen += forms.Count;
            await fuzzer.FuzzAsync(forms, count);
            await fuzzer.RereadAsync();
            total += fuzzer.Requests;
            failures.AddRange(fuzzer.Failures);
            foreach (var (status, n) in fuzzer.Statuses) statuses[status] = statuses.GetValueOrDefault(status) + n;
            output.WriteLine($"{email ?? "anonymous"}: {fuzzer.Pages.Count} pages, {forms.Count} forms, {fuzzer.Requests} requests");
        }
        output.WriteLine($"seed {seed}, {total} requests, {formsSeen} forms; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {seed}):\n" + string.Join("\n", failures.Take(40)) + "\n" + site.Output[^Math.Min(4000, site.Output.Length)..]);
        Assert.True(formsSeen > 20, $"Only {formsSeen} forms found: the crawl did not reach the pages.");
    }
}
