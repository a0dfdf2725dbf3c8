using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.Import;

/// /admin/import as an admin uses it: a file in, its columns (/admin/import/colonnes), the preview's
/// cells and choices and the report (/admin/import/lot).
public sealed class ImportPage(IPage page) : PortalPage(page)
{
    public ILocator ColumnsTitle => Heading(new Regex("^Associer les colonnes"));

    public ILocator BatchTitle => Heading(new Regex("^Import de"));

    public ILocator ReportTitle => Page.GetByRole(AriaRole.Heading, new() { Name = "Compte rendu de l'import" });

    /// A figure of the report; its term and definition have no accessible name to find them by.
    public ILocator Figure(string label) => Page.Locator("dl.summary-list > div").Filter(new() { Has = Page.GetByText(label, new() { Exact = true }) }).Locator("dd");

    public Task ImportReadyLinesAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Importer les lignes prêtes" }).ClickAsync();

    public async Task UploadAsync(string fileName, byte[] content)
    {
        await Page.GotoAsync("/admin/import");
        await Page.GetByLabel("Fichier à importer (.xlsx ou .csv)").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lire le fichier" }).ClickAsync();
    }

    public async Task MatchColumnsAsync(string defaultTeam)
    {
        await Page.GetByLabel("Équipe des personnes dont la cellule « équipe » est vide").SelectOptionAsync(new SelectOptionValue { Label = defaultTeam });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les lignes" }).ClickAsync();
    }

    /// A line of the file: its row group, whose row header is the line number.
    public ILocator Row(int line) => Page.GetByRole(AriaRole.Rowgroup).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = line.ToString(), Exact = true }) });

    /// The cell of a line holding the field to correct, with its problem.
    public ILocator Problem(int line, string column) => Row(line).GetByRole(AriaRole.Cell).Filter(new() { Has = Page.GetByLabel($"{column}, ligne {line}") });

    public async Task CorrectAsync(int line, string column, string value)
    {
        await Page.GetByLabel($"{column}, ligne {line}", new() { Exact = true }).FillAsync(value);
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Corriger {column}, ligne {line}" }).ClickAsync();
    }

    public async Task DecideAsync(int line, string choice)
    {
        await Row(line).GetByLabel(choice).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer ce choix pour la ligne {line}" }).ClickAsync();
    }
}
