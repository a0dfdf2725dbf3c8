using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte.Securite;

/// /compte/securite/authentificateur: the QR code, the key to type, and the first code.
public sealed class AuthenticatorPage(IPage page) : PortalPage(page)
{
    public ILocator QrCode => Page.GetByRole(AriaRole.Img, new() { Name = "Code QR à scanner avec l'application d'authentification" });

    /// Waits until the QR code image is loaded with its size (a broken image has none).
    public Task QrCodeLoadedAsync() =>
        Page.WaitForFunctionAsync("() => { const i = document.querySelector('img.qr-code'); return i && i.complete && i.naturalWidth > 100; }", null, new() { Timeout = 15000 });

    /// The key as typed into an authenticator (the page shows it in groups).
    public async Task<string> SharedKeyAsync() => (await Page.Locator("[data-shared-key]").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();

    public async Task VerifyAsync(string code)
    {
        await Page.GetByLabel("Code à 6 chiffres affiché par l'application").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();
    }
}
