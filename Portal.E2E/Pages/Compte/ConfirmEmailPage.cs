using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte;

/// /compte/confirmer, opened from the link in the confirmation email.
public sealed class ConfirmEmailPage(IPage page) : PortalPage(page)
{
    public ILocator Activated => Page.GetByText("Votre compte est activé");

    public Task SignInAsync() => Main.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
}
