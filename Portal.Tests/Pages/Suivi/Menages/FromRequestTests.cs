using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.MenagesData;
using SuiviData = Portal.Testing.SuiviData;

namespace Portal.Tests.Pages.Suivi.Menages;

[Collection(PortalCollection.Name)]
public class FromRequestTests(PortalApp app)
{
    [Fact]
    public async Task Accepted_request_opens_a_household_file_once_with_its_members_and_resources()
    {
        var t = Token();
        var c = await SuiviData.CreateAsync(app, "Nord", "Fatou", $"Sow{t}", r =>
        {
            SuiviData.Household(r, new MemberDetails(null, "Binta", $"Sow{t}", new DateOnly(2017, 6, 1), Relationship.Child));
            r.DeclareIncomes([new IncomeLine(IncomeKind.Rsa, 650m)]);
            r.DescribeSituation(r.Situation, r.SituationDetails, r.TargetGroups, true, null, DateOnly.FromDateTime(DateTime.UtcNow));
        }, then: [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Accept]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var page = Text(await (await worker.GetAsync(c.Url)).HtmlAsync());
        Assert.Contains("Ouvrir le dossier ménage", page);

        var first = await SuiviData.PostWithQueueTokenAsync(worker, $"{c.Url}/dossier-menage?handler=OpenHousehold", []);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var location = first.Headers.Location!.ToString();
        Assert.StartsWith("/suivi/menages/", location);

        var household = await app.WithDbAsync(db => db.Households.AsNoTracking().Include(h => h.Persons).Include(h => h.Incomes)
            .SingleAsync(h => h.HousingRequestId == c.Id));
        Assert.Equal($"/suivi/menages/{household.Id}", location);
        Assert.Equal(2, household.Persons.Count);
        Assert.Contains(household.Persons, p => p.FirstName == "Binta" && p.Relationship == Relationship.Child);
        Assert.Equal(650m, Assert.Single(household.Incomes).MonthlyAmount);
        Assert.True(household.IsDalo);
        Assert.Equal(c.ApplicantId, household.ResidentId);

        // Pressing again leads to the same file.
        var second = await SuiviData.PostWithQueueTokenAsync(worker, $"{c.Url}/dossier-menage?handler=OpenHousehold", []);
        Assert.Equal(location, second.Headers.Location!.ToString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Households.CountAsync(h => h.HousingRequestId == c.Id)));

        page = Text(await (await worker.GetAsync(c.Url)).HtmlAsync());
        Assert.DoesNotContain("Ouvrir le dossier ménage", page);
        Assert.Contains($"href=\"{location}\">Dossier ménage", page);
        var fileResponse = await worker.GetAsync(location);
        var file = Text(await fileResponse.HtmlAsync());
        Assert.True(fileResponse.StatusCode == HttpStatusCode.OK, $"{fileResponse.StatusCode}: {file[..Math.Min(file.Length, 3000)]}");
        Assert.Contains("Binta", file);
        Assert.Contains(c.Reference, file);
    }

    [Fact]
    public async Task A_request_not_accepted_yet_offers_no_household_file()
    {
        var c = await SuiviData.CreateAsync(app, "Nord", "Omar", $"Attente{Token()}");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.DoesNotContain("Ouvrir le dossier ménage", await (await worker.GetAsync(c.Url)).HtmlAsync());
        var response = await SuiviData.PostWithQueueTokenAsync(worker, $"{c.Url}/dossier-menage?handler=OpenHousehold", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Households.CountAsync(h => h.HousingRequestId == c.Id)));

        var sud = await SuiviData.CreateAsync(app, "Sud", "Léo", $"Sud{Token()}", then: [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Accept]);
        var outside = await SuiviData.PostWithQueueTokenAsync(worker, $"{sud.Url}/dossier-menage?handler=OpenHousehold", []);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Households.CountAsync(h => h.HousingRequestId == sud.Id)));
    }

    [Fact]
    public async Task The_file_opened_from_a_request_is_named_NOM_Prenom_and_keeps_the_declared_rent_for_the_30_percent_line()
    {
        var t = Token();
        var c = await SuiviData.CreateAsync(app, "Nord", "Fatou", $"Konaté{t}", r =>
        {
            r.DeclareIncomes([new IncomeLine(IncomeKind.Salary, 1000m)]);
            r.DescribeWishes(r.Typologies, r.Towns, r.Accessibility, r.AccessibilityDetails, 420m, 60m);
        }, then: [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Accept]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await SuiviData.PostWithQueueTokenAsync(worker, $"{c.Url}/dossier-menage?handler=OpenHousehold", []);
        var location = response.Headers.Location!.ToString();

        var household = await app.WithDbAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.HousingRequestId == c.Id));
        Assert.Equal($"KONATÉ{t.ToUpperInvariant()} Fatou", household.Name);
        Assert.Equal($"KONATE{t.ToUpperInvariant()} FATOU", household.SearchName);
        Assert.Equal(420m, household.CurrentRent);
        Assert.Equal(60m, household.CurrentCharges);

        var file = Text(await (await worker.GetAsync(location)).HtmlAsync());
        Assert.Contains($"KONATÉ{t.ToUpperInvariant()} Fatou", file);
        Assert.Contains("loyer actuel déclaré", file);
        Assert.Contains("Au-dessus de 30 %", file); // (420 + 60) ÷ 1 000 = 48 %
    }
}
