using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte;

/// /compte: the account page, where staff set up their second factor.
public sealed class AccountPage(IPage page) : PortalPage(page)
{
    public ILocator SecondFactorRequired => Page.GetByText("Activez la double authentification pour continuer");

    public Task SetUpAnAuthenticatorAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Activer une application d'authentification" }).ClickAsync();
}
