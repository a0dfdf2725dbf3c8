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
using Portal.E2E.Pages.Admin.Logements;
using Portal.E2E.Pages.Espace.Demandes;
using Portal.E2E.Pages.Suivi.Commissions;
using Portal.E2E.Pages.Suivi.Sejours;
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
        var stock = new StockPage(admin);
        await stock.GotoAsync();
        await Expect(stock.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "70-parc-logements");
        await stock.OpenResidenceAsync("Résidence sociale Les Tilleuls");
        var residence = new ResidencePage(admin);
        await Expect(residence.AddDwelling).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "71-residence");
        await residence.OpenDwellingAsync("A03");
        await Expect(new DwellingPage(admin).Title("A03")).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "72-logement");

        // The manager plans a session and puts both requests on its agenda, presented by Claire Martin.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", DemoPassword);
        var committees = new CommitteesPage(manager);
        await committees.GotoAsync();
        await app.CheckPageAsync(manager, "73-commissions");
        await committees.PlanSessionAsync("Commission d'attribution");
        var session = new CommitteeSessionPage(manager);
        await Expect(session.Text("composez son ordre du jour")).ToBeVisibleAsync();
        foreach (var a in new[] { first, second })
        {
            await session.PutOnTheAgendaAsync($"Demande {a.Reference} — {a.Name}", "Claire Martin");
            await Expect(session.ItemTitle(a.Reference)).ToBeVisibleAsync();
        }
        await session.RecordAttendanceAsync("Nathalie Roche (SIAO du Nord)", "Romain Responsable");
        await Expect(session.Text("Présences enregistrées : 2 membres.")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "74-seance-ordre-du-jour");

        // First request: a dwelling.
        var item1 = session.Item(first.Reference);
        await session.AllocateAsync(item1, "Résidence sociale Les Tilleuls — A03 (T1, 2 personnes au plus)");
        await Expect(session.Text("Le logement est attribué et le séjour est ouvert.")).ToBeVisibleAsync();
        await Expect(item1.GetByText("Référent social désigné : Claire Martin")).ToBeVisibleAsync();

        // Second request: refused, with its reason; an empty reason is refused at the field first.
        const string reason = "Votre situation relève d'une pension de famille : nous transmettons votre dossier au SIAO.";
        var item2 = session.Item(second.Reference);
        await session.OpenRefusalAsync(item2);
        await session.RefuseAsync(item2);
        await Expect(session.ItemWith(second.Reference).GetByText("Un refus doit être motivé")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "75-seance-refus-sans-motif");
        await session.FillRefusalReasonAsync(item2, reason);
        await session.RefuseAsync(item2);
        await Expect(session.Text("Le refus est enregistré.")).ToBeVisibleAsync();
        await Expect(item2.GetByText("Motif : " + reason)).ToBeVisibleAsync();

        await session.CloseAsync();
        await Expect(session.Text("La séance est close.")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "76-seance-close");

        // The stay is open in A03, followed by Claire Martin.
        await session.OpenStayAsync(item1);
        var stay = new StayPage(manager);
        await Expect(stay.Referent).ToHaveTextAsync("Claire Martin");
        await Expect(stay.Text("A03 — Résidence sociale Les Tilleuls")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "77-sejour");

        // Each person reads the decision on their request's timeline.
        var housed = await app.NewPageAsync(phone: true);
        await app.SignInAsync(housed, first.Email, ApplicantPassword);
        var housedRequest = new RequestPage(housed);
        await housedRequest.GotoAsync(first.RequestId);
        await Expect(housedRequest.Text(new Regex("Logement attribué : A03 \\(Résidence sociale Les Tilleuls\\)")).First).ToBeVisibleAsync();
        await app.CheckPageAsync(housed, "78-demande-logement-attribue");

        var refused = await app.NewPageAsync(phone: true);
        await app.SignInAsync(refused, second.Email, ApplicantPassword);
        var refusedRequest = new RequestPage(refused);
        await refusedRequest.GotoAsync(second.RequestId);
        await Expect(refusedRequest.Text(reason).First).ToBeVisibleAsync();
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
