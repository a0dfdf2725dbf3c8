using Microsoft.Playwright;

namespace Portal.E2E.Pages.Compte;

/// /compte/inscription: a person creates their account.
public sealed class SignUpPage(IPage page) : PortalPage(page)
{
    public ILocator FullName => Page.GetByLabel("Nom et prénom");
    public ILocator Email => Page.GetByLabel("Adresse électronique");
    public ILocator Password => Page.GetByLabel("Mot de passe", new() { Exact = true });
    public ILocator Confirmation => Page.GetByLabel("Confirmation du mot de passe");

    public Task GotoAsync() => Page.GotoAsync("/compte/inscription");

    public async Task FillAsync(string fullName, string email, string password, string confirmation)
    {
        await FullName.FillAsync(fullName);
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Confirmation.FillAsync(confirmation);
    }

    public Task AcceptTermsAsync() => Page.GetByRole(AriaRole.Checkbox).CheckAsync();

    public Task SubmitAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
}
