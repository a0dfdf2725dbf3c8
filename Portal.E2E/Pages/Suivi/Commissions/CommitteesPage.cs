using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Commissions;

/// /suivi/commissions: committees and their sessions.
public sealed class CommitteesPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/suivi/commissions");

    public async Task PlanSessionAsync(string committee)
    {
        await Page.GetByLabel("Instance", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = committee });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Prévoir la séance" }).ClickAsync();
    }
}
