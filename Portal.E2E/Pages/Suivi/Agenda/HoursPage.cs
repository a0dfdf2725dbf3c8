using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Agenda;

/// /suivi/agenda/horaires: a worker's weekly opening hours and absences.
public sealed class HoursPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Horaires et absences");

    private ILocator Week => Page.GetByRole(AriaRole.Region, new() { Name = "Horaires de la semaine" });

    /// The « from » field of a new range; its error is its accessible description, after the « ! » the stylesheet puts before every field error.
    public ILocator OpeningFrom => Week.GetByLabel("De (heure)");

    public Task GotoAsync() => Page.GotoAsync("/suivi/agenda/horaires");

    public async Task AddOpeningAsync(string day, string place, string from, string to)
    {
        await Week.GetByLabel("Jour").SelectOptionAsync(new SelectOptionValue { Label = day });
        await Week.GetByLabel("Lieu").SelectOptionAsync(new SelectOptionValue { Label = place });
        await OpeningFrom.FillAsync(from);
        await Week.GetByLabel("À (heure)").FillAsync(to);
        await Week.GetByRole(AriaRole.Button, new() { Name = "Ajouter ces horaires" }).ClickAsync();
    }
}
