using System.Net;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.SuiviData;

namespace Portal.Tests.Pages.Suivi.Demandes;

[Collection(PortalCollection.Name)]
public class QueueTests(PortalApp app)
{
    private static string Queue(string query) => "/suivi/demandes?" + query;

    [Fact]
    public async Task Social_worker_sees_their_team_and_manager_sees_every_team()
    {
        var token = Token();
        var nord = await CreateAsync(app, "Nord", "Alice", token);
        var sud = await CreateAsync(app, "Sud", "Bruno", token);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var seen = References(await (await worker.GetAsync(Queue("q=" + token))).HtmlAsync());
        Assert.Equal(new[] { nord.Reference }, seen);

        var worker2 = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(new[] { sud.Reference }, References(await (await worker2.GetAsync(Queue("q=" + token))).HtmlAsync()));

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var all = References(await (await manager.GetAsync(Queue("q=" + token))).HtmlAsync());
        Assert.Equal(2, all.Count);
        Assert.Contains(nord.Reference, all);
        Assert.Contains(sud.Reference, all);
    }

    [Theory]
    [InlineData("/suivi/demandes")]
    [InlineData("/suivi/demandes/1")]
    public async Task Resident_is_forbidden(string url)
    {
        var resident = await app.SignedInAsync(PortalApp.Resident1);
        var response = await resident.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await app.Client().GetAsync("/suivi/demandes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Drafts_never_appear_to_staff()
    {
        var token = Token();
        var draft = await CreateAsync(app, "Nord", "Denise", token, submit: false);
        foreach (var who in new[] { PortalApp.Worker1, PortalApp.Manager })
        {
            var client = await app.SignedInAsync(who);
            var html = await (await client.GetAsync(Queue("q=" + token))).HtmlAsync();
            Assert.DoesNotContain(token, html.Replace("value=\"" + token + "\"", ""));
            Assert.Contains("Aucune demande ne correspond", html);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(draft.Url)).StatusCode);
        }
    }

