using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.HousingData;

namespace Portal.Tests.Pages.Suivi.Commissions;

/// A manager moves a session, takes a situation off its agenda, and (de)activates members.
[Collection(PortalCollection.Name)]
public class SessionChangesTests(PortalApp app)
{
    private Task<DateOnly> HeldOnAsync(long session) =>
        app.WithDbAsync(db => db.CommitteeSessions.Where(s => s.Id == session).Select(s => s.HeldOn).SingleAsync());

    [Fact]
    public async Task Manager_moves_a_planned_session_until_a_decision_is_taken()
    {
        var household = await HouseholdAsync(app, "Nord");
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, household));
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var empty = await (await PostSessionAsync(manager, SessionUrl(session), new() { ["Schedule.HeldOn"] = "" }, "Reschedule")).TextAsync();
        Assert.Equal("Indiquez la nouvelle date de la séance.", FieldError(empty, "schedule-date"));

        var moved = await PostSessionAsync(manager, SessionUrl(session), new() { ["Schedule.HeldOn"] = "2031-06-12" }, "Reschedule");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new DateOnly(2031, 6, 12), await HeldOnAsync(session));
        var page = await (await manager.GetAsync(SessionUrl(session))).TextAsync();
        Assert.Contains("<h1>Séance du 12 juin 2031</h1>", page);
        Assert.Contains("est déplacée au 12 juin 2031", page);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSessionAsync(worker, SessionUrl(session), new() { ["Schedule.HeldOn"] = "2031-07-01" }, "Reschedule")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session),
            new() { ["Decide.ItemId"] = items[0].ToString(), ["Decide.Reason"] = "Attendre le bilan." }, "Postpone")).StatusCode);
        var decided = await (await manager.GetAsync(SessionUrl(session))).TextAsync();
        Assert.DoesNotContain("name=\"Schedule.HeldOn\"", decided);
        Assert.Contains("Des décisions sont déjà prises : la date de la séance ne peut plus changer.", decided);

        var refused = await PostSessionAsync(manager, SessionUrl(session), new() { ["Schedule.HeldOn"] = "2031-09-01" }, "Reschedule");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Des décisions sont déjà prises : la date de la séance ne peut plus changer.", FieldError(await refused.TextAsync(), "schedule-date"));
        Assert.Equal(new DateOnly(2031, 6, 12), await HeldOnAsync(session));
    }

    [Fact]
    public async Task Manager_takes_an_undecided_request_off_the_agenda_and_its_status_stays()
    {
        var request = await SuiviData.CreateAsync(app, "Nord", "Margot", SuiviData.Token(), then: [RequestAction.TakeInCharge]);
        var first = await HouseholdAsync(app, "Nord");
        var (session, items) = await SessionAsync(app, null, (AgendaSubject.Household, first));
        var manager = await app.SignedInAsync(PortalApp.Manager);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session), new() { ["NewItem.Subject"] = $"R:{request.Id}" }, "AddItem")).StatusCode);
        var before = await SuiviData.LoadAsync(app, request.Id);
        Assert.Equal(RequestStatus.PresentedToCommittee, before.Status);
        var itemId = await app.WithDbAsync(db => db.AgendaItems.Where(i => i.CommitteeSessionId == session && i.Subject == AgendaSubject.Request).Select(i => i.Id).SingleAsync());

        var worker2 = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.NotFound, (await PostSessionAsync(worker2, SessionUrl(session), new() { ["Removal.ItemId"] = itemId.ToString() }, "RemoveItem")).StatusCode);
        var worker1 = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSessionAsync(worker1, SessionUrl(session), new() { ["Removal.ItemId"] = itemId.ToString() }, "RemoveItem")).StatusCode);

        // The first item is decided: it cannot be taken off, the reason is shown.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(session),
            new() { ["Decide.ItemId"] = items[0].ToString(), ["Decide.Reason"] = "Attendre le bilan." }, "Postpone")).StatusCode);
        var refused = await PostSessionAsync(manager, SessionUrl(session), new() { ["Removal.ItemId"] = items[0].ToString() }, "RemoveItem");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Une situation déjà décidée ne peut pas être retirée de l'ordre du jour.", await refused.TextAsync());

        var removed = await PostSessionAsync(manager, SessionUrl(session), new() { ["Removal.ItemId"] = itemId.ToString() }, "RemoveItem");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AgendaItems.AnyAsync(i => i.Id == itemId)));
        Assert.True(await app.WithDbAsync(db => db.AgendaItems.AnyAsync(i => i.Id == items[0])));
        var after = await SuiviData.LoadAsync(app, request.Id);
        Assert.Equal(RequestStatus.PresentedToCommittee, after.Status);
        Assert.Equal(before.Events.Count, after.Events.Count);

        var page = await (await manager.GetAsync(SessionUrl(session))).TextAsync();
        Assert.Contains("La situation est retirée de l'ordre du jour.", page);
        Assert.DoesNotContain($"id=\"point-{itemId}\"", page);
        // Back among the situations that can be put on an agenda.
        Assert.Contains($"value=\"R:{request.Id}\"", page);
    }

    [Fact]
    public async Task Inactive_member_is_not_offered_for_new_sessions_but_stays_on_past_attendance()
    {
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var (past, _) = await SessionAsync(app, null);
        var committeeId = await app.WithDbAsync(db => db.CommitteeSessions.Where(s => s.Id == past).Select(s => s.CommitteeId).SingleAsync());
        var leaving = Unique("Paul Partant");
        var staying = Unique("Rose Restante");
        var (leavingId, stayingId) = await app.WithDbAsync(async db =>
        {
            var a = new CommitteeMember { CommitteeId = committeeId, Name = leaving, Organisation = "CAF" };
            var b = new CommitteeMember { CommitteeId = committeeId, Name = staying };
            db.CommitteeMembers.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, SessionUrl(past), new() { ["Attendance.Present"] = leavingId.ToString() }, "Attendance")).StatusCode);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(worker, "/suivi/commissions",
            new() { ["memberId"] = leavingId.ToString(), ["active"] = "false" }, "MemberActive")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["memberId"] = "0", ["active"] = "false" }, "MemberActive")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["memberId"] = leavingId.ToString(), ["active"] = "false" }, "MemberActive")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CommitteeMembers.Where(m => m.Id == leavingId).Select(m => m.IsActive).SingleAsync()));
        var index = await (await manager.GetAsync("/suivi/commissions")).TextAsync();
        Assert.Contains($"{leaving} n'est plus membre actif", index);
        var row = System.Text.RegularExpressions.Regex.Match(index, $"<li id=\"membre-{leavingId}\">.*?</li>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Inactif", row);
        Assert.Contains("Réactiver", row);

        // The session where they were present still lists them; a new session does not offer them.
        var pastPage = await (await manager.GetAsync(SessionUrl(past))).TextAsync();
        Assert.Contains($"id=\"present-{leavingId}\"", pastPage);
        var created = await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["NewSession.CommitteeId"] = committeeId.ToString(), ["NewSession.HeldOn"] = "2031-01-20" }, "Session");
        var newUrl = created.Headers.Location!.ToString();
        var newPage = await (await manager.GetAsync(newUrl)).TextAsync();
        Assert.DoesNotContain(leaving, newPage);
        Assert.Contains($"id=\"present-{stayingId}\"", newPage);
        // Posting their id anyway does not record them.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSessionAsync(manager, newUrl, new() { ["Attendance.Present"] = leavingId.ToString() }, "Attendance")).StatusCode);
        var newId = long.Parse(newUrl.TrimEnd('/').Split('/')[^1]);
        Assert.False(await app.WithDbAsync(db => db.CommitteeAttendances.AnyAsync(a => a.CommitteeSessionId == newId && a.CommitteeMemberId == leavingId)));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, "/suivi/commissions",
            new() { ["memberId"] = leavingId.ToString(), ["active"] = "true" }, "MemberActive")).StatusCode);
        Assert.Contains($"id=\"present-{leavingId}\"", await (await manager.GetAsync(newUrl)).TextAsync());
    }
}
