using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// The public home page, /.
public sealed class HomePage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/");

    public Task CreateAccountAsync() => Main.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).First.ClickAsync();
}
