using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Partenaire.Validations;

/// /partenaire/validations: the SIAO answers the association's IML candidates.
public sealed class ValidationsPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/partenaire/validations");

    public ILocator Candidate(string name) => Page.GetByRole(AriaRole.Article).Filter(new() { HasText = name });

    public Task ValidateAsync(ILocator candidate) => candidate.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Valider la candidature") }).ClickAsync();
}
