using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.HousingData;

namespace Portal.Tests.Pages.Suivi.Commissions;

[Collection(PortalCollection.Name)]
public class CommitteeTests(PortalApp app)
{
    [Fact]
    public async Task Allocation_of_an_occupied_dwelling_is_refused_with_the_reason_at_the_field()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T2);
        var occupant = await HouseholdAsync(app, "Nord");
        await StayAsync(app, occupant, dwellings[0], DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2));
        var candidate = await HouseholdAsync(app, "Nord");
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, candidate));

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var response = await PostSessionAsync(manager, SessionUrl(session), Allocation(items[0], dwellings[0]), "Allocate");
        var html = await response.TextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("L1 est occupé le", FieldError(html, $"alloc-dwelling-{items[0]}"));
        Assert.Contains("enregistrez d'abord la sortie du ménage en place", FieldError(html, $"alloc-dwelling-{items[0]}"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Stays.CountAsync(s => s.HouseholdId == candidate)));
        Assert.Null(await app.WithDbAsync(db => db.AgendaItems.AsNoTracking().Where(i => i.Id == items[0]).AsNoTracking().Select(i => i.Decision).SingleAsync()));
    }

    [Fact]
    public async Task Allocation_of_a_too_small_dwelling_is_refused_with_the_reason_at_the_field()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T1);
        var family = await HouseholdAsync(app, "Nord", persons: 3);
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, family));

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var html = await (await PostSessionAsync(manager, SessionUrl(session), Allocation(items[0], dwellings[0]), "Allocate")).TextAsync();

        Assert.Equal("Le logement L1 (T1) accueille au plus 2 personnes : le ménage en compte 3.", FieldError(html, $"alloc-dwelling-{items[0]}"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Stays.CountAsync(s => s.DwellingId == dwellings[0])));
    }

    [Fact]
    public async Task Allocation_with_an_entry_before_the_session_shows_the_rule_at_the_entry_date()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T3);
        var household = await HouseholdAsync(app, "Nord", persons: 2);
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, household));

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");
        var html = await (await PostSessionAsync(manager, SessionUrl(session), Allocation(items[0], dwellings[0], entry: yesterday), "Allocate")).TextAsync();

        Assert.Equal("L'entrée dans les lieux ne peut pas précéder la décision.", FieldError(html, $"alloc-entry-{items[0]}"));
        Assert.Equal("", FieldError(html, $"alloc-dwelling-{items[0]}"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Stays.CountAsync(s => s.HouseholdId == household)));
    }

    [Fact]
    public async Task Allocation_opens_the_stay_and_the_presenter_becomes_the_referent()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T3);
        var household = await HouseholdAsync(app, "Nord", persons: 2);
        var (session, items) = await SessionAsync(app, PortalApp.Worker1, (AgendaSubject.Household, household));

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var response = await PostSessionAsync(manager, SessionUrl(session), Allocation(items[0], dwellings[0], months: "9"), "Allocate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stay = await app.WithDbAsync(db => db.Stays.AsNoTracking().SingleAsync(s => s.HouseholdId == household));
        Assert.Equal(dwellings[0], stay.DwellingId);
        Assert.Equal(DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(DateTime.UtcNow)).AddMonths(9), stay.EndsOn);
        var referent = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.Email).FirstOrDefault()).SingleAsync());
        Assert.Equal(PortalApp.Worker1, referent);

        var page = await (await manager.GetAsync(SessionUrl(session))).TextAsync();
        Assert.Contains("Attribution d'un logement", page);
        Assert.Contains("Référent social désigné : <strong>Claire Martin</strong>", page);
        Assert.Contains($"/suivi/sejours/{stay.Id}", page);
        var stayPage = await (await manager.GetAsync($"/suivi/sejours/{stay.Id}")).TextAsync();
        Assert.Contains("<dd id=\"referent\">Claire Martin</dd>", stayPage);
    }

    [Fact]
    public async Task Two_allocations_of_the_same_dwelling_at_once_give_one_stay()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T2);
        var first = await HouseholdAsync(app, "Nord");
        var second = await HouseholdAsync(app, "Nord");
        var (s1, i1) = await SessionAsync(app, null, (AgendaSubject.Household, first));
        var (s2, i2) = await SessionAsync(app, null, (AgendaSubject.Household, second));
        var a = await app.SignedInAsync(PortalApp.Manager);
        var b = await app.SignedInAsync(PortalApp.Manager);

        var responses = await Task.WhenAll(
            PostSessionAsync(a, SessionUrl(s1), Allocation(i1[0], dwellings[0]), "Allocate"),
            PostSessionAsync(b, SessionUrl(s2), Allocation(i2[0], dwellings[0]), "Allocate"));

        Assert.Equal(1, await app.WithDbAsync(db => db.Stays.CountAsync(s => s.DwellingId == dwellings[0])));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.TextAsync();
        var item = refused == responses[0] ? i1[0] : i2[0];
        var error = FieldError(html, $"alloc-dwelling-{item}");
        Assert.True(error == "Ce logement vient d'être attribué." || error.Contains("est occupé le"), error);
        // The loser's decision was not kept.
        Assert.Equal(1, await app.WithDbAsync(db => db.AgendaItems.CountAsync(i => (i.Id == i1[0] || i.Id == i2[0]) && i.Decision != null)));
    }

    [Fact]
    public async Task Worker_of_another_team_neither_sees_nor_decides_the_item_and_a_worker_of_the_team_reads_but_cannot_decide()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T2);
        var name = Unique("SUDISTE");
        var household = await HouseholdAsync(app, "Sud", name: name);
        var (session, items) = await SessionAsync(app, PortalApp.Worker2, (AgendaSubject.Household, household));

        var nord = await app.SignedInAsync(PortalApp.Worker1);
        var page = await nord.GetAsync(SessionUrl(session));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.TextAsync();
        Assert.DoesNotContain(name, html);
        Assert.Contains("1 autre situation hors de votre équipe", html);
        foreach (var handler in new[] { "Allocate", "Support", "Aid", "Refuse", "Postpone" })
        {
            var fields = Allocation(items[0], dwellings[0]);
            fields["Decide.Reason"] = "Motif";
            var response = await PostSessionAsync(nord, SessionUrl(session), fields, handler);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler} answered {(int)response.StatusCode}");
        }

        var sud = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Contains(name, await (await sud.GetAsync(SessionUrl(session))).TextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSessionAsync(sud, SessionUrl(session), Allocation(items[0], dwellings[0]), "Allocate")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Stays.CountAsync(s => s.DwellingId == dwellings[0])));
    }

    [Fact]
    public async Task Refusal_of_a_request_moves_it_with_the_reason_and_emails_the_person()
    {
        var request = await SuiviData.CreateAsync(app, "Nord", "Agathe", SuiviData.Token(), then: [RequestAction.TakeInCharge]);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var (session, _) = await SessionAsync(app, null);

        // Put on the agenda through the page: the request moves to « présentée en commission ».
        var added = await PostSessionAsync(manager, SessionUrl(session), new() { ["NewItem.Subject"] = $"R:{request.Id}" }, "AddItem");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(RequestStatus.PresentedToCommittee, (await SuiviData.LoadAsync(app, request.Id)).Status);
        var itemId = await app.WithDbAsync(db => db.AgendaItems.AsNoTracking().Where(i => i.CommitteeSessionId == session).Select(i => i.Id).SingleAsync());

        var empty = await (await PostSessionAsync(manager, SessionUrl(session), new() { ["Decide.ItemId"] = itemId.ToString(), ["Decide.Reason"] = " " }, "Refuse")).TextAsync();
        Assert.Contains("Un refus doit être motivé", FieldError(empty, $"reason-{itemId}"));

        const string reason = "Vos ressources permettent un accès direct au parc social.";
        var refused = await PostSessionAsync(manager, SessionUrl(session), new() { ["Decide.ItemId"] = itemId.ToString(), ["Decide.Reason"] = reason }, "Refuse");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var moved = await SuiviData.LoadAsync(app, request.Id);
        Assert.Equal(RequestStatus.Refused, moved.Status);
        Assert.Contains(moved.Events, e => e.ToStatus == RequestStatus.Refused && e.Note == reason && e.VisibleToApplicant);
        var mail = await app.Mail.WaitForAsync(request.Email, where: m => m.Subject.Contains("Refusée", StringComparison.OrdinalIgnoreCase) || (m.Text ?? "").Contains(reason));
        Assert.Contains(reason, mail.Text);

        // Every item decided: the session closes.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session), [], "Close")).StatusCode);
        Assert.Equal(SessionStatus.Closed, await app.WithDbAsync(db => db.CommitteeSessions.Where(s => s.Id == session).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Allocation_for_a_request_opens_the_household_and_tells_the_person()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T2);
        var request = await SuiviData.CreateAsync(app, "Nord", "Basile", SuiviData.Token(), then: [RequestAction.TakeInCharge, RequestAction.PresentToCommittee]);
        var (session, items) = await SessionAsync(app, PortalApp.Worker1, (AgendaSubject.Request, request.Id));
        var manager = await app.SignedInAsync(PortalApp.Manager);

        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session), Allocation(items[0], dwellings[0]), "Allocate")).StatusCode);

        var household = await app.WithDbAsync(db => db.Households.AsNoTracking().Include(h => h.Persons).SingleAsync(h => h.HousingRequestId == request.Id));
        Assert.Equal(request.ApplicantId, household.ResidentId);
        Assert.Single(household.Persons);
        Assert.Equal(PortalApp.Worker1, await app.WithDbAsync(db => db.Users.Where(u => u.Id == household.ReferentId).Select(u => u.Email).SingleAsync()));
        Assert.Equal(dwellings[0], await app.WithDbAsync(db => db.Stays.Where(s => s.HouseholdId == household.Id).Select(s => s.DwellingId).SingleAsync()));
        Assert.Equal(RequestStatus.HousingOffered, (await SuiviData.LoadAsync(app, request.Id)).Status);
        var mail = await app.Mail.WaitForAsync(request.Email, where: m => (m.Text ?? "").Contains("Logement attribué"));
        Assert.Contains("L1", mail.Text);
    }

    [Fact]
    public async Task Aid_without_a_fund_for_the_year_is_refused_in_French_and_closing_waits_for_every_decision()
    {
        var household = await HouseholdAsync(app, "Nord");
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, household));
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var html = await (await PostSessionAsync(manager, SessionUrl(session), new()
        {
            ["Decide.ItemId"] = items[0].ToString(), ["Decide.MonthlyAmount"] = "120,50", ["Decide.Months"] = "3", ["Decide.StartMonth"] = "2090-01-01",
        }, "Aid")).TextAsync();
        Assert.Equal("Aucun budget du fonds d'aide n'est ouvert pour 2090.", FieldError(html, $"aid-amount-{items[0]}"));

        var close = await (await PostSessionAsync(manager, SessionUrl(session), [], "Close")).TextAsync();
        Assert.Contains("Une situation de l'ordre du jour attend encore sa décision.", close);

        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session),
            new() { ["Decide.ItemId"] = items[0].ToString(), ["Decide.Reason"] = "Dossier incomplet." }, "Postpone")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session), [], "Close")).StatusCode);
        var page = await (await manager.GetAsync(SessionUrl(session))).TextAsync();
        Assert.Contains("Ajournement", page);
        Assert.Contains("Motif : Dossier incomplet.", page);
    }

    [Fact]
    public async Task Manager_creates_a_committee_a_member_and_a_session()
    {
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var empty = await (await Forms.PostAsync(manager, "/suivi/commissions", new() { ["NewCommittee.Name"] = "" }, "Committee")).TextAsync();
        Assert.Contains("Indiquez le nom de l'instance.", empty);
        Assert.Contains("Choisissez le type d'instance.", empty);

        var name = Unique("Comité technique");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["NewCommittee.Name"] = name, ["NewCommittee.Kind"] = "TechnicalCommittee" }, "Committee")).StatusCode);
        var committeeId = await app.WithDbAsync(db => db.Committees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["NewMember.CommitteeId"] = committeeId.ToString(), ["NewMember.Name"] = "Jeanne Partenaire", ["NewMember.Organisation"] = "CCAS de Lille" }, "Member")).StatusCode);
        var created = await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["NewSession.CommitteeId"] = committeeId.ToString(), ["NewSession.HeldOn"] = "2030-03-14" }, "Session");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await (await manager.GetAsync(created.Headers.Location!.ToString())).TextAsync();
        Assert.Contains("Séance du 14 mars 2030", page);
        Assert.Contains("Jeanne Partenaire (CCAS de Lille)", page);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(worker, "/suivi/commissions",
            new() { ["NewCommittee.Name"] = Unique("Refusé"), ["NewCommittee.Kind"] = "DecisionBody" }, "Committee")).StatusCode);
    }

    [Fact]
    public async Task Garbage_posts_never_answer_500()
    {
        var household = await HouseholdAsync(app, "Nord");
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, household));
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var garbage = new Dictionary<string, string>
        {
            ["Decide.ItemId"] = "abc", ["Decide.DwellingId"] = "-1", ["Decide.EntryOn"] = "31/02/2020", ["Decide.Months"] = "9999999999999",
            ["Decide.SupportKind"] = "42", ["Decide.Funder"] = "x", ["Decide.StartsOn"] = "hier", ["Decide.MonthlyAmount"] = "1e999",
            ["Decide.StartMonth"] = "0000-00-00", ["Decide.Reason"] = "\u0000", ["NewItem.Subject"] = "R:99999999999999999999",
            ["NewItem.PresentedById"] = "nobody", ["Attendance.Present"] = "zz",
            ["NewCommittee.Kind"] = "999", ["NewMember.CommitteeId"] = "x", ["NewSession.CommitteeId"] = "-5", ["NewSession.HeldOn"] = "x",
            ["Schedule.HeldOn"] = "32/13/2026", ["Removal.ItemId"] = "abc", ["memberId"] = "-x", ["active"] = "peut-être",
        };
        foreach (var handler in new[] { "Allocate", "Support", "Aid", "Refuse", "Postpone", "AddItem", "Attendance", "Reschedule", "RemoveItem", "Close", "Nope" })
        {
            var r = await PostSessionAsync(manager, SessionUrl(session), garbage, handler);
            Assert.True((int)r.StatusCode < 500, $"{handler} answered {(int)r.StatusCode}");
            var withItem = new Dictionary<string, string>(garbage) { ["Decide.ItemId"] = items[0].ToString() };
            r = await PostSessionAsync(manager, SessionUrl(session), withItem, handler);
            Assert.True((int)r.StatusCode < 500, $"{handler} with item answered {(int)r.StatusCode}");
        }
        foreach (var handler in new[] { "Committee", "Member", "MemberActive", "Session" })
        {
            var r = await Forms.PostAsync(manager, "/suivi/commissions", garbage, handler);
            Assert.True((int)r.StatusCode < 500, $"{handler} answered {(int)r.StatusCode}");
        }
        Assert.Null(await app.WithDbAsync(db => db.AgendaItems.AsNoTracking().Where(i => i.Id == items[0]).AsNoTracking().Select(i => i.Decision).SingleAsync()));
    }
}
