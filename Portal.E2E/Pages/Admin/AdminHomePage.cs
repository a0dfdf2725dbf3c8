using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin;

/// /admin, and the administration links of the layout.
public sealed class AdminHomePage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Administration");

    public Task OpenDocumentsAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).First.ClickAsync();

    public Task OpenBackgroundJobsAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Tâches de fond" }).First.ClickAsync();
}
