using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages.Espace.RendezVous;

/// /espace/rendez-vous/prendre: motif, place, then a slot.
public sealed class BookPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Prendre rendez-vous");

    public ILocator Slots => Page.GetByRole(AriaRole.Group, new() { Name = "Choisissez un créneau" }).GetByRole(AriaRole.Radio);

    public Task GotoAsync() => Page.GotoAsync("/espace/rendez-vous/prendre");

    public Task ChooseMotifAsync(string motif) => Page.GetByLabel("Motif du rendez-vous").SelectOptionAsync(new SelectOptionValue { Label = motif });

    public Task ChoosePlaceAsync(int index) => Page.GetByLabel("Lieu").SelectOptionAsync(new SelectOptionValue { Index = index });

    /// Without JavaScript, the slots come with a full page.
    public Task ShowSlotsAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Voir les lieux et les créneaux" }).ClickAsync();

    /// The place list has just been swapped in by htmx: a choice made before htmx has wired it up is
    /// lost, as it would be for a person; choose again, as they would.
    public async Task ChooseAPlaceWithSlotsAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            await ChoosePlaceAsync(attempt % 2 == 1 ? 1 : 2);
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
