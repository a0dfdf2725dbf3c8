using Microsoft.Playwright;

namespace Portal.E2E.Pages.Partenaire.Orientations;

/// /partenaire/orientations/{id}: an orientation as the partner follows it.
public sealed class OrientationPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync(long id) => Page.GotoAsync($"/partenaire/orientations/{id}");

    public async Task AddDocumentAsync(string fileName, string mime, byte[] content)
    {
        await Page.GetByLabel("Fichier", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mime, Buffer = content });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();
    }

    public async Task SendMessageAsync(string text)
    {
        await Page.GetByLabel("Votre message à l'équipe").FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
    }
}
