using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.CaseFiles;

/// Each measure carries its household's team, referent and status, kept by the database
/// (HouseholdScopeCopy): the dashboard counts a scope's reviews from them.
[Collection(PortalCollection.Name)]
public class HouseholdScopeCopyTests(PortalApp app)
{
    private async Task<(int? TeamId, string? ReferentId, HouseholdStatus? Status)> CopyAsync(long measureId) =>
        await app.WithDbAsync(async db =>
        {
            var row = await db.SupportMeasures.AsNoTracking().Where(m => m.Id == measureId)
                .Select(m => new
                {
                    TeamId = EF.Property<int?>(m, HouseholdScopeCopy.TeamId),
                    ReferentId = EF.Property<string?>(m, HouseholdScopeCopy.ReferentId),
                    Status = EF.Property<HouseholdStatus?>(m, HouseholdScopeCopy.Status),
                })
                .SingleAsync();
            return (row.TeamId, row.ReferentId, row.Status);
        });

    private async Task<int> NewTeamAsync(string name) =>
        await app.WithDbAsync(async db =>
        {
            var team = new Team { Name = name };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });

    private async Task<long> NewMeasureAsync(long householdId) =>
        await app.WithDbAsync(async db =>
        {
            var measure = SupportMeasure.Open(householdId, SupportKind.Masp, Funder.FslDepartment, Today.AddMonths(-7), 24);
            db.SupportMeasures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        });

    [Fact]
    public async Task The_copy_follows_the_household_however_it_changes()
    {
        var t = Token();
        var (teamA, teamB, teamC) = ($"Copie A {t}", $"Copie B {t}", $"Copie C {t}");
        var (a, b, c) = (await NewTeamAsync(teamA), await NewTeamAsync(teamB), await NewTeamAsync(teamC));
        var (email, _) = await NewWorkerAsync(app, teamA);
        var workerId = await UserIdAsync(app, email);
        var household = await CreateAsync(app, $"COPIE{t} Marie", team: teamA, referentEmail: email);
        var measure = await NewMeasureAsync(household);
        Assert.Equal((a, workerId, HouseholdStatus.Active), await CopyAsync(measure));

        // Through the domain and EF: a new team and no referent.
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).AssignTo(b, null);
            return await db.SaveChangesAsync();
        });
        Assert.Equal((b, (string?)null, HouseholdStatus.Active), await CopyAsync(measure));

        // A bulk update: the household exits.
        await app.WithDbAsync(db => db.Households.Where(h => h.Id == household)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HouseholdStatus.Exited)));
        Assert.Equal((b, (string?)null, HouseholdStatus.Exited), await CopyAsync(measure));

        // The measure moved to another household (as a merge does) takes that household's.
        var other = await CreateAsync(app, $"COPIE{t} Paul", team: teamC, referentEmail: email);
        await app.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HouseholdId, other)));
        Assert.Equal((c, workerId, HouseholdStatus.Active), await CopyAsync(measure));

        // The foreign keys set a deleted team and a deleted account to null: so does the copy.
        await app.WithDbAsync(db => db.Teams.Where(x => x.Id == c).ExecuteDeleteAsync());
        Assert.Equal(((int?)null, workerId, HouseholdStatus.Active), await CopyAsync(measure));
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == workerId).ExecuteDeleteAsync());
        Assert.Equal(((int?)null, (string?)null, HouseholdStatus.Active), await CopyAsync(measure));
        // A change of another column leaves it as it is.
        await app.WithDbAsync(db => db.Households.Where(h => h.Id == other)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Town, "Roubaix")));
        Assert.Equal(((int?)null, (string?)null, HouseholdStatus.Active), await CopyAsync(measure));
    }

    [Fact]
    public async Task The_dashboard_counts_a_review_for_the_team_that_follows_the_household_at_the_next_request()
    {
        var t = Token();
        var (teamA, teamB) = ($"Tableau A {t}", $"Tableau B {t}");
        var (_, b) = (await NewTeamAsync(teamA), await NewTeamAsync(teamB));
        var (emailA, _) = await NewWorkerAsync(app, teamA);
        var (emailB, _) = await NewWorkerAsync(app, teamB);
        var household = await CreateAsync(app, $"TABLEAU{t} Nina", team: teamA);
        await NewMeasureAsync(household); // 6-month review one month late
        var workerA = await app.SignedInAsync(emailA);
        var workerB = await app.SignedInAsync(emailB);
        async Task<int> LateAsync(HttpClient worker)
        {
            var html = Text(await (await worker.GetAsync("/suivi")).HtmlAsync());
            var match = System.Text.RegularExpressions.Regex.Match(html, "request-counts__number\">(\\d+)</strong> <span class=\"badge[^\"]*\">Bilans en retard");
            Assert.True(match.Success, "The dashboard shows no count of late reviews");
            return int.Parse(match.Groups[1].Value);
        }
        Assert.Equal(1, await LateAsync(workerA));
        Assert.Equal(0, await LateAsync(workerB));

        // The household moves to team B, B's worker becoming its referent: A no longer counts it.
        var referentB = await UserIdAsync(app, emailB);
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).AssignTo(b, referentB);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await LateAsync(workerA));
        Assert.Equal(1, await LateAsync(workerB));

        // Back to team A with B's worker still its referent: both count it (a referent keeps their caseload).
        await app.WithDbAsync(async db =>
        {
            var h = await db.Households.SingleAsync(x => x.Id == household);
            h.AssignTo(await db.Teams.Where(x => x.Name == teamA).Select(x => x.Id).SingleAsync(), referentB);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await LateAsync(workerA));
        Assert.Equal(1, await LateAsync(workerB));
    }
}
