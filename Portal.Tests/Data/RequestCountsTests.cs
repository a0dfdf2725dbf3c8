using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.SuiviData;

namespace Portal.Tests.Data;

/// The counts of requests per team and status are kept by the database (triggers), and the queue's
/// total and the dashboard read them: whatever writes a request, they must stay what counting gives.
[Collection(PortalCollection.Name)]
public class RequestCountsTests(PortalApp app)
{
    [Fact]
    public async Task Counts_follow_every_way_a_request_is_written_and_the_queue_shows_them()
    {
        var token = Token();
        var team = await NewTeamAsync("Comptes " + token);
        var other = await NewTeamAsync("Autres " + token);
        await AssertCountsMatchAsync();

        // Drafts are not counted; submitted requests are, by status.
        await CreateAsync(app, team.Name, "Brouillon", token, submit: false);
        var a = await CreateAsync(app, team.Name, "Alice", token);
        var b = await CreateAsync(app, null, "Bruno", token, then: RequestAction.TakeInCharge);
        var c = await CreateAsync(app, team.Name, "Chloé", token, then: [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Refuse]);
        Assert.Equal(new[] { (RequestStatus.Submitted, 1), (RequestStatus.Refused, 1) }, await CountsOfAsync(team.Id));
        await AssertCountsMatchAsync();

        var manager = await app.SignedInAsync(PortalApp.Manager);
        Assert.Contains("<strong>2</strong> demandes", await (await manager.GetAsync($"/suivi/demandes?team={team.Id}")).TextAsync());
        Assert.Contains("<strong>1</strong> demande<", await (await manager.GetAsync($"/suivi/demandes?team={team.Id}&status=Refused")).TextAsync());

        // Through EF: a status change, and a request without a team given one.
        await app.WithDbAsync(async db =>
        {
            var request = await db.HousingRequests.SingleAsync(r => r.Id == a.Id);
            request.Move(RequestAction.TakeInCharge, null, "Collègue de test", DateTime.UtcNow);
            var moved = await db.HousingRequests.SingleAsync(r => r.Id == b.Id);
            moved.AssignTeam(other.Id, other.Name, "", "Collègue de test", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(new[] { (RequestStatus.UnderReview, 1), (RequestStatus.Refused, 1) }, await CountsOfAsync(team.Id));
        Assert.Equal(new[] { (RequestStatus.UnderReview, 1) }, await CountsOfAsync(other.Id));
        await AssertCountsMatchAsync();

        // In bulk, as the purge and the merges write.
        await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Closed)));
        await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == c.Id).ExecuteDeleteAsync());
        Assert.Equal(new[] { (RequestStatus.Closed, 1) }, await CountsOfAsync(team.Id));
        await AssertCountsMatchAsync();

        // A team deleted: its requests have no team any more (the foreign key sets it to null).
        await app.WithDbAsync(db => db.Teams.Where(t => t.Id == other.Id).ExecuteDeleteAsync());
        Assert.Empty(await CountsOfAsync(other.Id));
        Assert.Null(await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == b.Id).Select(r => r.TeamId).SingleAsync()));
        await AssertCountsMatchAsync();
        Assert.Contains("<strong>1</strong> demande<", await (await manager.GetAsync($"/suivi/demandes?team={team.Id}")).TextAsync());
    }

    private async Task<Team> NewTeamAsync(string name) => await app.WithDbAsync(async db =>
    {
        var team = new Team { Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team;
    });

    private Task<(RequestStatus, int)[]> CountsOfAsync(int teamId) => app.WithDbAsync(async db =>
        (await db.RequestCounts.AsNoTracking().Where(c => c.TeamKey == teamId && c.Count != 0).OrderBy(c => c.Status).ToListAsync())
            .Select(c => (c.Status, c.Count)).ToArray());

    /// Every kept count equals what counting the requests gives, read in one transaction.
    private Task AssertCountsMatchAsync() => app.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var kept = (await db.RequestCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .Select(c => (c.TeamKey, c.Status, c.Count)).OrderBy(x => x).ToList();
        var counted = (await db.HousingRequests.AsNoTracking().Where(r => r.SubmittedAtUtc != null)
                .GroupBy(r => new { Team = r.TeamId ?? RequestCount.NoTeam, r.Status })
                .Select(g => new { g.Key.Team, g.Key.Status, Count = g.Count() }).ToListAsync())
            .Select(x => (x.Team, x.Status, x.Count)).OrderBy(x => x).ToList();
        Assert.Equal(counted, kept);
        return true;
    });
}
