using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages;

/// A household's support pages driven by labels and buttons: the measures list, one measure (its
/// sections: overview, diagnostic, action plan, reviews, renewal, sliding lease) and the exit.
public sealed class SupportMeasurePage(IPage page, E2EApp app)
{
    private ILocator Main => page.GetByRole(AriaRole.Main);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    private async Task SuccessAsync(string text) =>
        await Expect(Main.GetByRole(AriaRole.Status).Filter(new() { HasText = text })).ToBeVisibleAsync();

    public async Task OpenHouseholdAsync(long householdId, string shot)
    {
        await page.GotoAsync($"/suivi/menages/{householdId}/accompagnement");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accompagnement", Level = 1 })).ToBeVisibleAsync();
        await app.CheckPageAsync(page, shot);
    }

    /// Opens a section of the measure from its header's navigation (« Vue d'ensemble », « Plan
    /// d'action », « Bilans », « Bail glissant »…).
    public async Task OpenSectionAsync(string name)
    {
        var link = Main.GetByRole(AriaRole.Navigation, new() { Name = "Sections de la mesure" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        if (await link.GetAttributeAsync("aria-current") == "page") return;
        await link.ClickAsync();
        await Expect(link).ToHaveAttributeAsync("aria-current", "page");
    }

    public async Task OpenMeasureAsync(string kind, string funder, DateOnly startsOn, int months, string diagnostic)
    {
        await Main.GetByLabel("Type de mesure").SelectOptionAsync(kind);
        await Main.GetByLabel("Financeur").SelectOptionAsync(funder);
        await Main.GetByLabel("Date de début").FillAsync(Iso(startsOn));
        await Main.GetByLabel("Durée prévue (mois)").FillAsync(months.ToString());
        await Main.GetByLabel("Diagnostic initial").FillAsync(diagnostic);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la mesure" }).ClickAsync();
        await SuccessAsync("est ouverte jusqu'au");
    }

    public async Task CreateLeaseAsync()
    {
        await OpenSectionAsync("Bail glissant");
        // The dwelling the household lives in, its landlord, rent and charges are proposed.
        await Expect(Main.GetByLabel("Bailleur")).ToHaveValueAsync("Habitat du Nord");
        await Expect(Main.GetByLabel("Loyer mensuel (€)")).ToHaveValueAsync("400");
        await Main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le bail" }).ClickAsync();
        await SuccessAsync("Le bail glissant est enregistré.");
        await Expect(Main.Locator("#statut-bail")).ToHaveTextAsync("Sous-location");
    }

    public async Task AddAxisAsync(string area, string objective, string actions, string who)
    {
        await OpenSectionAsync("Plan d'action");
        var form = Main.Locator("#ajout-axe");
        await form.GetByLabel("Axe", new() { Exact = true }).SelectOptionAsync(area);
        await form.GetByLabel("Objectif").FillAsync(objective);
        await form.GetByLabel("Actions", new() { Exact = true }).FillAsync(actions);
        await form.GetByLabel("Qui les mène").FillAsync(who);
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'axe" }).ClickAsync();
        await SuccessAsync("est ajouté au plan d'action");
    }

    public async Task PayAsync(DateOnly paidOn, string amount, string reference)
    {
        await OpenSectionAsync("Bail glissant");
        var form = Main.Locator("#formulaire-paiement");
        await form.GetByLabel("Payé le").FillAsync(Iso(paidOn));
        await form.GetByLabel("Montant (€)").FillAsync(amount);
        await form.GetByLabel("Référence (facultatif)").FillAsync(reference);
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await SuccessAsync("est enregistré");
    }

    public async Task ReviewAsync(string milestone, DateOnly heldOn, string situation, IReadOnlyDictionary<string, string> progress,
        string decision, bool stable = false)
    {
        await OpenSectionAsync("Bilans");
        var form = Main.Locator("#formulaire-bilan");
        await form.GetByLabel("Bilan", new() { Exact = true }).SelectOptionAsync(milestone);
        await form.GetByLabel("Tenu le").FillAsync(Iso(heldOn));
        await form.GetByLabel("Situation du ménage").FillAsync(situation);
        foreach (var (area, text) in progress)
            await form.GetByLabel($"Avancée de l'axe « {area} »").FillAsync(text);
        await form.GetByRole(AriaRole.Radio, new() { Name = decision }).CheckAsync();
        if (stable) await form.GetByLabel("Situation jugée stable (condition du glissement du bail)").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le bilan" }).ClickAsync();
    }

    public ILocator ScheduleRow(string label) =>
        Main.Locator("#calendrier-bilans tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) });

    public ILocator LedgerRow(string month) =>
        Main.Locator("#releve-bail tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex("^" + Regex.Escape(month) + "$", RegexOptions.IgnoreCase) }) });
}
