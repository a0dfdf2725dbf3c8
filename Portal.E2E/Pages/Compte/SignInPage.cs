using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte;

/// /compte/connexion: the password step of a sign-in, or a passkey.
public sealed class SignInPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/compte/connexion");

    public async Task SignInAsync(string email, string password)
    {
        await Page.GetByLabel("Adresse électronique").FillAsync(email);
        await Page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
    }

    public Task SignInWithAPasskeyAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec une clé d'accès" }).ClickAsync();
}
