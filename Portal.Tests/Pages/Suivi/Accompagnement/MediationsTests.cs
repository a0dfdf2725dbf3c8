using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Data;
using Portal.Documents.Sources;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Testing;
using static Portal.Testing.SupportData;

namespace Portal.Tests.Pages.Suivi.Accompagnement;

/// Landlord–tenant mediation: recorded on the household's file with its landlord, issue, dates and
/// outcome, written to the journal, counted in the yearly report.
[Collection(PortalCollection.Name)]
public class MediationsTests(PortalApp app)
{
    private static string Url(long householdId) => $"/suivi/menages/{householdId}/mediations";

    private Task<(int Count, int Repayment)> YearFiguresAsync() => app.WithDbAsync(async db =>
    {
        var report = await new DocumentSources(db, TimeProvider.System, new ConfigurationBuilder().Build()).ActivityAsync(Today.Year, null);
        return (report.Mediations.Count, report.Mediations.Outcomes.FirstOrDefault(l => l.Label == "Plan d'apurement")?.Count ?? 0);
    });

    [Fact]
    public async Task A_worker_records_a_mediation_with_the_landlord_partner_then_its_outcome_seen_in_the_file_journal_and_report()
    {
        var h = await HouseholdAsync(app);
        var partner = await app.WithDbAsync(async db =>
        {
            var p = new HouseholdPartner { HouseholdId = h.HouseholdId, Kind = PartnerKind.Landlord, Organisation = "Partenord Habitat", ContactName = "M. Lenoir" };
            db.HouseholdPartners.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var (countBefore, repaymentBefore) = await YearFiguresAsync();
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var form = await (await worker.GetAsync(Url(h.HouseholdId))).TextAsync();
        Assert.Contains("Aucune médiation pour ce ménage.", form);
        Assert.Contains("Partenord Habitat (M. Lenoir)", form);

        var opened = await Forms.PostAsync(worker, Url(h.HouseholdId), new()
        {
            ["Open.LandlordPartnerId"] = $"{partner}", ["Open.Issue"] = "RentArrears", ["Open.Details"] = "Dette de 1 240 €",
            ["Open.StartedOn"] = Today.AddDays(-20).ToString("yyyy-MM-dd"),
        }, "Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var mediation = await app.WithDbAsync(db => db.Mediations.AsNoTracking().SingleAsync(m => m.HouseholdId == h.HouseholdId));
        Assert.Equal(("Partenord Habitat", partner, MediationIssue.RentArrears), (mediation.Landlord, mediation.LandlordPartnerId!.Value, mediation.Issue));
        var page = await (await worker.GetAsync(Url(h.HouseholdId))).TextAsync();
        Assert.Contains("La médiation avec Partenord Habitat est ouverte.", page);
        Assert.Contains("Impayés de loyer — Partenord Habitat", page);
        Assert.Contains($"depuis le {Portal.Domain.Formatting.French.Date(Today.AddDays(-20))}", page);

        var closed = await Forms.PostAsync(worker, Url(h.HouseholdId), new()
        {
            ["mediationId"] = $"{mediation.Id}", ["Close.Outcome"] = "RepaymentPlan", ["Close.EndedOn"] = Today.ToString("yyyy-MM-dd"),
            ["Close.OutcomeDetails"] = "50 € par mois sur 24 mois",
        }, "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("est close : Plan d'apurement.", await (await worker.GetAsync(Url(h.HouseholdId))).TextAsync());

        var file = await (await worker.GetAsync($"/suivi/menages/{h.HouseholdId}")).TextAsync();
        Assert.Contains("<h2 id=\"mediations-titre\">Médiations bailleur-locataire</h2>", file);
        Assert.Contains("<strong>Impayés de loyer</strong> avec Partenord Habitat", file);
        Assert.Contains("Plan d'apurement", file);
        var journal = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking()
            .Where(j => j.HouseholdId == h.HouseholdId && j.Kind == JournalKind.Mediation).OrderBy(j => j.Id).Select(j => j.Text).ToListAsync());
        Assert.Equal(2, journal.Count);
        Assert.Equal("Médiation avec Partenord Habitat ouverte : Impayés de loyer (Dette de 1 240 €).", journal[0]);
        Assert.Equal("Médiation avec Partenord Habitat (Impayés de loyer) close : Plan d'apurement (50 € par mois sur 24 mois).", journal[1]);
        Assert.Contains("Médiation bailleur-locataire</strong> du", file);

        var (countAfter, repaymentAfter) = await YearFiguresAsync();
        Assert.Equal(countBefore + 1, countAfter);
        Assert.Equal(repaymentBefore + 1, repaymentAfter);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var report = await (await manager.GetAsync($"/suivi/rapports?year={Today.Year}")).TextAsync();
        Assert.Contains("<h2 id=\"mediations-titre\">Médiations bailleur-locataire</h2>", report);
        Assert.Contains($"<dd id=\"mediations-nombre\">{countAfter}</dd>", report);

        // The statistics' query counts it with its household's team.
        var fact = await app.WithDbAsync(db => MediationFacts.During(db, Today.AddDays(-1), Today).SingleAsync(f => f.Id == mediation.Id));
        Assert.Equal(MediationOutcome.RepaymentPlan, fact.Outcome);
        Assert.NotNull(fact.TeamId);
    }

    [Fact]
    public async Task Bad_input_is_answered_in_french_at_the_field_and_saves_nothing()
    {
        var h = await HouseholdAsync(app);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var empty = await (await Forms.PostAsync(worker, Url(h.HouseholdId), new() { ["Open.StartedOn"] = "" }, "Open")).TextAsync();
        Assert.Matches("data-valmsg-for=\"Open.Issue\"[^>]*>Choisissez le motif de la médiation.<", empty);
        Assert.Matches("data-valmsg-for=\"Open.StartedOn\"[^>]*>Indiquez la date de début", empty);

        var other = await (await Forms.PostAsync(worker, Url(h.HouseholdId), new()
        {
            ["Open.Landlord"] = "SCI du Canal", ["Open.Issue"] = "Other", ["Open.StartedOn"] = Today.ToString("yyyy-MM-dd"),
        }, "Open")).TextAsync();
        Assert.Matches("data-valmsg-for=\"Open.Details\"[^>]*>Précisez le motif de la médiation.<", other);
        Assert.Contains("value=\"SCI du Canal\"", other);

        var noLandlord = await (await Forms.PostAsync(worker, Url(h.HouseholdId), new()
        {
            ["Open.Issue"] = "Upkeep", ["Open.StartedOn"] = Today.AddDays(2).ToString("yyyy-MM-dd"),
        }, "Open")).TextAsync();
        Assert.Matches("data-valmsg-for=\"Open.Landlord\"[^>]*>Indiquez le bailleur", noLandlord);
        Assert.Empty(await app.WithDbAsync(db => db.Mediations.Where(m => m.HouseholdId == h.HouseholdId).ToListAsync()));

        await Forms.PostAsync(worker, Url(h.HouseholdId), new()
        {
            ["Open.Landlord"] = "SCI du Canal", ["Open.Issue"] = "Neighbourhood", ["Open.StartedOn"] = Today.ToString("yyyy-MM-dd"),
        }, "Open");
        var id = await app.WithDbAsync(db => db.Mediations.Where(m => m.HouseholdId == h.HouseholdId).Select(m => m.Id).SingleAsync());
        var referral = await (await Forms.PostAsync(worker, Url(h.HouseholdId), new()
        {
            ["mediationId"] = $"{id}", ["Close.Outcome"] = "Referral", ["Close.EndedOn"] = Today.ToString("yyyy-MM-dd"),
        }, "Close")).TextAsync();
        Assert.Contains("Précisez vers quel partenaire le ménage est orienté.", referral);
        Assert.Contains("<details open", referral);
        Assert.Null(await app.WithDbAsync(db => db.Mediations.Where(m => m.Id == id).Select(m => m.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task Another_team_s_worker_gets_a_404_and_changes_nothing()
    {
        var h = await HouseholdAsync(app);
        var other = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url(h.HouseholdId))).StatusCode);
        var own = await HouseholdAsync(app, team: "Sud", referentEmail: PortalApp.Worker2);
        var page = await (await other.GetAsync(Url(own.HouseholdId))).TextAsync();
        var token = Forms.Token(page);
        var response = await other.PostAsync($"{Url(h.HouseholdId)}?handler=Open", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Open.Landlord"] = "X", ["Open.Issue"] = "Upkeep", ["Open.StartedOn"] = Today.ToString("yyyy-MM-dd"),
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.Mediations.Where(m => m.HouseholdId == h.HouseholdId).ToListAsync()));
    }
}
