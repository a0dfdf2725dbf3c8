using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte.Securite;

/// /compte/securite/cles-d-acces: passkeys.
public sealed class PasskeysPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/compte/securite/cles-d-acces");

    public async Task RegisterAsync(string name)
    {
        await Page.GetByLabel("Nom de la clé (pour la reconnaître)").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer une clé d'accès" }).ClickAsync();
    }
}
