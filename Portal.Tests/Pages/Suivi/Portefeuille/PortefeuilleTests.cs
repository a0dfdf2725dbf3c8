using Microsoft.EntityFrameworkCore;
using System.Net;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Portefeuille;

[Collection(PortalCollection.Name)]
public class PortefeuilleTests(PortalApp app)
{
    [Fact]
    public async Task Portfolio_lists_my_households_most_urgent_first_and_the_dashboard_counts_them()
    {
        var t = Token();
        var (email, _) = await NewWorkerAsync(app, "Nord");
        var calm = await CreateAsync(app, $"AAA{t} Calme", referentEmail: email);
        var ending = await CreateAsync(app, $"BBB{t} Fin", referentEmail: email);
        var stayStart = Today.AddMonths(-6).AddDays(10);
        await AddStayAsync(app, ending, stayStart, 6, 400m, 40m);
        var late = await CreateAsync(app, $"CCC{t} Bilan", referentEmail: email);
        await AddMeasureAsync(app, late, SupportKind.Asll, Today.AddMonths(-7), 12);
        var request = await SuiviData.CreateAsync(app, "Nord", "Dina", $"Msg{t}");
        var writing = await CreateAsync(app, $"DDD{t} Message", referentEmail: email, configure: h => h.HousingRequestId = request.Id);
        await app.WithDbAsync(async db =>
        {
            (await db.HousingRequests.SingleAsync(r => r.Id == request.Id))
                .Write(request.ApplicantId, "Dina", "Bonjour, j'ai une question.", fromStaff: false, withPartner: false, DateTime.UtcNow.AddHours(-3));
            return await db.SaveChangesAsync();
        });
        await CreateAsync(app, $"EEE{t} Autre", referentEmail: PortalApp.Worker1);

        var worker = await app.SignedInAsync(email);
        var response = await worker.GetAsync("/suivi/portefeuille");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.HtmlAsync());
        Assert.Contains("Bilan à 6 mois en retard", html);
        Assert.Contains($"href=\"/suivi/menages/{late}/accompagnement\"", html);
        Assert.Contains($"Séjour se terminant le {Portal.Domain.Formatting.French.Date(stayStart.AddMonths(6))}", html);
        Assert.Contains($"href=\"/suivi/menages/{ending}#sejour\"", html);
        Assert.Contains("Message de la personne non lu", html);
        Assert.Contains($"href=\"/suivi/demandes/{request.Id}#fil\"", html);
        Assert.DoesNotContain($"EEE{t} Autre", html);
        // Late review, then the stay ending, then the message, then the household with nothing to do.
        var order = new[] { $"CCC{t} Bilan", $"BBB{t} Fin", $"DDD{t} Message", $"AAA{t} Calme" }.Select(n => html.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order().ToList(), order);
        _ = calm;
        _ = writing;

        var dashboard = Text(await (await worker.GetAsync("/suivi")).HtmlAsync());
        Assert.Contains("<strong class=\"request-counts__number\">4</strong> Mes ménages", dashboard);
        Assert.Contains("<span class=\"badge badge-failed\">Bilans en retard</span>", dashboard);
    }

    [Fact]
    public async Task The_dashboard_counts_every_review_late_or_due_including_an_early_one_skipped_and_a_measure_stored_before_the_next_review_was_dated()
    {
        var t = Token();
        var team = $"Équipe {t}";
        await app.WithDbAsync(async db =>
        {
            db.Teams.Add(new Team { Name = team });
            return await db.SaveChangesAsync();
        });
        var (email, _) = await NewWorkerAsync(app, team);
        async Task<long> MeasureAsync(string name, DateOnly startsOn, int heldMonths = 0)
        {
            var household = await CreateAsync(app, $"{name}{t} Bilans", team: team);
            return await app.WithDbAsync(async db =>
            {
                var measure = SupportMeasure.Open(household, SupportKind.Masp, Funder.FslDepartment, startsOn, 24);
                if (heldMonths > 0)
                    measure.RecordReview(heldMonths, ReviewSchedule.DueOn(startsOn, heldMonths), ReviewDecision.Continue, null);
                db.SupportMeasures.Add(measure);
                await db.SaveChangesAsync();
                return measure.Id;
            });
        }
        await MeasureAsync("AAA", Today.AddMonths(-7));                   // 6 months: late
        await MeasureAsync("BBB", Today.AddMonths(-19), heldMonths: 12);  // 6 and 18 months late, 12 held
        await MeasureAsync("CCC", Today.AddMonths(-6).AddDays(10));       // 6 months: due in 10 days
        await MeasureAsync("DDD", Today.AddMonths(-1));                   // nothing before 5 months
        var older = await MeasureAsync("EEE", Today.AddMonths(-8));       // 6 months: late, date not kept yet
        await app.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == older)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextReviewOn, (DateOnly?)null)));

        var worker = await app.SignedInAsync(email);
        var dashboard = Text(await (await worker.GetAsync("/suivi")).HtmlAsync());
        Assert.Contains("<strong class=\"request-counts__number\">4</strong> <span class=\"badge badge-failed\">Bilans en retard</span>", dashboard);
        Assert.Contains("<strong class=\"request-counts__number\">1</strong> Bilans à faire dans les 15 jours", dashboard);

        // After a start the older measure gets its date, and the counts stay the same.
        Assert.True(await Portal.Infrastructure.DatabaseSetup.ScheduleNextReviewsAsync(app.Factory.Services) >= 1);
        Assert.Equal(ReviewSchedule.DueOn(Today.AddMonths(-8), 6),
            await app.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == older).Select(m => m.NextReviewOn).SingleAsync()));
        dashboard = Text(await (await worker.GetAsync("/suivi")).HtmlAsync());
        Assert.Contains("<strong class=\"request-counts__number\">4</strong> <span class=\"badge badge-failed\">Bilans en retard</span>", dashboard);
    }

    [Fact]
    public async Task An_empty_portfolio_says_so()
    {
        var (email, _) = await NewWorkerAsync(app, "Sud");
        var html = Text(await (await (await app.SignedInAsync(email)).GetAsync("/suivi/portefeuille")).HtmlAsync());
        Assert.Contains("Vous n'êtes référent ou référente d'aucun ménage", html);
    }
}
