using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.E2E.Support;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class CommitteeFlowTests(E2EApp app)
{
    private const string DemoPassword = "Passerelle-Demo-2026!";
    private const string ApplicantPassword = "Un-Toit-Pour-2026";

    private sealed record Applicant(long RequestId, string Reference, string Email, string Name);

    [Fact]
    public async Task A_manager_allocates_a_dwelling_to_one_request_and_refuses_the_other_and_each_person_reads_the_decision()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await RequestUnderReviewAsync("Inès", $"Vasseur{suffix}");
        var second = await RequestUnderReviewAsync("Bruno", $"Lemaire{suffix}");

        // The admin looks at the stock the committee allocates from.
        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, "admin@demo.passerelle.fr", DemoPassword);
        await admin.GotoAsync("/admin/logements");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Résidences et logements" })).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "70-parc-logements");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Résidence sociale Les Tilleuls", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Ajouter un logement" })).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "71-residence");
        await admin.GetByRole(AriaRole.Link, new() { Name = "A03", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Logement A03" })).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "72-logement");

        // The manager plans a session and puts both requests on its agenda, presented by Claire Martin.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", DemoPassword);
        await manager.GotoAsync("/suivi/commissions");
        await app.CheckPageAsync(manager, "73-commissions");
        await manager.GetByLabel("Instance", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Commission d'attribution" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Prévoir la séance" }).ClickAsync();
        await Expect(manager.GetByText("composez son ordre du jour")).ToBeVisibleAsync();
        foreach (var a in new[] { first, second })
        {
            await manager.GetByLabel("Situation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Demande {a.Reference} — {a.Name}" });
            await manager.GetByLabel("Présentée par").SelectOptionAsync(new SelectOptionValue { Label = "Claire Martin" });
            await manager.GetByRole(AriaRole.Button, new() { Name = "Inscrire à l'ordre du jour" }).ClickAsync();
            await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(a.Reference)) })).ToBeVisibleAsync();
        }
        await manager.GetByLabel("Nathalie Roche (SIAO du Nord)").CheckAsync();
        await manager.GetByLabel("Romain Responsable").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(manager.GetByText("Présences enregistrées : 2 membres.")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "74-seance-ordre-du-jour");

        // First request: a dwelling.
        var item1 = manager.Locator("article", new() { Has = manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(first.Reference)) }) });
        await item1.GetByText("Attribuer un logement").ClickAsync();
        await item1.GetByLabel("Logement attribué").SelectOptionAsync(new SelectOptionValue { Label = "Résidence sociale Les Tilleuls — A03 (T1, 2 personnes au plus)" });
        await item1.GetByRole(AriaRole.Button, new() { Name = "Attribuer le logement" }).ClickAsync();
        await Expect(manager.GetByText("Le logement est attribué et le séjour est ouvert.")).ToBeVisibleAsync();
        await Expect(item1.GetByText("Référent social désigné : Claire Martin")).ToBeVisibleAsync();

        // Second request: refused, with its reason; an empty reason is refused at the field first.
        const string reason = "Votre situation relève d'une pension de famille : nous transmettons votre dossier au SIAO.";
        var item2 = manager.Locator("article", new() { Has = manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(second.Reference)) }) });
        await item2.GetByText("Refuser ou ajourner").ClickAsync();
        await item2.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Expect(manager.Locator("article", new() { HasText = second.Reference }).GetByText("Un refus doit être motivé")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "75-seance-refus-sans-motif");
        await item2.GetByLabel("Motif").FillAsync(reason);
        await item2.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Expect(manager.GetByText("Le refus est enregistré.")).ToBeVisibleAsync();
        await Expect(item2.GetByText("Motif : " + reason)).ToBeVisibleAsync();

        await manager.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).ClickAsync();
        await Expect(manager.GetByText("La séance est close.")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "76-seance-close");

        // The stay is open in A03, followed by Claire Martin.
        await item1.GetByRole(AriaRole.Link, new() { Name = "Voir le séjour" }).ClickAsync();
        await Expect(manager.Locator("#referent")).ToHaveTextAsync("Claire Martin");
        await Expect(manager.GetByText("A03 — Résidence sociale Les Tilleuls")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "77-sejour");

        // Each person reads the decision on their request's timeline.
        var housed = await app.NewPageAsync(phone: true);
        await app.SignInAsync(housed, first.Email, ApplicantPassword);
        await housed.GotoAsync($"/espace/demandes/{first.RequestId}");
        await Expect(housed.GetByText(new Regex("Logement attribué : A03 \\(Résidence sociale Les Tilleuls\\)")).First).ToBeVisibleAsync();
        await app.CheckPageAsync(housed, "78-demande-logement-attribue");

        var refused = await app.NewPageAsync(phone: true);
        await app.SignInAsync(refused, second.Email, ApplicantPassword);
        await refused.GotoAsync($"/espace/demandes/{second.RequestId}");
        await Expect(refused.GetByText(reason).First).ToBeVisibleAsync();
        await app.CheckPageAsync(refused, "79-demande-refusee");
        var mail = await app.Mail.WaitForAsync(second.Email, where: m => (m.Text ?? "").Contains(reason));
        Assert.Contains(second.Reference, mail.Subject);
    }

    /// A person's request, submitted and taken in charge by the Nord team, written in the database
    /// as the wizard and the worker would leave it.
    private async Task<Applicant> RequestUnderReviewAsync(string firstName, string lastName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"demandeur-{Guid.NewGuid():N}@exemple.fr";
        var name = $"{firstName} {lastName}";
        var person = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(person, ApplicantPassword)).Succeeded);
        await users.AddToRoleAsync(person, Roles.Resident);

        var now = DateTime.UtcNow.AddHours(-2);
        var request = HousingRequest.NewDraft(person.Id, person.FullName, person.PhoneNumber, now);
        request.DescribeHousehold([new MemberDetails(null, firstName, lastName, new DateOnly(1988, 6, 2), Relationship.Applicant)], false, request.Phone, null, null);
        request.ShowApplicantAs(name, $"{lastName} {firstName}");
        request.RouteTo(await db.Teams.Where(t => t.Name == "Nord").Select(t => t.Id).SingleAsync());
        request.DescribeWishes(Typologies.None, "Lille", AccessibilityNeeds.None, null, null, null);
        request.DeclareIncomes([new IncomeLine(IncomeKind.Salary, 1150m)]);
        db.HousingRequests.Add(request);
        await db.SaveChangesAsync();
        request.Move(RequestAction.Submit, person.Id, person.FullName, now);
        request.Move(RequestAction.TakeInCharge, null, "Claire Martin", now.AddMinutes(30));
        await db.SaveChangesAsync();
        return new Applicant(request.Id, request.Reference!, email, name);
    }
}
