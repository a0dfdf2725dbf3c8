using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte;

/// /compte/inscription-envoyee: the account waits for its address to be confirmed.
public sealed class SignUpSentPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" });
}
