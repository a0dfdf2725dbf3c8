using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.E2E.Support;
using Portal.E2E.Pages.Partenaire;
using Portal.E2E.Pages.Partenaire.Baux;
using Portal.E2E.Pages.Partenaire.Orientations;
using Portal.E2E.Pages.Partenaire.Validations;
using Portal.E2E.Pages.Suivi.Commissions;
using Portal.E2E.Pages.Suivi.Demandes;
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
        var home = new PartnerHomePage(ccas);
        await Expect(home.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "90-partenaire-accueil");
        await home.NewOrientationAsync();
        var orientation = new NewOrientationPage(ccas);
        await orientation.ApplicantAsync("Leïla", name, "1987-03-14");
        await orientation.PersonAsync(2, "Adam", name, "2016-05-02", "Child");
        await orientation.SituationAsync("Lille", "HostedByThirdParty", "Hébergée chez sa sœur avec son fils ; doit partir fin du mois.", "Priority");
        await app.CheckPageAsync(ccas, "91-partenaire-nouvelle-orientation");
        // Without consent, nothing is sent.
        await orientation.SendAsync();
        await Expect(orientation.Text("sans son consentement, l'orientation ne peut pas être envoyée").First).ToBeVisibleAsync();
        await orientation.ConsentAsync("SignedForm", DateTime.UtcNow.AddDays(-1));
        await orientation.SendAsync();
        await Expect(orientation.Text(new Regex("est envoyée à l'association"))).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "92-partenaire-orientation");
        var id = long.Parse(Regex.Match(ccas.Url, @"/partenaire/orientations/(\d+)").Groups[1].Value);

        // The association's worker takes it and asks for an assessment.
        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, "travailleur1@demo.passerelle.fr", DemoPassword);
        var file = new RequestFilePage(worker);
        await file.GotoAsync(id);
        await Expect(file.FromAPartner).ToBeVisibleAsync();
        await file.TakeInChargeAsync();
        await file.AskForDocumentsAsync("Merci de nous transmettre votre évaluation sociale.", "Évaluation sociale du partenaire");
        await Expect(file.RequestStatus).ToHaveTextAsync("Pièces demandées");

        // The CCAS answers: the assessment and a message.
        var followed = new OrientationPage(ccas);
        await followed.GotoAsync(id);
        await Expect(followed.Text("L'équipe vous demande")).ToBeVisibleAsync();
        await followed.AddDocumentAsync("evaluation.pdf", "application/pdf",
            System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        await Expect(followed.Text(new Regex("Le document « evaluation.pdf » est ajouté"))).ToBeVisibleAsync();
        await followed.SendMessageAsync("Voici l'évaluation ; la famille est prête pour une visite.");
        await Expect(followed.Text("Voici l'évaluation ; la famille est prête pour une visite.")).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "93-partenaire-reponse");

        await worker.ReloadAsync();
        await Expect(file.Text("Voici l'évaluation ; la famille est prête pour une visite.")).ToBeVisibleAsync();
        await file.ResumeReviewAsync();
        await Expect(file.RequestStatus).ToHaveTextAsync("En instruction");

        // The committee accepts it with a support measure.
        var session = await SessionWithAsync(id);
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", DemoPassword);
        var seance = new CommitteeSessionPage(manager);
        await seance.GotoAsync(session);
        var item = seance.ItemWith(name);
        await Expect(item.GetByText(new Regex("Orientée par CCAS de Roubaix"))).ToBeVisibleAsync();
        await seance.OpenSupportAsync(item, "Asll", "FslDepartment", 12);
        await Expect(seance.Text("L'accompagnement est décidé et la mesure est ouverte.")).ToBeVisibleAsync();

        // The CCAS reads the decision on its page and by email.
        await followed.GotoAsync(id);
        await Expect(followed.Text(new Regex("Décision : Acceptée"))).ToBeVisibleAsync();
        await Expect(followed.Text(new Regex("Accompagnement décidé : ASLL")).First).ToBeVisibleAsync();
        await app.CheckPageAsync(ccas, "94-partenaire-decision");
        var mail = await app.Mail.WaitForAsync("ccas@demo.passerelle.fr", where: m => m.Subject.Contains("Acceptée") && m.Subject.Contains(name.ToUpperInvariant()));
        Assert.Contains("Accompagnement décidé", mail.Text);
    }

    [Fact]
    public async Task The_siao_validates_an_iml_candidate_and_the_landlord_reads_its_reviews()
    {
        var siao = await app.NewPageAsync();
        await app.SignInAsync(siao, "siao@demo.passerelle.fr", DemoPassword);
        var validations = new ValidationsPage(siao);
        await validations.GotoAsync();
        var candidate = validations.Candidate("GIRARD Thomas");
        await app.CheckPageAsync(siao, "95-partenaire-validations");
        await validations.ValidateAsync(candidate);
        await Expect(validations.Text(new Regex("Votre réponse pour GIRARD Thomas est enregistrée"))).ToBeVisibleAsync();
        await Expect(candidate.GetByText("Validée par le SIAO")).ToBeVisibleAsync();

        var landlord = await app.NewPageAsync(phone: true);
        await app.SignInAsync(landlord, "bailleur@demo.passerelle.fr", DemoPassword);
        var leases = new LeasesPage(landlord);
        await leases.GotoAsync();
        await Expect(leases.Text(new Regex("Loyers payés, un retard régularisé")).First).ToBeVisibleAsync();
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
