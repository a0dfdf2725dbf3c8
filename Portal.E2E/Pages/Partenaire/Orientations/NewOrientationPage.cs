using Microsoft.Playwright;

namespace Portal.E2E.Pages.Partenaire.Orientations;

/// /partenaire/orientations/nouvelle: a partner orients a household, with the person's consent.
public sealed class NewOrientationPage(IPage page) : PortalPage(page)
{
    public async Task ApplicantAsync(string firstName, string lastName, string birthDate)
    {
        await Page.GetByLabel("Prénom de la personne qui demande").FillAsync(firstName);
        await Page.GetByLabel("Nom de la personne qui demande", new() { Exact = true }).FillAsync(lastName);
        await Page.GetByLabel("Date de naissance de la personne qui demande").FillAsync(birthDate);
    }

    public async Task PersonAsync(int number, string firstName, string lastName, string birthDate, string relationship)
    {
        await Page.GetByLabel($"Prénom de la personne {number}").FillAsync(firstName);
        await Page.GetByLabel($"Nom de la personne {number}", new() { Exact = true }).FillAsync(lastName);
        await Page.GetByLabel($"Date de naissance de la personne {number}").FillAsync(birthDate);
        await Page.GetByLabel($"Lien de la personne {number}").SelectOptionAsync(relationship);
    }

    public async Task SituationAsync(string town, string situation, string reason, string urgency)
    {
        await Page.GetByLabel("Commune actuelle").FillAsync(town);
        await Page.GetByLabel("Situation actuelle").SelectOptionAsync(situation);
        await Page.GetByLabel("Situation et motif de l'orientation").FillAsync(reason);
        await Page.GetByLabel("Urgence").SelectOptionAsync(urgency);
    }

    public async Task ConsentAsync(string how, DateTime on)
    {
        await Page.GetByLabel("Comment la personne a-t-elle donné son accord ?").SelectOptionAsync(how);
        await Page.GetByLabel("Date de l'accord").FillAsync(on.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("J'atteste que la personne a été informée").CheckAsync();
    }

    public Task SendAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'orientation" }).ClickAsync();
}
