using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Commissions;

/// /suivi/commissions/seances/{id}: a session's agenda, attendance and decisions. Its locators are
/// the page's as it is before the split of issue 12, point 7.
public sealed class CommitteeSessionPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync(long id) => Page.GotoAsync($"/suivi/commissions/seances/{id}");

    public ILocator ItemTitle(string reference) => Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(reference)) });

    /// The agenda item whose heading names the request.
    public ILocator Item(string reference) => Page.Locator("article", new() { Has = ItemTitle(reference) });

    /// The agenda item whose text holds this.
    public ILocator ItemWith(string text) => Page.Locator("article", new() { HasText = text });

    public async Task PutOnTheAgendaAsync(string situation, string presenter)
    {
        await Page.GetByLabel("Situation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = situation });
        await Page.GetByLabel("Présentée par").SelectOptionAsync(new SelectOptionValue { Label = presenter });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire à l'ordre du jour" }).ClickAsync();
    }

    public async Task RecordAttendanceAsync(params string[] members)
    {
        foreach (var member in members) await Page.GetByLabel(member).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
    }

    public async Task AllocateAsync(ILocator item, string dwelling)
    {
        await item.GetByText("Attribuer un logement").ClickAsync();
        await item.GetByLabel("Logement attribué").SelectOptionAsync(new SelectOptionValue { Label = dwelling });
        await item.GetByRole(AriaRole.Button, new() { Name = "Attribuer le logement" }).ClickAsync();
    }

    public Task OpenRefusalAsync(ILocator item) => item.GetByText("Refuser ou ajourner").ClickAsync();

    public Task FillRefusalReasonAsync(ILocator item, string reason) => item.GetByLabel("Motif").FillAsync(reason);

    public Task RefuseAsync(ILocator item) => item.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();

    public async Task OpenSupportAsync(ILocator item, string kind, string funder, int months)
    {
        await item.GetByText("Ouvrir un accompagnement").ClickAsync();
        await item.GetByLabel("Type d'accompagnement").SelectOptionAsync(kind);
        await item.GetByLabel("Financeur").SelectOptionAsync(funder);
        await item.GetByLabel("Durée (mois)").FillAsync($"{months}");
        await item.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'accompagnement" }).ClickAsync();
    }

    public Task CloseAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).ClickAsync();

    public Task OpenStayAsync(ILocator item) => item.GetByRole(AriaRole.Link, new() { Name = "Voir le séjour" }).ClickAsync();
}
