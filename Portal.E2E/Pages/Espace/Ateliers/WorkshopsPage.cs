using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages.Espace.Ateliers;

/// /espace/ateliers, and one session's page /espace/ateliers/{id}: residents act on the session's card.
public sealed class WorkshopsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Ateliers");

    public ILocator Mine => Page.GetByRole(AriaRole.Region, new() { Name = "Mes ateliers" });

    public Task GotoAsync() => Page.GotoAsync("/espace/ateliers");

    public ILocator Card(string theme) => Main.GetByRole(AriaRole.Article, new() { Name = theme });

    public ILocator SessionTitle(string theme) => Heading($"Atelier « {theme} »");

    /// Presses one button on the session's card and waits for the message.
    public async Task ActAsync(string theme, string button, string expected)
    {
        await Card(theme).GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(Main.GetByText(expected).First).ToBeVisibleAsync();
    }
}
