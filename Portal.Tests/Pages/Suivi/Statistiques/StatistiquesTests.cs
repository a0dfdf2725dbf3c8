using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Exports;
using Portal.Statistics;
using Portal.Testing;

namespace Portal.Tests.Pages.Suivi.Statistiques;

[Collection(PortalCollection.Name)]
public partial class StatistiquesTests(PortalApp app)
{
    [GeneratedRegex("data-chart=\"([^\"]+)\"")]
    private static partial Regex ChartData();

    [Fact]
    public async Task A_manager_sees_each_indicator_against_the_previous_period_with_charts_and_their_tables()
    {
        var client = await app.SignedInAsync(PortalApp.Manager);
        var html = await (await client.GetAsync("/suivi/statistiques?periode=trimestre&date=2026-11-15")).HtmlAsync();
        Assert.Contains("4e trimestre 2026", html);
        Assert.Contains("du 1 juillet 2026 au 30 septembre 2026", html);
        foreach (var caption in new[] { "Demandes de logement", "Ménages et personnes accompagnés", "Mesures d'accompagnement", "Bilans de mesure", "Sorties",
                     "Occupation des logements", "Fonds d'aide au logement", "Rendez-vous et visites", "Ateliers collectifs", "Activité valorisée aux coûts unitaires" })
            Assert.Contains($">{caption}</caption>", WebUtility.HtmlDecode(html));
        Assert.True(ChartData().Matches(html).Count >= 4);
        Assert.Contains("Demandes reçues par mois (données du graphique)", html);
        Assert.Contains("src=\"/lib/chart.umd.min.js", html);
        Assert.Contains("src=\"/js/statistics.js", html);
        Assert.DoesNotContain("style=\"", html);
        // The rows behind the requests received: the queue, filtered on the period.
        Assert.Contains("/suivi/demandes?from=2026-10-01&amp;to=2026-12-31", html);
    }

    [Fact]
    public async Task A_worker_chooses_only_their_team_and_bad_dates_are_told_at_the_field()
    {
        var client = await app.SignedInAsync(PortalApp.Worker1);
        var html = await (await client.GetAsync("/suivi/statistiques?periode=dates&du=2026-03-01&au=2026-02-01")).HtmlAsync();
        Assert.Contains("La date de fin doit être postérieure ou égale à la date de début.", html);
        Assert.Contains(">Nord</option>", html);
        Assert.DoesNotContain(">Sud</option>", html);
        Assert.DoesNotContain("Tableaux du financeur (XLSX)", html);
        Assert.DoesNotContain("Enregistrer le budget", html);
    }

    [Fact]
    public async Task The_funders_workbook_holds_the_activity_report_tables_one_sheet_each_for_any_period()
    {
        var client = await app.SignedInAsync(PortalApp.Manager);
        var page = await (await client.GetAsync("/suivi/statistiques")).HtmlAsync();
        var key = Guid.NewGuid().ToString("N");
        var posted = await client.PostAsync("/suivi/exports?handler=Workbook", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["du"] = "2026-01-01", ["au"] = "2026-06-30", ["financeur"] = "", ["key"] = key, ["__RequestVerificationToken"] = Forms.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var request = await app.WithDbAsync(db => db.DocumentRequests.AsNoTracking().SingleAsync(r => r.IdempotencyKey == key));
        Assert.Equal(FunderWorkbook.KindName, request.Kind);
        await Forms.EventuallyAsync(() => app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()),
            s => s is WorkStatus.Done or WorkStatus.Failed, TimeSpan.FromSeconds(30), "the workbook");
        var download = await client.GetAsync($"/suivi/documents/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var stream = new MemoryStream(await download.Content.ReadAsByteArrayAsync());

        Assert.Equal(["Synthèse", "Mesures", "Situations à l'entrée", "Publics cibles", "Ressources", "Sorties", "Coûts", "IML fiches-bilan"], stream.GetSheetNames());
        var expected = await app.WithDbAsync(db => ActivityFigures.ComputeAsync(db, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30),
            DateOnly.FromDateTime(DateTime.UtcNow), null, null, null, null, CancellationToken.None));
        var summary = stream.Query(useHeaderRow: true, sheetName: "Synthèse", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => r["Indicateur"]!.ToString()!, r => r["Valeur"]);
        Assert.Equal("du 1 janvier 2026 au 30 juin 2026", summary["Période"]);
        Assert.Equal("Tous financeurs", summary["Financeur"]);
        Assert.Equal(expected.HouseholdsFollowed, Convert.ToInt32(summary["Ménages suivis"]));
        Assert.Equal(expected.PersonsFollowed, Convert.ToInt32(summary["Personnes suivies"]));
        Assert.Equal(expected.Exits, Convert.ToInt32(summary["Ménages sortis"]));
        var measures = stream.Query(useHeaderRow: true, sheetName: "Mesures", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Measures.Select(m => (m.Label, m.Count)), measures.Select(r => (r["Catégorie"]!.ToString()!, Convert.ToInt32(r["Ménages"]))));
        var costs = stream.Query(useHeaderRow: true, sheetName: "Coûts", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Costs.Select(c => c.Amount), costs.Select(r => Convert.ToDecimal(r["Réalisé"])));
        var iml = stream.Query(useHeaderRow: true, sheetName: "IML fiches-bilan", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(iml);
        Assert.All(iml, r => Assert.Contains(r["Type de mesure"]?.ToString(), new[] { SupportKind.Iml.Label(), SupportKind.SlidingLease.Label() }));
    }
}
