using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Statistiques;

/// /suivi/statistiques: figures of a period, a chart and the funders' workbook.
public sealed class StatisticsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Statistiques");

    public ILocator PeriodTitle(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 });

    /// The chart has no role of its own; the bundled script marks it drawn.
    public ILocator Chart => Page.Locator("canvas#chart-demandes");

    public ILocator ChartFigures => Page.GetByRole(AriaRole.Table, new() { Name = "Demandes reçues par mois (données du graphique)" });

    public ILocator Download => DownloadLink("Télécharger Tableaux pour le financeur");

    public Task GotoAsync() => Page.GotoAsync("/suivi/statistiques");

    public async Task ShowQuarterAsync(DateTime day)
    {
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Trimestre" }).CheckAsync();
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Mois, trimestre ou année contenant le" }).FillAsync(day.ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
    }

    public Task MakeFundersWorkbookAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Tableaux du financeur (XLSX)" }).ClickAsync();
}
