using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// The page the site answers an error status with (403, 404…).
public sealed class StatusCodePage(IPage page) : PortalPage(page)
{
    public ILocator AccessDenied => Page.GetByText("Accès refusé").First;
}
