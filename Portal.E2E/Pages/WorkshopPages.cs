using Microsoft.Playwright;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages;

/// The workshop pages, driven by labels and buttons: staff create a session; residents act on its card.
public sealed class WorkshopPages(E2EApp app)
{
    public static ILocator Card(IPage page, string theme) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Article, new() { Name = theme });

    /// Creates a session through the staff form and returns on its page.
    public async Task CreateSessionAsync(IPage staff, string theme, DateOnly day, string time, int seats, string shot)
    {
        await staff.GotoAsync("/suivi/ateliers");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Ateliers", Level = 1 })).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, shot + "-liste");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle séance d'atelier", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByLabel("Thème").FillAsync(theme);
        await staff.GetByLabel("Description (facultatif)").FillAsync("Chauffage, eau chaude, éclairage : les bons gestes.");
        await staff.GetByLabel("Lieu").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await staff.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd"));
        await staff.GetByLabel("Heure de début (heure de Paris)").FillAsync(time);
        await staff.GetByLabel("Durée en minutes").FillAsync("90");
        await staff.GetByLabel("Nombre de places").FillAsync($"{seats}");
        await app.CheckPageAsync(staff, shot + "-formulaire");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Atelier « {theme} »", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff.GetByText("La séance est créée")).ToBeVisibleAsync();
    }

    /// Presses one button on the session's card on "Ateliers" and waits for the message.
    public static async Task ActAsync(IPage resident, string theme, string button, string expected)
    {
        var card = Card(resident, theme);
        await card.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Main).GetByText(expected).First).ToBeVisibleAsync();
    }
}
