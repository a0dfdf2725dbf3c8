using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Ateliers;

/// /suivi/ateliers/{id}: one session, its participants, its waiting list and who came.
public sealed class SessionPage(IPage page) : PortalPage(page)
{
    public ILocator Title(string theme) => Heading($"Atelier « {theme} »");

    public ILocator Created => Page.GetByText("La séance est créée");

    public ILocator Participants(int count) => Page.GetByRole(AriaRole.Region, new() { Name = $"Participants ({count})" });

    public ILocator WaitingList(int count) => Page.GetByRole(AriaRole.Region, new() { Name = $"Liste d'attente ({count})" });

    public ILocator Present(string person) => Page.GetByRole(AriaRole.Group, new() { Name = $"Présence de {person}" }).GetByLabel("Présent(e)");

    public ILocator AttendanceSaved => Page.GetByText("Les présences sont enregistrées.");

    public Task SaveAttendanceAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();

    public async Task SearchHouseholdAsync(string name)
    {
        await Page.GetByLabel("Nom du ménage").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Chercher le ménage" }).ClickAsync();
    }

    public ILocator Household(string name) => Page.GetByRole(AriaRole.Group, new() { Name = $"Ménage {name}" });

    public Task EnrolCheckedAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire les personnes cochées" }).ClickAsync();
}
