using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.Testing;
using Portal.E2E.Pages.Espace.Demandes;
using Portal.E2E.Pages.Suivi.Demandes;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class HousingRequestFlowTests(E2EApp app)
{
    private const string DemoPassword = "Passerelle-Demo-2026!";

    [Fact]
    public async Task A_person_files_a_request_a_worker_asks_for_a_document_the_person_adds_it_and_the_review_resumes()
    {
        var email = $"nadia-{Guid.NewGuid():N}@exemple.fr";
        const string password = "Un-Toit-Pour-2026";

        // The person applies from a phone.
        var person = await app.NewPageAsync(phone: true);
        await app.SignUpAsync(person, email, "Nadia Benali", password);
        await Expect(person).ToHaveURLAsync(new Regex("/espace$"));

        var wizard = new RequestWizardPage(person, app);
        await wizard.StartAsync("30-mes-demandes-vide");
        await wizard.HouseholdAsync("1991-03-14", "Yanis", "Benali", "2019-09-02", "31-etape-menage");
        await wizard.ResourcesAsync("1 250,50", "210", "32-etape-ressources");
        await wizard.SituationAsync("33-etape-situation");
        await wizard.WishesAsync("Lille, Roubaix", "450", "60", "34-etape-recherche");
        await wizard.UploadAsync("Pièce d'identité", "carte-identite.pdf", "application/pdf", RequestWizardPage.Pdf);
        await wizard.UploadAsync("Avis d'imposition", "avis-imposition.png", "image/png", RequestWizardPage.Png);
        await wizard.DocumentsDoneAsync("35-etape-pieces");
        await wizard.SendAsync("36-etape-envoi");

        var request = new RequestPage(person);
        var reference = await request.ReferenceAsync();
        await Expect(request.Text("Déposée").First).ToBeVisibleAsync();
        await app.CheckPageAsync(person, "37-demande-deposee");
        var receipt = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains(reference));
        Assert.Contains("est bien arrivée", receipt.Subject);

        // A social worker of the team covering Lille finds it and asks for a missing document.
        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, "travailleur1@demo.passerelle.fr", DemoPassword);
        var queue = new QueuePage(worker);
        await queue.GotoAsync();
        await queue.SearchAsync(reference);
        var link = queue.Request(reference);
        await Expect(link).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "40-file-des-demandes");
        await link.ClickAsync();
        var file = new RequestFilePage(worker);
        await Expect(file.Resources).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "41-demande-cote-equipe");

        await file.AskForDocumentsAsync("Une attestation de moins de trois mois, s'il vous plaît.", "Attestation CAF");
        await Expect(file.Text("Les pièces sont demandées").First).ToBeVisibleAsync();

        // The person follows the link in the email and adds the document there.
        var askMail = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("pièces à fournir"));
        Assert.Contains("Attestation CAF", askMail.Text);
        await person.GotoAsync("/espace"); // the person was still on the request page: a link differing only by #pieces would not reload it
        await person.GotoAsync(MailDev.LinkIn(askMail, "/espace/demandes/"));
        await Expect(request.Text("Une attestation de moins de trois mois").First).ToBeVisibleAsync();
        await app.CheckPageAsync(person, "38-pieces-demandees");
        await request.AddAskedDocumentAsync("Attestation CAF", "attestation-caf.pdf", "application/pdf", RequestWizardPage.Pdf);
        await Expect(request.Text("Toutes les pièces demandées sont arrivées").First).ToBeVisibleAsync();

        // The worker sees the document and resumes the review.
        await worker.ReloadAsync();
        await Expect(file.Text("attestation-caf.pdf").First).ToBeVisibleAsync();
        await file.ResumeReviewAsync();
        await Expect(file.Text("En instruction").First).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "42-demande-en-instruction");
        await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("En instruction"));

        // The person's timeline tells the whole story.
        await person.ReloadAsync();
        var history = request.History;
        foreach (var step in new[] { "Demande commencée", "Déposée", "Pièces demandées", "Document ajouté", "En instruction" })
            await Expect(history.GetByText(step).First).ToBeVisibleAsync();
        await Expect(history.GetByText("Claire Martin").First).ToBeVisibleAsync();
        await app.CheckPageAsync(person, "39-historique-complet");

        // The same pages on a desktop screen for the person, on a phone for the worker.
        var desktop = await app.NewPageAsync();
        await app.SignInAsync(desktop, email, password);
        var requests = new RequestsPage(desktop);
        await requests.GotoAsync();
        await app.CheckPageAsync(desktop, "50-mes-demandes-ordinateur");
        await requests.OpenFirstAsync();
        await app.CheckPageAsync(desktop, "51-demande-ordinateur");
        var workerPhone = await app.NewPageAsync(phone: true);
        await app.SignInAsync(workerPhone, "travailleur1@demo.passerelle.fr", DemoPassword);
        await new QueuePage(workerPhone).GotoAsync();
        await app.CheckPageAsync(workerPhone, "52-file-telephone");
        await workerPhone.GotoAsync(new Uri(worker.Url).PathAndQuery);
        await app.CheckPageAsync(workerPhone, "53-demande-equipe-telephone");

        foreach (var p in new[] { person, worker, desktop, workerPhone }) await p.Context.CloseAsync();
    }
}
