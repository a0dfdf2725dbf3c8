using Microsoft.Playwright;

namespace Portal.E2E.Pages.Partenaire.Baux;

/// /partenaire/baux: a landlord reads the sliding leases' shared summaries.
public sealed class LeasesPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/partenaire/baux");
}
