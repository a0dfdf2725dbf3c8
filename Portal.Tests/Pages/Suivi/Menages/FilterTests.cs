using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Testing;
using static Portal.Testing.MenagesData;
using HousingData = Portal.Testing.HousingData;

namespace Portal.Tests.Pages.Suivi.Menages;

/// The caseload's filters on /suivi/menages: public, measure under way, referent, residence, stay ending.
[Collection(PortalCollection.Name)]
public partial class FilterTests(PortalApp app)
{
    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    private async Task<string> RowsAsync(HttpClient client, string query)
    {
        var html = await (await client.GetAsync($"/suivi/menages?{query}")).HtmlAsync();
        return Body().Match(html) is { Success: true } m ? Text(m.Groups[1].Value) : "";
    }

    [GeneratedRegex("<select id=\"referent\" name=\"referent\">(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex ReferentSelect();

    private static List<string> ReferentOptions(string html) =>
        Regex.Matches(ReferentSelect().Match(html).Groups[1].Value, "<option value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order().ToList();

    [Fact]
    public async Task Referent_filter_offers_a_worker_their_team_s_staff_and_a_manager_every_staff_member()
    {
        var staff = await app.WithDbAsync(db => (
            from u in db.Users
            where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.SocialWorker || r.Name == Roles.Manager)))
            select new { u.Id, u.Email, u.TeamId }).ToListAsync());
        var worker = staff.Single(s => s.Email == PortalApp.Worker1);
        var resident = await UserIdAsync(app, PortalApp.Resident1);
        var otherTeam = staff.First(s => s.TeamId != null && s.TeamId != worker.TeamId);

        var workerSees = ReferentOptions(await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync("/suivi/menages")).HtmlAsync());
        Assert.Equal(staff.Where(s => s.Id == worker.Id || s.TeamId == worker.TeamId).Select(s => s.Id).Order().ToList(), workerSees);
        Assert.DoesNotContain(otherTeam.Id, workerSees);
        Assert.DoesNotContain(resident, workerSees);

        var managerSees = ReferentOptions(await (await (await app.SignedInAsync(PortalApp.Manager)).GetAsync("/suivi/menages")).HtmlAsync());
        Assert.Equal(staff.Select(s => s.Id).Order().ToList(), managerSees);
    }

    [Fact]
    public async Task Each_filter_keeps_only_the_households_it_names_and_the_form_offers_every_public()
    {
        var t = Token();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var me = await UserIdAsync(app, PortalApp.Worker1);
        var (residence, dwellings) = await HousingData.StockAsync(app, Typology.T2, Typology.T2);
        var refugee = await CreateAsync(app, $"FILTRE{t} Réfugiée", configure: h => h.TargetGroups = TargetGroups.Refugee | TargetGroups.LargeFamily);
        var supported = await CreateAsync(app, $"FILTRE{t} Suivie", referentEmail: PortalApp.Worker1, configure: h => h.TargetGroups = TargetGroups.Disability);
        var ending = await CreateAsync(app, $"FILTRE{t} Partante");
        var later = await CreateAsync(app, $"FILTRE{t} Installée");
        await app.WithDbAsync(async db =>
        {
            db.SupportMeasures.Add(SupportMeasure.Open(supported, SupportKind.Asll, Funder.FslDepartment, today.AddMonths(-1), 12));
            await db.SaveChangesAsync();
            return 0;
        });
        await HousingData.StayAsync(app, ending, dwellings[0], today.AddMonths(-6).AddDays(20));
        await HousingData.StayAsync(app, later, dwellings[1], today.AddMonths(-1));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var q = $"q=filtre{t.ToLowerInvariant()}";

        var form = await (await worker.GetAsync("/suivi/menages")).HtmlAsync();
        foreach (var label in new[] { "Personnes en situation de handicap", "Réfugiés et bénéficiaires d'une protection internationale", "Jeunes sortant de l'ASE",
            "Sortants d'hôpital ou de soins", "Ménages prioritaires (DALO)", "Familles nombreuses", "Ménages surendettés", "Femmes victimes de violences" })
            Assert.Contains(label, Text(form));

        var rows = await RowsAsync(worker, $"{q}&public=Refugee");
        Assert.Contains("Réfugiée", rows);
        Assert.DoesNotContain("Suivie", rows);
        rows = await RowsAsync(worker, $"{q}&public=LargeFamily");
        Assert.Contains("Réfugiée", rows);

        rows = await RowsAsync(worker, $"{q}&mesure=Asll");
        Assert.Contains("Suivie", rows);
        Assert.DoesNotContain("Réfugiée", rows);
        Assert.DoesNotContain("Suivie", await RowsAsync(worker, $"{q}&mesure=Masp"));

        rows = await RowsAsync(worker, $"{q}&referent={me}");
        Assert.Contains("Suivie", rows);
        Assert.DoesNotContain("Partante", rows);

        rows = await RowsAsync(worker, $"{q}&residence={residence}");
        Assert.Contains("Partante", rows);
        Assert.Contains("Installée", rows);
        Assert.DoesNotContain("Suivie", rows);

        rows = await RowsAsync(worker, $"{q}&fin=30");
        Assert.Contains("Partante", rows);
        Assert.DoesNotContain("Installée", rows);
        Assert.DoesNotContain("Partante", await RowsAsync(worker, $"{q}&fin=0"));

        // Filters combine, and the form shows them chosen.
        var both = await (await worker.GetAsync($"/suivi/menages?{q}&residence={residence}&fin=30")).HtmlAsync();
        Assert.Matches($"<option value=\"{residence}\" selected", both);
        Assert.Matches("<option value=\"30\" selected", both);

        // Nonsense in the address is ignored, never an error.
        rows = await RowsAsync(worker, $"{q}&public=999&mesure=-1&referent=x&residence=abc&fin=7");
        Assert.Contains("Réfugiée", rows);
        Assert.Contains("Partante", rows);
    }
}
