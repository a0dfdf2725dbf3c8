using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Ateliers;

/// /suivi/ateliers/edition: a new session.
public sealed class SessionFormPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Nouvelle séance d'atelier");

    public async Task FillAsync(string theme, string description, DateOnly day, string time, int minutes, int seats)
    {
        await Page.GetByLabel("Thème").FillAsync(theme);
        await Page.GetByLabel("Description (facultatif)").FillAsync(description);
        await Page.GetByLabel("Lieu").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Heure de début (heure de Paris)").FillAsync(time);
        await Page.GetByLabel("Durée en minutes").FillAsync($"{minutes}");
        await Page.GetByLabel("Nombre de places").FillAsync($"{seats}");
    }

    public Task CreateAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
}
