using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Menages;

/// A worker's scope is read with their session at every request (DESIGN, "Access"): a worker moved
/// to another team reaches the new team's files, and no longer the old one's, at their very next
/// request, without signing in again.
[Collection(PortalCollection.Name)]
public class TeamChangeTests(PortalApp app)
{
    [Fact]
    public async Task A_worker_moved_to_another_team_sees_it_at_the_next_request()
    {
        var t = Token();
        var nordFile = await CreateAsync(app, $"NORDFILE{t} Anne", team: "Nord");
        var sudFile = await CreateAsync(app, $"SUDFILE{t} Paul", team: "Sud");
        var (email, _) = await NewWorkerAsync(app, "Nord");
        var worker = await app.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/suivi/menages/{nordFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/suivi/menages/{sudFile}")).StatusCode);
        Assert.Contains($"href=\"/suivi/menages/{nordFile}\"", await (await worker.GetAsync($"/suivi/menages?q=NORDFILE{t}")).Content.ReadAsStringAsync());

        var sud = await TeamIdAsync(app, "Sud");
        var id = await UserIdAsync(app, email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamId, sud)));

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/suivi/menages/{nordFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/suivi/menages/{sudFile}")).StatusCode);
        var list = await (await worker.GetAsync($"/suivi/menages?q=NORDFILE{t}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"/suivi/menages/{nordFile}\"", list);
    }
}
