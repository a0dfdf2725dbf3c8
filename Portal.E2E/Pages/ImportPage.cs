using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// /admin/import as an admin uses it: a file in, its columns, the preview's cells and choices.
public sealed class ImportPage(IPage page)
{
    public async Task UploadAsync(string fileName, byte[] content)
    {
        await page.GotoAsync("/admin/import");
        await page.GetByLabel("Fichier à importer (.xlsx ou .csv)").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lire le fichier" }).ClickAsync();
    }

    public async Task MatchColumnsAsync(string defaultTeam)
    {
        await page.GetByLabel("Équipe des personnes dont la cellule « équipe » est vide").SelectOptionAsync(new SelectOptionValue { Label = defaultTeam });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les lignes" }).ClickAsync();
    }

    public ILocator Row(int line) => page.Locator("tbody.import-row").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = line.ToString(), Exact = true }) });

    public ILocator Problem(int line, string column) => Row(line).Locator("td.cell-problem").Filter(new() { Has = page.GetByLabel($"{column}, ligne {line}") });

    public async Task CorrectAsync(int line, string column, string value)
    {
        await page.GetByLabel($"{column}, ligne {line}", new() { Exact = true }).FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Corriger {column}, ligne {line}" }).ClickAsync();
    }

    public async Task DecideAsync(int line, string choice)
    {
        await Row(line).GetByLabel(choice).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer ce choix pour la ligne {line}" }).ClickAsync();
    }
}
