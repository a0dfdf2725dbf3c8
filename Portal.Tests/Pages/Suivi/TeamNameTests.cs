using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Tests.Pages.Suivi;

/// The household search and the request queue say whose lists they are ("l'équipe Nord"). The name
/// is read with the session at each request: a team renamed by an admin shows at the next page.
[Collection(PortalCollection.Name)]
public class TeamNameTests(PortalApp app)
{
    [Fact]
    public async Task A_worker_s_lists_name_their_team_and_a_renamed_team_shows_at_the_next_request()
    {
        var team = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Worker1)
            .Select(u => new { Id = u.TeamId!.Value, u.Team!.Name }).SingleAsync());
        var (teamId, name) = (team.Id, team.Name);
        using var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Contains($"Les ménages de l'équipe {name} et ceux", await (await worker.GetAsync("/suivi/menages")).TextAsync());
        Assert.Contains($"Les demandes envoyées à l'équipe {name}.", await (await worker.GetAsync("/suivi/demandes")).TextAsync());

        var renamed = $"{name} <Rive & gauche>";
        try
        {
            await app.WithDbAsync(db => db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, renamed)));
            var households = await (await worker.GetAsync("/suivi/menages")).HtmlAsync();
            Assert.Contains($"Les ménages de l'équipe {renamed} et ceux", System.Net.WebUtility.HtmlDecode(households));
            Assert.DoesNotContain("<Rive", households);
            Assert.Contains($"Les demandes envoyées à l'équipe {renamed}.", await (await worker.GetAsync("/suivi/demandes")).TextAsync());
        }
        finally
        {
            await app.WithDbAsync(db => db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, name)));
        }
    }
}
