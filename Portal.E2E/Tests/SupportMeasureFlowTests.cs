using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Partners;
using Portal.Domain.Support;
using Portal.E2E.Support;
using Portal.E2E.Pages.Suivi.Accompagnement;
using Portal.E2E.Pages.Suivi.FondsAide;
using Portal.E2E.Pages.Suivi.Veille;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class SupportMeasureFlowTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    /// The household is written in the database, as the case-file part leaves it: a family of the
    /// worker's team living in a dwelling whose lease the association holds.
    private async Task<(long Id, string Name)> HouseholdAsync(DateOnly entry)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var name = $"LEFEBVRE{suffix} Sandrine";
        var now = DateTime.UtcNow;
        var household = new Household
        {
            Name = name, SearchName = name.ToUpperInvariant(), CreatedAtUtc = now, UpdatedAtUtc = now,
            TeamId = await db.Teams.Where(t => t.Name == "Nord").Select(t => t.Id).SingleAsync(),
            ReferentId = await db.Users.Where(u => u.Email == "travailleur1@demo.passerelle.fr").Select(u => u.Id).SingleAsync(),
        };
        db.Households.Add(household);
        var residence = new Residence($"Logements relais Lille {suffix}", ResidenceKind.ScatteredTransitionalHousing, "8 rue Solférino", "Lille");
        db.Residences.Add(residence);
        await db.SaveChangesAsync();
        var dwelling = new Dwelling(residence.Id, "Bâtiment A, 2e gauche", Typology.T3, Financing.Plai, 400m, 80m, associationHoldsLease: true);
        dwelling.Locate("8 rue Solférino, 59000 Lille", "Habitat du Nord");
        db.Dwellings.Add(dwelling);
        await db.SaveChangesAsync();
        db.Stays.Add(Stay.Open(household.Id, dwelling.Id, entry, 12));
        // An IML measure opens once the SIAO has validated the candidate (seed 003).
        var worker = await db.Users.SingleAsync(u => u.Email == "travailleur1@demo.passerelle.fr");
        db.SiaoValidations.Add(new SiaoValidation
        {
            PartnerOrganisationId = await db.PartnerOrganisations.Where(o => o.Kind == PartnerKind.Siao).Select(o => o.Id).FirstAsync(),
            HouseholdId = household.Id, CandidateName = name, RequestedById = worker.Id, RequestedByName = worker.FullName,
            RequestedAtUtc = now.AddDays(-20), Status = SiaoValidationStatus.Validated, DecidedByName = "SIAO du Nord", DecidedAtUtc = now.AddDays(-15),
        });
        await db.SaveChangesAsync();
        return (household.Id, name);
    }

    [Fact]
    public async Task A_worker_follows_an_IML_measure_with_a_sliding_lease_up_to_the_slide_and_records_the_exit()
    {
        var today = DateOnly.FromDateTime(French.ToParis(DateTime.UtcNow));
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-13);
        var (id, name) = await HouseholdAsync(start);
        Assert.NotEmpty(name);
        var page = await app.NewPageAsync();
        var support = new SupportPage(page, app);
        var measure = new MeasurePage(page);
        await app.SignInAsync(page, "travailleur1@demo.passerelle.fr", Password);
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));

        // Open the IML measure with its diagnostic, the sliding lease and a three-axis plan.
        await support.OpenHouseholdAsync(id, "60-accompagnement");
        await support.OpenMeasureAsync("Iml", "Drihl", start, 12, "Sortie de CHRS après deux ans ; salaire à temps partiel et APL.");
        await Expect(measure.Heading("Mesure IML sortie de structures")).ToBeVisibleAsync();
        await Expect(measure.Diagnostic).ToHaveTextAsync("Sortie de CHRS après deux ans ; salaire à temps partiel et APL.");
        await measure.CreateLeaseAsync();
        await measure.AddAxisAsync("Budget", "Tenir un budget mensuel", "Point budget mensuel", "Le ménage et la CESF");
        await measure.AddAxisAsync("RentPayment", "Payer le loyer chaque mois", "Prélèvement le 5 du mois", "Le ménage");
        await measure.AddAxisAsync("Rehousing", "Préparer le glissement du bail", "Rencontre avec le bailleur", "Le référent et le bailleur");
        await app.CheckPageAsync(page, "61-mesure-iml");

        // Six months of rent; the third month is paid late, after the month end.
        for (var month = 0; month < 6; month++)
        {
            var paidOn = month == 2 ? start.AddMonths(3).AddDays(14) : start.AddMonths(month).AddDays(4);
            await measure.PayAsync(paidOn, "480", month == 2 ? "Virement en retard" : $"Virement mois {month + 1}");
        }
        var thirdMonth = start.AddMonths(2).ToString("MMMM yyyy", French.Culture);
        await Expect(measure.LedgerRow(thirdMonth).Locator(".badge-failed")).ToHaveTextAsync("Impayé 480,00\u00A0€");
        await Expect(measure.LedgerRow(start.AddMonths(3).ToString("MMMM yyyy", French.Culture)).Locator(".badge-failed")).ToHaveCountAsync(0);

        // The 6-month review is overdue: red; it is held, the measure continues.
        await measure.OpenSectionAsync("Bilans");
        await Expect(measure.ScheduleRow("Bilan à 6 mois").Locator(".badge-failed")).ToHaveTextAsync("En retard");
        await measure.ReviewAsync("6", start.AddMonths(6), "Installation réussie ; un loyer payé en retard puis régularisé.",
            new Dictionary<string, string>
            {
                ["Gestion du budget"] = "Budget tenu avec la CESF.",
                ["Paiement du loyer"] = "Un retard au troisième mois.",
                ["Relogement"] = "Le bailleur attend un an de paiements réguliers.",
            }, "Poursuite de la mesure");
        await Expect(measure.Status("Le bilan à 6 mois est enregistré : poursuite de la mesure.")).ToBeVisibleAsync();
        await Expect(measure.ScheduleRow("Bilan à 6 mois").Locator(".badge-done")).ToHaveTextAsync("Fait");
        await measure.OpenSectionAsync("Plan d'action");
        await Expect(measure.Axis("Bilan à 6 mois : Budget tenu avec la CESF.")).ToHaveCountAsync(1);

        // The arrears of the following months are cleared, then the rent is paid every month.
        await measure.OpenSectionAsync("Bail glissant");
        await Expect(measure.LeaseBalance.Locator(".badge-failed")).ToBeVisibleAsync();
        await measure.PayAsync(start.AddMonths(7).AddDays(4), "1920", "Régularisation des mois 7 à 10 (FSL)");
        for (var month = 10; month <= 13; month++)
        {
            var paidOn = start.AddMonths(month).AddDays(4);
            await measure.PayAsync(paidOn > today ? today : paidOn, "480", $"Virement mois {month + 1}");
        }
        await Expect(measure.LeaseBalance).ToHaveTextAsync("À jour");

        // The 12-month review slides the lease: the household becomes the tenant.
        await measure.ReviewAsync("12", today, "Paiements réguliers depuis plus de trois mois ; le ménage est autonome.",
            new Dictionary<string, string> { ["Relogement"] = "Accord du bailleur pour le glissement." }, "Glissement du bail", stable: true);
        await Expect(measure.Status("Le bail a glissé le")).ToBeVisibleAsync();
        await Expect(measure.LeaseStatus).ToHaveTextAsync("Bail direct");
        await Expect(measure.MeasureStatus).ToContainTextAsync("glissement du bail");
        await app.CheckPageAsync(page, "63-bail-glisse");

        // The follow-up measure in the dwelling takes over.
        await measure.OpenFollowUpAsync();
        await Expect(measure.Heading("Mesure Maintien dans le logement")).ToBeVisibleAsync();

        // The household's support file tells the whole story.
        await support.GotoAsync(id);
        var story = support.Story;
        await Expect(story).ToContainTextAsync("Début de la mesure IML sortie de structures (DRIHL), 12 mois");
        await Expect(story).ToContainTextAsync("Début de la sous-location (bail glissant, Habitat du Nord)");
        await Expect(story).ToContainTextAsync("IML sortie de structures : bilan à 6 mois tenu — Poursuite de la mesure");
        await Expect(story).ToContainTextAsync("Glissement du bail : le ménage devient locataire en titre (bail direct)");
        await Expect(story).ToContainTextAsync("Début de la mesure Maintien dans le logement");

        // The exit: first what it closes, then the record.
        await support.RecordExitAsync();
        var exit = new ExitPage(page);
        await Expect(exit.Title).ToBeVisibleAsync();
        await exit.PreviewAsync(today, "SlidingLease", "Locataire en titre chez Habitat du Nord");
        var plan = exit.Plan;
        await Expect(plan).ToContainTextAsync("Séjour dans Logements relais Lille");
        await Expect(plan).ToContainTextAsync("Mesure Maintien dans le logement");
        await app.CheckPageAsync(page, "66-sortie-plan");
        await exit.ConfirmAsync();
        await Expect(support.Exit).ToContainTextAsync($"Ménage sorti le {French.Date(today)}");
        await Expect(support.Exit).ToContainTextAsync("Destination : Bail glissant — Locataire en titre chez Habitat du Nord");
        await Expect(support.HouseholdStatus).ToHaveTextAsync("Sorti");
        await Expect(support.Story).ToContainTextAsync("Sortie : Bail glissant");

        // The watch list and the aid fund pages.
        var watchList = new WatchListPage(page);
        await watchList.GotoAsync();
        await Expect(watchList.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "67-veille");
        var aidFund = new AidFundPage(page);
        await aidFund.GotoAsync();
        await Expect(aidFund.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "68-fonds-aide");
        await page.Context.CloseAsync();
    }
}
