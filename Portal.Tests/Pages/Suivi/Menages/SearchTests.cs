using System.Net;
using System.Text.RegularExpressions;
using Portal.Domain.Support;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Menages;

[Collection(PortalCollection.Name)]
public partial class SearchTests(PortalApp app)
{
    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex("href=\"(/suivi/menages\\?[^\"]*apres=\\d+[^\"]*)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("href=\"(/suivi/menages\\?[^\"]*avant=\\d+[^\"]*)\"")]
    private static partial Regex PreviousLink();

    private static string Rows(string html) => Body().Match(html) is { Success: true } m ? Text(m.Groups[1].Value) : "";

    [Fact]
    public async Task Name_prefix_is_found_whatever_the_accents_and_case_and_word_order()
    {
        var t = Token();
        await CreateAsync(app, $"LÉVÊQUE{t} Anaïs");
        await CreateAsync(app, $"LEFORT{t} Paul");
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var rows = Rows(await (await worker.GetAsync($"/suivi/menages?q=leveque{t.ToLowerInvariant()}")).HtmlAsync());
        Assert.Contains($"LÉVÊQUE{t} Anaïs", rows);
        Assert.DoesNotContain($"LEFORT{t}", rows);

        rows = Rows(await (await worker.GetAsync($"/suivi/menages?q={Uri.EscapeDataString($"anais lévêque{t}")}")).HtmlAsync());
        Assert.Contains($"LÉVÊQUE{t} Anaïs", rows);

        // A prefix of the second word alone is not a name prefix.
        rows = Rows(await (await worker.GetAsync($"/suivi/menages?q=anais")).HtmlAsync());
        Assert.DoesNotContain($"LÉVÊQUE{t}", rows);
    }

    [Fact]
    public async Task Results_page_by_keyset_with_next_and_previous_links_and_htmx_rows()
    {
        var t = Token();
        for (var i = 1; i <= 30; i++) await CreateAsync(app, $"PAGE{t} Num{i:00}");
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var first = await (await worker.GetAsync($"/suivi/menages?q=page{t}")).HtmlAsync();
        var rows = Rows(first);
        Assert.Contains($"PAGE{t} Num01", rows);
        Assert.Contains($"PAGE{t} Num25", rows);
        Assert.DoesNotContain($"PAGE{t} Num26", rows);
        Assert.DoesNotMatch(PreviousLink(), first);
        var next = Text(NextLink().Match(first).Groups[1].Value);
        Assert.NotEmpty(next);
        Assert.DoesNotContain("page=", next);

        var request = new HttpRequestMessage(HttpMethod.Get, next);
        request.Headers.Add("HX-Request", "true");
        var second = await (await worker.SendAsync(request)).HtmlAsync();
        Assert.DoesNotContain("<html", second);
        rows = Rows(second);
        Assert.Contains($"PAGE{t} Num26", rows);
        Assert.Contains($"PAGE{t} Num30", rows);
        Assert.DoesNotContain($"PAGE{t} Num25", rows);
        Assert.DoesNotMatch(NextLink(), second);

        var previous = Text(PreviousLink().Match(second).Groups[1].Value);
        rows = Rows(await (await worker.GetAsync(previous)).HtmlAsync());
        Assert.Contains($"PAGE{t} Num01", rows);
        Assert.Contains($"PAGE{t} Num25", rows);
        Assert.DoesNotContain($"PAGE{t} Num26", rows);
    }

    [Fact]
    public async Task Worker_sees_only_the_team_and_their_own_households_manager_sees_all()
    {
        var t = Token();
        var sud = await CreateAsync(app, $"SCOPE{t} Sud", team: "Sud");
        var nordOwn = await CreateAsync(app, $"SCOPE{t} Nord", team: "Nord");
        var sudButMine = await CreateAsync(app, $"SCOPE{t} Suivi", team: "Sud", referentEmail: PortalApp.Worker1);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var rows = Rows(await (await worker.GetAsync($"/suivi/menages?q=scope{t}")).HtmlAsync());
        Assert.Contains($"SCOPE{t} Nord", rows);
        Assert.Contains($"SCOPE{t} Suivi", rows);
        Assert.DoesNotContain($"SCOPE{t} Sud", rows);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/suivi/menages/{sud}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/suivi/menages/{nordOwn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/suivi/menages/{sudButMine}")).StatusCode);

        rows = Rows(await (await worker.GetAsync($"/suivi/menages?q=scope{t}&mes=oui")).HtmlAsync());
        Assert.Contains($"SCOPE{t} Suivi", rows);
        Assert.DoesNotContain($"SCOPE{t} Nord", rows);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        rows = Rows(await (await manager.GetAsync($"/suivi/menages?q=scope{t}")).HtmlAsync());
        Assert.Contains($"SCOPE{t} Sud", rows);
        Assert.Contains($"SCOPE{t} Nord", rows);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/suivi/menages/{sud}")).StatusCode);
        var sudTeam = await TeamIdAsync(app, "Sud");
        rows = Rows(await (await manager.GetAsync($"/suivi/menages?q=scope{t}&equipe={sudTeam}")).HtmlAsync());
        Assert.Contains($"SCOPE{t} Sud", rows);
        Assert.DoesNotContain($"SCOPE{t} Nord", rows);

        var sudWorker = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.OK, (await sudWorker.GetAsync($"/suivi/menages/{sud}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sudWorker.GetAsync($"/suivi/menages/{nordOwn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sudWorker.GetAsync("/suivi/menages/999999999")).StatusCode);
    }

    [Fact]
    public async Task Status_filter_keeps_only_exited_households()
    {
        var t = Token();
        await CreateAsync(app, $"STATUT{t} Actif");
        await CreateAsync(app, $"STATUT{t} Parti", configure: h => h.RecordExit(Exit.Record(h.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5), ExitDestination.SocialLandlord, null, [], [], []), DateTime.UtcNow));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var rows = Rows(await (await worker.GetAsync($"/suivi/menages?q=statut{t}&statut=sorti")).HtmlAsync());
        Assert.Contains($"STATUT{t} Parti", rows);
        Assert.DoesNotContain($"STATUT{t} Actif", rows);
    }

    [Theory]
    [InlineData("/suivi/menages?q=%00%01&statut=zzz&equipe=-1&mes=peut-etre&apres=abc&avant=-5")]
    [InlineData("/suivi/menages?apres=99999999999999999999999")]
    [InlineData("/suivi/menages?avant=1")]
    [InlineData("/suivi/menages?q=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/suivi/menages/0")]
    [InlineData("/admin/journal?menage=abc&avant=xyz&utilisateur=%3Cscript%3E")]
    public async Task Garbage_in_addresses_never_fails(string url)
    {
        var client = await app.SignedInAsync(url.StartsWith("/admin", StringComparison.Ordinal) ? PortalApp.Admin : PortalApp.Manager);
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>alert", await response.HtmlAsync());
    }
}