    [Fact]
    public async Task Filters_return_the_right_rows()
    {
        var token = Token();
        var march = new DateTime(2020, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        var dalo = await CreateAsync(app, "Nord", "Anne", token, r => r.DescribeSituation(r.Situation, r.SituationDetails, TargetGroups.Young18To25, true, null, DateOnly.FromDateTime(DateTime.UtcNow)), march);
        var review = await CreateAsync(app, "Nord", "Bea", token, r => r.DescribeSituation(r.Situation, r.SituationDetails, TargetGroups.Elderly, r.IsDalo, null, DateOnly.FromDateTime(DateTime.UtcNow)), march.AddMonths(1), then: RequestAction.TakeInCharge);
        var violence = await CreateAsync(app, "Nord", "Cyril", token, r => r.DescribeSituation(r.Situation, r.SituationDetails, TargetGroups.ViolenceVictim | TargetGroups.Young18To25, r.IsDalo, null, DateOnly.FromDateTime(DateTime.UtcNow)), march.AddMonths(2));
        var sud = await CreateAsync(app, "Sud", "Dora", token, null, march.AddDays(5));
        var noTeam = await CreateAsync(app, null, "Eloi", token, null, march.AddMonths(3));

        var manager = await app.SignedInAsync(PortalApp.Manager);
        async Task<IReadOnlyList<string>> Rows(string query) =>
            References(await (await manager.GetAsync(Queue($"q={token}&{query}"))).HtmlAsync());

        Assert.Equal(new[] { review.Reference }, await Rows("status=UnderReview"));
        Assert.Equal(new[] { dalo.Reference }, await Rows("dalo=true"));
        Assert.Equal(4, (await Rows("dalo=false")).Count);
        Assert.Equal(new[] { violence.Reference }, await Rows("group=ViolenceVictim"));
        Assert.Equal(new[] { violence.Reference, dalo.Reference }, await Rows("group=Young18To25"));
        var sudId = await app.WithDbAsync(db => Task.FromResult(db.Teams.Single(t => t.Name == "Sud").Id));
        Assert.Equal(new[] { sud.Reference }, await Rows($"team={sudId}"));
        Assert.Equal(new[] { noTeam.Reference }, await Rows("team=none"));
        Assert.Equal(new[] { sud.Reference, dalo.Reference }, await Rows("from=2020-03-01&to=2020-03-31"));
        Assert.Equal(new[] { dalo.Reference, sud.Reference }, await Rows("from=2020-03-01&to=2020-03-31&sort=date-asc"));
        Assert.Equal(new[] { noTeam.Reference, violence.Reference }, await Rows("from=2020-05-01"));

        // A social worker's team filter is their own team, whatever the address says.
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var workerRows = References(await (await worker.GetAsync(Queue($"q={token}&team={sudId}"))).HtmlAsync());
        Assert.Equal(3, workerRows.Count);
        Assert.DoesNotContain(sud.Reference, workerRows);
    }

    [Fact]
    public async Task Name_search_ignores_accents_and_case_and_takes_either_order()
    {
        var token = Token().ToLowerInvariant();
        var emilie = await CreateAsync(app, "Nord", "Émilie", "Lefèvre" + token);
        var other = await CreateAsync(app, "Nord", "Paul", "Lefebvre" + token);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        async Task<IReadOnlyList<string>> Search(string q) =>
            References(await (await worker.GetAsync(Queue("q=" + Uri.EscapeDataString(q)))).HtmlAsync());

        Assert.Equal(new[] { emilie.Reference }, await Search("lefevre" + token));
        Assert.Equal(new[] { emilie.Reference }, await Search("LEFÈVRE" + token.ToUpperInvariant()));
        Assert.Equal(new[] { emilie.Reference }, await Search("emilie lefevre" + token));
        Assert.Equal(new[] { emilie.Reference }, await Search("Lefèvre" + token + " Émi"));
        Assert.Equal(new[] { other.Reference }, await Search("lefebvre" + token));
        Assert.Empty(await Search("lefevre" + token + " paul"));
    }

    [Fact]
    public async Task Reference_lookup_finds_exactly_that_request()
    {
        var token = Token();
        var one = await CreateAsync(app, "Nord", "Fanny", token);
        await CreateAsync(app, "Nord", "Gilles", token);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        Assert.Equal(new[] { one.Reference }, References(await (await worker.GetAsync(Queue("q=" + one.Reference.ToLowerInvariant()))).HtmlAsync()));
        Assert.Equal(new[] { one.Reference }, References(await (await worker.GetAsync(Queue("q=" + one.Id))).HtmlAsync()));
        Assert.Empty(References(await (await worker.GetAsync(Queue("q=DL-1999-000001"))).HtmlAsync()));
    }

    [Fact]
    public async Task Htmx_request_gets_only_the_results_fragment()
    {
        var token = Token();
        var one = await CreateAsync(app, "Nord", "Hugo", token);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var request = new HttpRequestMessage(HttpMethod.Get, Queue("q=" + token));
        request.Headers.Add("HX-Request", "true");
        var response = await worker.SendAsync(request);
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("Rechercher et filtrer", html);
        Assert.Contains(one.Reference, html);
        Assert.Contains("HX-Request", response.Headers.Vary);

        var full = await (await worker.GetAsync(Queue("q=" + token))).HtmlAsync();
        Assert.Contains("<html", full);
        Assert.Contains("hx-get=\"/suivi/demandes\"", full);
    }

    [Fact]
    public async Task Pages_hold_25_rows_and_the_last_page_the_rest_in_order()
    {
        var token = Token();
        var created = new List<(string Name, string Reference)>();
        for (var i = 0; i < 30; i++)
        {
            var first = "P" + (char)('a' + i / 26) + (char)('a' + i % 26);
            var c = await CreateAsync(app, "Sud", first, token);
            created.Add((first, c.Reference));
        }
        var expected = created.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Reference).ToList();
        var worker = await app.SignedInAsync(PortalApp.Worker2);

        var first25 = await (await worker.GetAsync(Queue($"q={token}&sort=name-asc"))).HtmlAsync();
        Assert.Contains("<strong>30</strong> demandes", first25);
        Assert.Contains("page 1 sur 2", first25);
        Assert.Equal(expected.Take(25), References(first25));

        var last = await (await worker.GetAsync(Queue($"q={token}&sort=name-asc&page=2"))).HtmlAsync();
        Assert.Equal(expected.Skip(25), References(last));
        var beyond = await (await worker.GetAsync(Queue($"q={token}&sort=name-desc&page=99"))).HtmlAsync();
        Assert.Equal(expected.Take(5).Reverse(), References(beyond));
    }

    [Theory]
    [InlineData("status=zzz&from=99999-99-99&to=abc&group=7&dalo=peut-etre&team=-1&sort=x&page=-5")]
    [InlineData("page=999999999999999&status=0&group=Young18To25,Elderly")]
    [InlineData("from=0001-01-01&to=9999-12-31&team=2147483647")]
    [InlineData("q=%00%01")]
    [InlineData("q=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("q=DL-%27%20OR%201=1--")]
    [InlineData("q=99999999999999999999999")]
    [InlineData("status=Draft")]
    public async Task Garbage_in_the_address_never_fails(string query)
    {
        foreach (var who in new[] { PortalApp.Worker1, PortalApp.Manager })
        {
            var client = await app.SignedInAsync(who);
            var response = await client.GetAsync(Queue(query));
            // Control characters in an address are refused before any page runs (a French 400 everywhere).
            Assert.Equal(query.Contains("%00") ? HttpStatusCode.BadRequest : HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert", await response.HtmlAsync());
        }
    }

    [Fact]
    public async Task Dashboard_counts_requests_waiting_for_the_team()
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var before = await app.WithDbAsync(db => Task.FromResult(db.HousingRequests.Count(r =>
            r.Status == RequestStatus.Submitted && db.Teams.Any(t => t.Id == r.TeamId && t.Name == "Nord"))));
        await CreateAsync(app, "Nord", "Ivan", Token());
        await CreateAsync(app, "Sud", "Jean", Token());
        var html = await (await worker.GetAsync("/suivi")).HtmlAsync();
        Assert.Contains($"<a href=\"/suivi/demandes?status=Submitted\"><strong class=\"request-counts__number\">{before + 1}</strong> Déposée</a>", html);
        Assert.Contains("Demandes de logement à traiter", html);
    }
}
