using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Effacements;

/// /suivi/effacements: requests for erasure, applied by a manager.
public sealed class ErasuresPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/suivi/effacements");

    public ILocator Request(string name) => Page.GetByRole(AriaRole.Article).Filter(new() { HasText = name });

    public Task ApplyAsync(ILocator request) => request.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appliquer l'effacement") }).ClickAsync();
}
