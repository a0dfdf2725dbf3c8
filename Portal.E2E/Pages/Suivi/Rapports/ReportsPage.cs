using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Rapports;

/// /suivi/rapports: the year's figures and the activity report made in the background.
public sealed class ReportsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Rapports d'activité");

    public ILocator FollowedHouseholds => Page.GetByText("Ménages suivis").First;

    public ILocator Download => DownloadLink("Télécharger Bilan d'activité annuel");

    public ILocator Version(int version) => Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"version {version}") });

    public Task GotoAsync() => Page.GotoAsync("/suivi/rapports");

    public Task GenerateActivityReportAsync() => Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Générer le bilan d'activité") }).ClickAsync();
}
