using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.RendezVous;

/// /admin/rendez-vous/lieu: one place's form.
public sealed class PlacePage(IPage page) : PortalPage(page)
{
    /// The name field; its error is its accessible description, after the « ! » the stylesheet puts before every field error.
    public ILocator Name => Page.GetByLabel("Nom du lieu");

    public async Task FillAsync(string name, string kind, string address)
    {
        await Name.FillAsync(name);
        await Page.GetByLabel("Type de lieu").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Page.GetByLabel("Adresse (facultative)").FillAsync(address);
    }

    public Task SaveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le lieu" }).ClickAsync();
}
