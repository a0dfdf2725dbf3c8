using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages.Suivi.Accompagnement;

/// /suivi/menages/{id}/accompagnement/mesures/{id}: one measure, its action plan, reviews and sliding
/// lease, each in its section (overview, diagnostic, action plan, reviews, renewal, sliding lease).
public sealed class MeasurePage(IPage page) : PortalPage(page)
{
    public ILocator Diagnostic => Page.Locator("#diagnostic-texte");

    public ILocator LeaseStatus => Page.Locator("#statut-bail");

    public ILocator LeaseBalance => Page.Locator("#solde-bail");

    public ILocator MeasureStatus => Page.Locator("#statut-mesure");

    public ILocator Axis(string text) => Page.Locator("article.axis").Filter(new() { HasText = text });

    public Task OpenFollowUpAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Voir la mesure de suivi qui prend le relais" }).ClickAsync();

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    private async Task SuccessAsync(string text) => await Expect(Status(text)).ToBeVisibleAsync();

    /// Opens a section of the measure from its header's navigation (« Vue d'ensemble », « Plan
    /// d'action », « Bilans », « Bail glissant »…).
    public async Task OpenSectionAsync(string name)
    {
        var link = Main.GetByRole(AriaRole.Navigation, new() { Name = "Sections de la mesure" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        if (await link.GetAttributeAsync("aria-current") == "page") return;
        await link.ClickAsync();
        await Expect(link).ToHaveAttributeAsync("aria-current", "page");
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
        Main.Locator("#calendrier-bilans tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) });

    public ILocator LedgerRow(string month) =>
        Main.Locator("#releve-bail tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex("^" + Regex.Escape(month) + "$", RegexOptions.IgnoreCase) }) });
}
