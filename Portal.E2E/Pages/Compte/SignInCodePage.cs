using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte;

/// /compte/connexion/code: the second step of a staff sign-in.
public sealed class SignInCodePage(IPage page) : PortalPage(page)
{
    public async Task EnterAsync(string code)
    {
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
    }
}
