using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte.Securite;

/// /compte/securite/codes-de-secours: the recovery codes, shown once.
public sealed class RecoveryCodesPage(IPage page) : PortalPage(page)
{
    public ILocator Codes => Page.GetByRole(AriaRole.List, new() { Name = "Vos codes de secours" }).GetByRole(AriaRole.Listitem);

    public Task DoneAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "J'ai noté mes codes" }).ClickAsync();
}
