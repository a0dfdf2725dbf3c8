using Microsoft.Playwright;
using MiniExcelLibs;
using Portal.E2E.Support;
using Portal.E2E.Pages.Suivi.Statistiques;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class StatisticsTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    [Fact]
    public async Task Manager_picks_a_quarter_sees_a_chart_and_downloads_the_funders_workbook()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "responsable@demo.passerelle.fr", Password);
        var statistics = new StatisticsPage(page);
        await statistics.GotoAsync();
        await Expect(statistics.Title).ToBeVisibleAsync();

        // The quarter before the current one.
        var day = DateTime.UtcNow.AddMonths(-3);
        var quarter = (day.Month - 1) / 3 + 1;
        await statistics.ShowQuarterAsync(day);
        await Expect(statistics.PeriodTitle($"{quarter}{(quarter == 1 ? "er" : "e")} trimestre {day.Year}")).ToBeVisibleAsync();

        // The chart is drawn by the bundled script (no inline script: the CSP holds), its figures in a table.
        var chart = statistics.Chart;
        await Expect(chart).ToHaveAttributeAsync("data-drawn", "true");
        Assert.True((await chart.BoundingBoxAsync())!.Height > 100);
        await Expect(statistics.ChartFigures).ToBeAttachedAsync();
        await app.CheckPageAsync(page, "90-statistiques");

        await statistics.MakeFundersWorkbookAsync();
        var link = statistics.Download;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(app.Artifacts, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Contains("Synthèse", MiniExcel.GetSheetNames(path));
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Synthèse").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r["Indicateur"]?.ToString() == "Ménages suivis");
        await page.Context.CloseAsync();
    }
}
