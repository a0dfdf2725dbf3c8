using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Sejours;

/// /suivi/sejours/{id}: a household's stay in a dwelling.
public sealed class StayPage(IPage page) : PortalPage(page)
{
    public ILocator Referent => Page.Locator("#referent");
}
