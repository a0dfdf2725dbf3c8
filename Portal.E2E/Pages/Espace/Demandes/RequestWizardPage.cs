using Microsoft.Playwright;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages.Espace.Demandes;

/// The six steps of "Demander un logement" (/espace/demandes/{id}/etape/{n}: Menage, Ressources,
/// Situation, Recherche, Pieces, Envoi), driven the way a person would: by labels and buttons.
public sealed class RequestWizardPage(IPage page, E2EApp app) : PortalPage(page)
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private Task NextAsync() => Main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).Last.ClickAsync();

    public async Task StartAsync(string shot)
    {
        await Page.GotoAsync("/espace/demandes");
        await app.CheckPageAsync(Page, shot);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Demander un logement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Votre ménage", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task HouseholdAsync(string birthDate, string childFirstName, string childLastName, string childBirthDate, string shot)
    {
        var me = Main.GetByRole(AriaRole.Group, new() { Name = "Vous-même" });
        await me.GetByLabel("Date de naissance").FillAsync(birthDate);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" }).ClickAsync();
        var child = Main.GetByRole(AriaRole.Group, new() { Name = "Personne 2" });
        await child.GetByLabel("Prénom").FillAsync(childFirstName);
        await child.GetByLabel("Nom", new() { Exact = true }).FillAsync(childLastName);
        await child.GetByLabel("Date de naissance").FillAsync(childBirthDate);
        await child.GetByLabel("Lien avec vous").SelectOptionAsync(new SelectOptionValue { Label = "Enfant" });
        await Page.GetByLabel("J'élève seul(e) mon ou mes enfants (famille monoparentale)").CheckAsync();
        await Page.GetByLabel("Commune actuelle (facultatif)").FillAsync("Roubaix");
        await app.CheckPageAsync(Page, shot);
        await NextAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vos ressources", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task ResourcesAsync(string salary, string housingBenefit, string shot)
    {
        // Checked as it first shows too: htmx's swap after « Ajouter une ressource » must not then
        // write an inline style the content security policy refuses.
        await app.CheckPageAsync(Page, shot + "-arrivee");
        var first = Main.GetByRole(AriaRole.Group, new() { Name = "Ressource 1" });
        await first.GetByLabel("Type de ressource").SelectOptionAsync(new SelectOptionValue { Label = "Salaire" });
        await first.GetByLabel("Montant par mois, en euros").FillAsync(salary);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ressource" }).ClickAsync();
        var second = Main.GetByRole(AriaRole.Group, new() { Name = "Ressource 2" });
        await second.GetByLabel("Type de ressource").SelectOptionAsync(new SelectOptionValue { Label = "APL / AL" });
        await second.GetByLabel("Montant par mois, en euros").FillAsync(housingBenefit);
        await app.CheckPageAsync(Page, shot);
        await NextAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Votre situation", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task SituationAsync(string shot)
    {
        await Page.GetByLabel("Hébergé(e) chez un tiers").CheckAsync();
        await Page.GetByLabel("Précisions sur votre situation (facultatif)").FillAsync("Hébergée chez ma sœur depuis six mois, avec mon fils.");
        await app.CheckPageAsync(Page, shot);
        await NextAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Le logement recherché", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task WishesAsync(string towns, string rent, string charges, string shot)
    {
        await Page.GetByLabel("T2 : séjour et une chambre").CheckAsync();
        await Page.GetByLabel("Communes souhaitées").FillAsync(towns);
        await Page.GetByLabel("Loyer que vous pouvez payer par mois, hors charges (facultatif)").FillAsync(rent);
        await Page.GetByLabel("Charges que vous pouvez payer par mois (facultatif)").FillAsync(charges);
        await app.CheckPageAsync(Page, shot);
        await NextAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Pièces justificatives", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task UploadAsync(string kind, string fileName, string mime, byte[] content)
    {
        await Page.GetByLabel("Type de document").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Page.GetByLabel("Fichier", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mime, Buffer = content });
        await Main.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();
        await Expect(Main.GetByText(fileName).First).ToBeVisibleAsync();
    }

    public async Task DocumentsDoneAsync(string shot)
    {
        await app.CheckPageAsync(Page, shot);
        await NextAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vérifier et envoyer", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task SendAsync(string shot)
    {
        await Page.GetByLabel("J'ai lu la notice sur mes données personnelles (nouvel onglet)").CheckAsync();
        await app.CheckPageAsync(Page, shot);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Demande DL-\\d{4}-\\d{6}") })).ToBeVisibleAsync();
    }
}
