using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages.Suivi.Agenda;

/// /suivi/agenda/reserver: a worker books for a person.
public sealed class BookForPage(IPage page) : PortalPage(page)
{
    public ILocator Slots => Page.GetByRole(AriaRole.Group, new() { Name = "Choisissez un créneau" }).GetByRole(AriaRole.Radio);

    public Task GotoAsync() => Page.GotoAsync("/suivi/agenda/reserver");

    public async Task ChoosePersonAsync(string search, string name)
    {
        await Page.GetByLabel("Rechercher la personne (nom ou adresse électronique)").FillAsync(search);
        await Page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(name)) }).CheckAsync();
    }

    public Task ChooseMotifAsync(string motif) => Page.GetByLabel("Motif du rendez-vous").SelectOptionAsync(new SelectOptionValue { Label = motif });

    /// The place list has just been swapped in by htmx: choose again until the slots show, as a person would.
    public async Task ChoosePlaceAsync(string place)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Page.GetByLabel("Lieu", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = place });
            try
            {
                await Expect(Slots.First).ToBeVisibleAsync(new() { Timeout = 4000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
    }

    public Task ConfirmAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer ce rendez-vous" }).ClickAsync();
}
