using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class PartnerFlowTests(E2EApp app)
{
    private const string DemoPassword = "Passerelle-Demo-2026!";

    [Fact]
    public async Task A_ccas_orients_a_family_answers_the_workers_question_and_reads_the_committees_decision()
    {
        var name = "Zerrouki" + Guid.NewGuid().ToString("N")[..5];

        // The CCAS worker orients a family, with the person's consent.
        var ccas = await app.NewPageAsync();
        await app.SignInAsync(ccas, "ccas@demo.passerelle.fr", DemoPassword);
        await Expect(ccas.GetByRole(AriaRole.Heading, new() { Name = "Espace partenaire" })).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "90-partenaire-accueil");
        await ccas.GetByRole(AriaRole.Link, new() { Name = "Nouvelle orientation" }).ClickAsync();
        await ccas.GetByLabel("Prénom de la personne qui demande").FillAsync("Leïla");
        await ccas.GetByLabel("Nom de la personne qui demande", new() { Exact = true }).FillAsync(name);
        await ccas.GetByLabel("Date de naissance de la personne qui demande").FillAsync("1987-03-14");
        await ccas.GetByLabel("Prénom de la personne 2").FillAsync("Adam");
        await ccas.GetByLabel("Nom de la personne 2", new() { Exact = true }).FillAsync(name);
        await ccas.GetByLabel("Date de naissance de la personne 2").FillAsync("2016-05-02");
        await ccas.GetByLabel("Lien de la personne 2").SelectOptionAsync("Child");
        await ccas.GetByLabel("Commune actuelle").FillAsync("Lille");
        await ccas.GetByLabel("Situation actuelle").SelectOptionAsync("HostedByThirdParty");
        await ccas.GetByLabel("Situation et motif de l'orientation").FillAsync("Hébergée chez sa sœur avec son fils ; doit partir fin du mois.");
        await ccas.GetByLabel("Urgence").SelectOptionAsync("Priority");
        await app.CheckPageAsync(ccas, "91-partenaire-nouvelle-orientation");
        // Without consent, nothing is sent.
        await ccas.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'orientation" }).ClickAsync();
        await Expect(ccas.GetByText("sans son consentement, l'orientation ne peut pas être envoyée").First).ToBeVisibleAsync();
        await ccas.GetByLabel("Comment la personne a-t-elle donné son accord ?").SelectOptionAsync("SignedForm");
        await ccas.GetByLabel("Date de l'accord").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await ccas.GetByLabel("J'atteste que la personne a été informée").CheckAsync();
        await ccas.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'orientation" }).ClickAsync();
        await Expect(ccas.GetByText(new Regex("est envoyée à l'association"))).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "92-partenaire-orientation");
        var id = long.Parse(Regex.Match(ccas.Url, @"/partenaire/orientations/(\d+)").Groups[1].Value);

        // The association's worker takes it and asks for an assessment.
        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, "travailleur1@demo.passerelle.fr", DemoPassword);
        await worker.GotoAsync($"/suivi/demandes/{id}");
        await Expect(worker.GetByText("Orientation par un partenaire")).ToBeVisibleAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Prendre en charge" }).ClickAsync();
        await worker.GetByLabel("Évaluation sociale du partenaire").CheckAsync();
        await worker.GetByLabel("Précision pour la personne (facultatif)").FillAsync("Merci de nous transmettre votre évaluation sociale.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Demander les pièces" }).ClickAsync();
        await Expect(worker.Locator("#statut-demande")).ToHaveTextAsync("Pièces demandées");

        // The CCAS answers: the assessment and a message.
        await ccas.GotoAsync($"/partenaire/orientations/{id}");
        await Expect(ccas.GetByText("L'équipe vous demande")).ToBeVisibleAsync();
        await ccas.GetByLabel("Fichier", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "evaluation.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
        });
        await ccas.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();
        await Expect(ccas.GetByText(new Regex("Le document « evaluation.pdf » est ajouté"))).ToBeVisibleAsync();
        await ccas.GetByLabel("Votre message à l'équipe").FillAsync("Voici l'évaluation ; la famille est prête pour une visite.");
        await ccas.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await Expect(ccas.GetByText("Voici l'évaluation ; la famille est prête pour une visite.")).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "93-partenaire-reponse");

        await worker.ReloadAsync();
        await Expect(worker.GetByText("Voici l'évaluation ; la famille est prête pour une visite.")).ToBeVisibleAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Reprendre l'instruction" }).ClickAsync();
        await Expect(worker.Locator("#statut-demande")).ToHaveTextAsync("En instruction");

        // The committee accepts it with a support measure.
        var session = await SessionWithAsync(id);
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", DemoPassword);
        await manager.GotoAsync($"/suivi/commissions/seances/{session}");
        var item = manager.Locator("article", new() { HasText = name });
        await Expect(item.GetByText(new Regex("Orientée par CCAS de Roubaix"))).ToBeVisibleAsync();
        await item.GetByText("Ouvrir un accompagnement").ClickAsync();
        await item.GetByLabel("Type d'accompagnement").SelectOptionAsync("Asll");
        await item.GetByLabel("Financeur").SelectOptionAsync("FslDepartment");
        await item.GetByLabel("Durée (mois)").FillAsync("12");
        await item.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'accompagnement" }).ClickAsync();
        await Expect(manager.GetByText("L'accompagnement est décidé et la mesure est ouverte.")).ToBeVisibleAsync();

        // The CCAS reads the decision on its page and by email.
        await ccas.GotoAsync($"/partenaire/orientations/{id}");
        await Expect(ccas.GetByText(new Regex("Décision : Acceptée"))).ToBeVisibleAsync();
        await Expect(ccas.GetByText(new Regex("Accompagnement décidé : ASLL")).First).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "94-partenaire-decision");
        var mail = await app.Mail.WaitForAsync("ccas@demo.passerelle.fr", where: m => m.Subject.Contains("Acceptée") && m.Subject.Contains(name.ToUpperInvariant()));
        Assert.Contains("Accompagnement décidé", mail.Text);
    }

    [Fact]
    public async Task The_siao_validates_an_iml_candidate_and_the_landlord_reads_its_reviews()
    {
        var siao = await app.NewPageAsync();
        await app.SignInAsync(siao, "siao@demo.passerelle.fr", DemoPassword);
        await siao.GotoAsync("/partenaire/validations");
        var candidate = siao.Locator("article", new() { HasText = "GIRARD Thomas" });
        await app.CheckPageAsync(siao, "95-partenaire-validations");
        await candidate.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Valider la candidature") }).ClickAsync();
        await Expect(siao.GetByText(new Regex("Votre réponse pour GIRARD Thomas est enregistrée"))).ToBeVisibleAsync();
        await Expect(candidate.GetByText("Validée par le SIAO")).ToBeVisibleAsync();

        var landlord = await app.NewPageAsync(phone: true);
        await app.SignInAsync(landlord, "bailleur@demo.passerelle.fr", DemoPassword);
        await landlord.GotoAsync("/partenaire/baux");
        await Expect(landlord.GetByText(new Regex("Loyers payés, un retard régularisé")).First).ToBeVisibleAsync();
        await app.CheckPageAsync(landlord, "96-partenaire-baux");
    }

    private async Task<long> SessionWithAsync(long requestId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var presenter = await db.Users.Where(u => u.Email == "travailleur1@demo.passerelle.fr").Select(u => u.Id).SingleAsync();
        var committee = await db.Committees.OrderBy(c => c.Id).FirstAsync();
        var session = new CommitteeSession(committee.Id, DateOnly.FromDateTime(DateTime.UtcNow));
        session.AddItem(AgendaSubject.Request, requestId, presenter);
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
