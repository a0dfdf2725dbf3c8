using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace.Demandes;

/// /espace/demandes/{id}: a person's request, its documents to add and its timeline.
public sealed class RequestPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync(long id) => Page.GotoAsync($"/espace/demandes/{id}");

    public async Task<string> ReferenceAsync() =>
        Regex.Match(await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), @"DL-\d{4}-\d{6}").Value;

    public ILocator History => Page.GetByRole(AriaRole.Region, new() { Name = "Historique" });

    public async Task AddAskedDocumentAsync(string kind, string fileName, string mime, byte[] content)
    {
        await Page.GetByLabel($"Fichier : {kind}").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mime, Buffer = content });
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Ajouter ce document : {kind}" }).ClickAsync();
    }
}
