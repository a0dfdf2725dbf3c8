using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Jobs;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Housing;
using Portal.Housing;
using Portal.Testing;
using static Portal.Testing.HousingData;

namespace Portal.Tests.Pages.Admin.Logements;

[Collection(PortalCollection.Name)]
public class StockTests(PortalApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Occupancy_rate_counts_dwellings_held_today_and_leaves_withdrawn_ones_out()
    {
        // Four dwellings: one occupied, one whose household left, one free, one withdrawn → 1 of 3.
        var (residence, d) = await StockAsync(app, Typology.T1, Typology.T2, Typology.T3, Typology.T2);
        var occupant = await HouseholdAsync(app, "Nord", name: Unique("OCCUPANT"));
        await StayAsync(app, occupant, d[0], Today.AddMonths(-1));
        var gone = await HouseholdAsync(app, "Nord");
        var ended = await StayAsync(app, gone, d[1], Today.AddMonths(-8));
        await app.WithDbAsync(async db =>
        {
            (await db.Stays.SingleAsync(s => s.Id == ended)).Exit(Today.AddMonths(-1));
            (await db.Dwellings.SingleAsync(x => x.Id == d[3])).Withdraw(true);
            return await db.SaveChangesAsync();
        });

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var page = await (await admin.GetAsync($"/admin/logements/residences/{residence}")).TextAsync();
        Assert.Contains("<span id=\"taux-residence\">33,3\u00A0%</span>", page);
        Assert.Contains("Retiré du parc", page);

        var index = await (await admin.GetAsync("/admin/logements")).TextAsync();
        var row = System.Text.RegularExpressions.Regex.Match(index, $"<tr id=\"residence-{residence}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<td class=\"num taux\">33,3\u00A0%</td>", row);
        Assert.Contains(await app.WithDbAsync(db => db.Households.Where(h => h.Id == occupant).Select(h => h.Name).SingleAsync()), index);

        // The overall figure is the same computation over the whole stock.
        var expected = await app.WithDbAsync(db => StockQueries.OnAsync(db, StockQueries.Today(TimeProvider.System)));
        Assert.Contains($"<dd id=\"taux-global\">{StockQueries.Percent(expected.Overall.Rate)}</dd>", index);
    }

    [Fact]
    public async Task Admin_creates_a_residence_and_a_dwelling_with_French_validation_at_the_fields()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var empty = await (await Forms.PostAsync(admin, "/admin/logements", new() { ["Residence.Name"] = " " }, "Create")).TextAsync();
        Assert.Contains("Indiquez le nom de la résidence.", empty);
        Assert.Contains("Choisissez le type de résidence.", empty);

        var name = Unique("Foyer des Jeunes");
        var created = await SavedAsync(Forms.PostAsync(admin, "/admin/logements",
            new() { ["Residence.Name"] = name, ["Residence.Kind"] = "YoungWorkersHostel", ["Residence.Town"] = "Douai" }, "Create"));
        var url = created.Headers.Location!.ToString();

        var bad = await (await Forms.PostAsync(admin, url, new()
        {
            ["Dwelling.Label"] = "12", ["Dwelling.Typology"] = "T9", ["Dwelling.Financing"] = "Plai", ["Dwelling.Rent"] = "douze", ["Dwelling.Charges"] = "-3",
        }, "AddDwelling")).TextAsync();
        Assert.Contains("Ce choix ne fait pas partie de la liste proposée.", bad);
        Assert.Contains("Ce montant n'est pas valide", bad);
        Assert.Contains("Les charges doivent être comprises entre 0 et 100 000 €.", bad);

        var fields = new Dictionary<string, string>
        {
            ["Dwelling.Label"] = "12", ["Dwelling.Typology"] = "T2", ["Dwelling.Financing"] = "Plai", ["Dwelling.Rent"] = "412,50", ["Dwelling.Charges"] = "48",
            ["Dwelling.AssociationHoldsLease"] = "true", ["Dwelling.Landlord"] = "Maisons & Cités",
        };
        await SavedAsync(Forms.PostAsync(admin, url, fields, "AddDwelling"));
        var twice = await (await Forms.PostAsync(admin, url, fields, "AddDwelling")).TextAsync();
        Assert.Contains("Un logement de cette résidence porte déjà ce numéro.", twice);

        var dwelling = await app.WithDbAsync(db => db.Dwellings.AsNoTracking().Join(db.Residences.Where(r => r.Name == name), x => x.ResidenceId, r => r.Id, (x, r) => x).SingleAsync());
        Assert.Equal(412.50m, dwelling.Rent);
        Assert.True(dwelling.AssociationHoldsLease);
        Assert.Equal("Maisons & Cités", dwelling.Landlord);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/admin/logements")).StatusCode);
    }

    [Fact]
    public async Task Renewal_extends_the_planned_end_and_the_departure_frees_the_dwelling()
    {
        var (_, d) = await StockAsync(app, Typology.T2);
        var household = await HouseholdAsync(app, "Nord", referentEmail: PortalApp.Worker1);
        var start = Today.AddMonths(-5);
        var stayId = await StayAsync(app, household, d[0], start);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/sejours/{stayId}";

        var bad = await (await Forms.PostAsync(worker, url, new() { ["Renewal.Months"] = "0", ["Renewal.DecidedOn"] = Today.ToString("yyyy-MM-dd") }, "Renew")).TextAsync();
        Assert.True(bad.Contains("Un renouvellement dure entre 1 et 12 mois."), bad[bad.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("Un renouvellement dure entre 1 et 12 mois.", bad);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, url,
            new() { ["Renewal.Months"] = "6", ["Renewal.DecidedOn"] = Today.ToString("yyyy-MM-dd") }, "Renew")).StatusCode);
        Assert.Equal(start.AddMonths(12), await app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.EndsOn).SingleAsync()));
        var page = await (await worker.GetAsync(url)).TextAsync();
        Assert.Contains($"<dd id=\"fin-prevue\">{Portal.Domain.Formatting.French.Date(start.AddMonths(12))}</dd>", page);

        var early = await (await Forms.PostAsync(worker, url, new() { ["Departure.On"] = start.AddDays(-1).ToString("yyyy-MM-dd") }, "Exit")).TextAsync();
        Assert.Contains("La date de sortie ne peut pas précéder l'entrée dans les lieux", early);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, url, new() { ["Departure.On"] = Today.ToString("yyyy-MM-dd") }, "Exit")).StatusCode);
        Assert.Equal(StayStatus.Ended, await app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.Status).SingleAsync()));

        // Another team's worker does not reach the stay.
        var sud = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.NotFound, (await sud.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Warning_job_emails_the_referent_once_a_month_before_the_end()
    {
        var email = $"referent-{Guid.NewGuid():N}@test.passerelle.fr";
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var worker = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Régine Référente", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(worker)).Succeeded);
            await users.AddToRoleAsync(worker, Roles.SocialWorker);
        }
        var (_, d) = await StockAsync(app, Typology.T1, Typology.T1);
        var soon = await HouseholdAsync(app, "Nord", referentEmail: email, name: Unique("BIENTÔT"));
        var later = await HouseholdAsync(app, "Nord", referentEmail: email, name: Unique("PLUSTARD"));
        var soonStay = await StayAsync(app, soon, d[0], Today.AddMonths(-6).AddDays(10));
        await StayAsync(app, later, d[1], Today.AddMonths(-1));

        async Task<int> RunAsync()
        {
            await using var scope = app.Scope();
            return await ActivatorUtilities.CreateInstance<StayEndWarningJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }
        Assert.True(await RunAsync() >= 1);
        await RunAsync();

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("BIENTÔT", mail.Subject);
        Assert.Contains($"/suivi/sejours/{soonStay}", mail.Text);
        await Task.Delay(1500);
        Assert.Single(await app.Mail.ToAsync(email));
        Assert.Equal(Today.AddMonths(-6).AddDays(10).AddMonths(6),
            await app.WithDbAsync(db => db.Stays.Where(s => s.Id == soonStay).Select(s => s.EndWarningSentFor).SingleAsync()));
    }

    [Fact]
    public async Task Admin_changes_the_type_of_a_residence_and_it_is_saved()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var name = Unique("Maison relais");
        var created = await SavedAsync(Forms.PostAsync(admin, "/admin/logements",
            new() { ["Residence.Name"] = name, ["Residence.Kind"] = "FamilyBoardingHouse", ["Residence.Town"] = "Lens" }, "Create"));
        var url = created.Headers.Location!.ToString();

        await SavedAsync(Forms.PostAsync(admin, url,
            new() { ["Residence.Name"] = name, ["Residence.Kind"] = "SocialResidence", ["Residence.Town"] = "Liévin" }, "Save"));

        var saved = await app.WithDbAsync(db => db.Residences.AsNoTracking().SingleAsync(r => r.Name == name));
        Assert.Equal(ResidenceKind.SocialResidence, saved.Kind);
        Assert.Equal("Liévin", saved.Town);
        var page = await (await admin.GetAsync(url)).TextAsync();
        Assert.Contains("<option value=\"SocialResidence\" selected=\"selected\">Résidence sociale</option>", page);

        var refused = await (await Forms.PostAsync(admin, url,
            new() { ["Residence.Name"] = name, ["Residence.Kind"] = "42" }, "Save")).TextAsync();
        Assert.Contains("Ce choix ne fait pas partie de la liste proposée.", refused);
        Assert.Equal(ResidenceKind.SocialResidence, await app.WithDbAsync(db => db.Residences.Where(r => r.Name == name).Select(r => r.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Garbage_posts_to_the_stock_and_stay_pages_never_answer_500()
    {
        var (residence, d) = await StockAsync(app, Typology.T2);
        var household = await HouseholdAsync(app, "Nord");
        var stayId = await StayAsync(app, household, d[0], Today.AddMonths(-1));
        var garbage = new Dictionary<string, string>
        {
            ["Residence.Name"] = new string('x', 5000), ["Residence.Kind"] = "-1", ["Dwelling.Label"] = "\u0001", ["Dwelling.Typology"] = "0",
            ["Dwelling.Financing"] = "99", ["Dwelling.Rent"] = "1e400", ["Dwelling.Charges"] = "NaN", ["Dwelling.AssociationHoldsLease"] = "maybe",
            ["withdrawn"] = "perhaps", ["Renewal.Months"] = "-4", ["Renewal.DecidedOn"] = "99/99/9999", ["Departure.On"] = "demain",
        };
        var admin = await app.SignedInAsync(PortalApp.Admin);
        foreach (var (url, handler) in new[] { ("/admin/logements", "Create"), ("/admin/logements", "X"), ($"/admin/logements/residences/{residence}", "Save"),
            ($"/admin/logements/residences/{residence}", "AddDwelling"), ($"/admin/logements/logements/{d[0]}", "Save"), ($"/admin/logements/logements/{d[0]}", "Withdraw") })
        {
            var r = await Forms.PostAsync(admin, url, garbage, handler);
            Assert.True((int)r.StatusCode < 500, $"{url} {handler} answered {(int)r.StatusCode}");
        }
        var manager = await app.SignedInAsync(PortalApp.Manager);
        foreach (var handler in new[] { "Renew", "Exit", "X" })
        {
            var r = await Forms.PostAsync(manager, $"/suivi/sejours/{stayId}", garbage, handler);
            Assert.True((int)r.StatusCode < 500, $"{handler} answered {(int)r.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/logements/residences/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/suivi/sejours/999999999")).StatusCode);
        Assert.Equal(StayStatus.Active, await app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.Status).SingleAsync()));
    }
}
