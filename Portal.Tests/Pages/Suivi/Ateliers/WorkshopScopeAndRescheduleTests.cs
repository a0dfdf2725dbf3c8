using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Formatting;
using Portal.Domain.Workshops;
using Portal.Testing;
using static Portal.Testing.WorkshopData;

namespace Portal.Tests.Pages.Suivi.Ateliers;

[Collection(PortalCollection.Name)]
public class WorkshopScopeAndRescheduleTests(PortalApp app)
{
    private static Dictionary<string, string> EditForm(string theme, string? description, int placeId, DateOnly day, string time, int duration, int seats, string leaderId, int? teamId) => new()
    {
        ["Input.Theme"] = theme, ["Input.Description"] = description ?? "", ["Input.PlaceId"] = $"{placeId}",
        ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = time,
        ["Input.Duration"] = $"{duration}", ["Input.Seats"] = $"{seats}", ["Input.LeaderId"] = leaderId,
        ["Input.TeamId"] = teamId?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    /// The text of the error shown under a field of the edition form.
    private static string FieldError(string html, string id)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, $"<span[^>]*id=\"{id}-error\"[^>]*>([^<]*)</span>");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : "";
    }

    [Fact]
    public async Task The_edition_page_shows_a_refused_change_at_the_field_it_concerns_and_keeps_what_was_typed()
    {
        var (id, theme) = await SessionAsync(app, 2, DateTime.UtcNow.AddDays(4));
        var stored = await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => new { w.StartsAtUtc, w.PlaceId, w.LeaderId }).SingleAsync());
        var (start, place, leader) = (stored.StartsAtUtc, stored.PlaceId, stored.LeaderId);
        await LineAsync(app, id, (await ResidentAsync(app)).Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-30));
        await LineAsync(app, id, (await ResidentAsync(app)).Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-20));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var paris = French.ToParis(start);
        var day = DateOnly.FromDateTime(paris);
        var time = paris.ToString("HH:mm", CultureInfo.InvariantCulture);

        var fewer = await Forms.PostAsync(worker, $"/suivi/ateliers/edition/{id}", EditForm($"{theme} bis", null, place, day, time, 90, 1, leader, null));
        Assert.Equal(HttpStatusCode.OK, fewer.StatusCode);
        var html = await fewer.HtmlAsync();
        Assert.Equal("2 personnes sont déjà inscrites ou ont une place proposée : la séance ne peut pas compter moins de places.", FieldError(html, "seats"));
        Assert.Contains($"value=\"{theme} bis\"", WebUtility.HtmlDecode(html));

        var past = await Forms.PostAsync(worker, $"/suivi/ateliers/edition/{id}", EditForm(theme, null, place, DateOnly.FromDateTime(French.ToParis(DateTime.UtcNow)).AddDays(-1), time, 90, 2, leader, null));
        Assert.Equal("Choisissez une date et une heure à venir.", FieldError(await past.HtmlAsync(), "date"));
        var after = await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => new { w.Theme, w.StartsAtUtc, w.Seats }).SingleAsync());
        Assert.Equal((theme, start, 2), (after.Theme, after.StartsAtUtc, after.Seats));
    }

    [Fact]
    public async Task Moving_a_session_emails_everyone_registered_offered_or_waiting_the_new_date_and_place()
    {
        var oldStart = DateTime.UtcNow.AddDays(5);
        var (id, _) = await SessionAsync(app, 1, oldStart);
        oldStart = await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => w.StartsAtUtc).SingleAsync());
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        var gone = await ResidentAsync(app);
        await LineAsync(app, id, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-30));
        await LineAsync(app, id, ben.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-20));
        await LineAsync(app, id, gone.Id, RegistrationStatus.Withdrawn, DateTime.UtcNow.AddMinutes(-10));
        var (newPlace, leader) = await app.WithDbAsync(async db => (
            await db.Places.Where(p => p.Name == "Permanence Maison de quartier Nord").Select(p => p.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync()));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var theme = $"Budget {Guid.NewGuid().ToString("N")[..6]} <i>malin</i>";
        var day = DateOnly.FromDateTime(French.ToParis(DateTime.UtcNow)).AddDays(9);

        var response = await Forms.PostAsync(worker, $"/suivi/ateliers/edition/{id}", EditForm(theme, "Même description.", newPlace, day, "15:45", 120, 1, leader, null));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newStart = await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => w.StartsAtUtc).SingleAsync());
        Assert.Equal("15:45", French.ToParis(newStart).ToString("HH:mm", CultureInfo.InvariantCulture));

        foreach (var person in new[] { ana, ben })
        {
            var mail = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.StartsWith("Atelier modifié") && m.Subject.Contains(theme));
            Assert.Contains($"Nouvelle date : le {French.DateTimeLong(newStart)} (heure de Paris), durée 120 minutes.", mail.Text);
            Assert.Contains("Nouveau lieu : Permanence Maison de quartier Nord", mail.Text);
            Assert.Contains($"Auparavant : le {French.DateTimeLong(oldStart)} (heure de Paris), durée 90 minutes, Bureau de l'association", mail.Text);
            Assert.EndsWith($"/espace/ateliers/{id}", MailDev.LinkIn(mail, $"/espace/ateliers/{id}"));
            Assert.Contains("&lt;i&gt;malin&lt;/i&gt;", mail.Html);
            Assert.DoesNotContain("<i>malin</i>", mail.Html);
        }
        // Someone who withdrew is not told.
        Assert.False(await app.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == gone.Email)));

        // Changing only the description and the seats says nothing about the date.
        response = await Forms.PostAsync(worker, $"/suivi/ateliers/edition/{id}", EditForm(theme, "Nouvelle description.", newPlace, day, "15:45", 120, 2, leader, null));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nouvelle description.", await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => w.Description).SingleAsync()));
        Assert.Equal(RegistrationStatus.Offered, (await LineOfAsync(app, id, ben.Id))!.Status);
        foreach (var person in new[] { ana, ben })
            Assert.Equal(1, await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == person.Email && e.Subject.StartsWith("Atelier modifié"))));
    }

    [Fact]
    public async Task A_worker_reaches_the_sessions_of_their_team_those_they_lead_and_those_of_no_team_a_manager_all()
    {
        var (nordTeam, sudTeam, worker2Id) = await app.WithDbAsync(async db => (
            await db.Teams.Where(t => t.Name == "Nord").Select(t => t.Id).SingleAsync(),
            await db.Teams.Where(t => t.Name == "Sud").Select(t => t.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == PortalApp.Worker2).Select(u => u.Id).SingleAsync()));
        var start = DateTime.UtcNow.AddDays(6);
        var (nord, nordTheme) = await SessionAsync(app, 4, start);
        var (nordLed, nordLedTheme) = await SessionAsync(app, 4, start);
        var (sud, sudTheme) = await SessionAsync(app, 4, start);
        var (open, openTheme) = await SessionAsync(app, 4, start);
        await app.WithDbAsync(async db =>
        {
            await db.Workshops.Where(w => w.Id == nord).ExecuteUpdateAsync(u => u.SetProperty(w => w.TeamId, nordTeam));
            await db.Workshops.Where(w => w.Id == nordLed).ExecuteUpdateAsync(u => u.SetProperty(w => w.TeamId, nordTeam).SetProperty(w => w.LeaderId, worker2Id));
            await db.Workshops.Where(w => w.Id == sud).ExecuteUpdateAsync(u => u.SetProperty(w => w.TeamId, sudTeam).SetProperty(w => w.LeaderId, worker2Id));
            return 0;
        });

        // A worker of team Sud: the Nord session does not exist for them, on its page and every handler.
        var sudWorker = await app.SignedInAsync(PortalApp.Worker2);
        var list = await sudWorker.TextAsync("/suivi/ateliers");
        Assert.Contains(sudTheme, list);
        Assert.Contains(openTheme, list);
        Assert.Contains(nordLedTheme, list);
        Assert.DoesNotContain(nordTheme, list);
        Assert.Equal(HttpStatusCode.NotFound, (await sudWorker.GetAsync(StaffUrl(nord))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sudWorker.GetAsync($"/suivi/ateliers/edition/{nord}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sudWorker.GetAsync(StaffUrl(nordLed))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sudWorker.GetAsync(StaffUrl(open))).StatusCode);

        var token = Forms.Token(await (await sudWorker.GetAsync("/suivi/ateliers/edition")).HtmlAsync());
        var place = await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == nord).Select(w => w.PlaceId).SingleAsync());
        var day = DateOnly.FromDateTime(French.ToParis(DateTime.UtcNow)).AddDays(8);
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"{StaffUrl(nord)}?handler=Seats", new() { ["places"] = "9" }),
            ($"{StaffUrl(nord)}?handler=Cancel", new() { ["confirmer"] = "oui" }),
            ($"{StaffUrl(nord)}?handler=Attendance", new() { ["presence[x]"] = "present" }),
            (StaffUrl(nord), new()),
            ($"/suivi/ateliers/edition/{nord}", EditForm("Détourné", null, place, day, "10:00", 60, 9, worker2Id, sudTeam)),
        };
        foreach (var (url, fields) in posts)
        {
            var response = await sudWorker.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}");
        }
        var untouched = await app.WithDbAsync(db => db.Workshops.AsNoTracking().SingleAsync(w => w.Id == nord));
        Assert.Equal((nordTheme, 4, false, (int?)nordTeam), (untouched.Theme, untouched.Seats, untouched.IsCancelled, untouched.TeamId));

        // A worker cannot hand a session they reach to another team they would no longer reach.
        var refused = await Forms.PostAsync(sudWorker, $"/suivi/ateliers/edition/{sud}", EditForm(sudTheme, null, place, day, "10:00", 60, 4,
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync()), nordTeam));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("vous ne pourriez plus y accéder", WebUtility.HtmlDecode(await refused.HtmlAsync()));
        Assert.Equal(sudTeam, await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == sud).Select(w => w.TeamId).SingleAsync()));

        // The Nord worker reaches the Nord session, not the Sud one they do not lead; a manager reaches all.
        var nordWorker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.OK, (await nordWorker.GetAsync(StaffUrl(nord))).StatusCode);
        Assert.DoesNotContain(sudTheme, await nordWorker.TextAsync("/suivi/ateliers"));
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var all = await manager.TextAsync("/suivi/ateliers");
        foreach (var theme in new[] { nordTheme, nordLedTheme, sudTheme, openTheme }) Assert.Contains(theme, all);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/suivi/ateliers/edition/{nord}")).StatusCode);
        var seats = await Forms.PostAsync(manager, StaffUrl(nord), new() { ["places"] = "6" }, handler: "Seats");
        Assert.Equal(HttpStatusCode.Redirect, seats.StatusCode);
        Assert.Equal(6, await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == nord).Select(w => w.Seats).SingleAsync()));

        // Residents still see every upcoming session, whatever its team.
        var resident = await ResidentAsync(app);
        var page = await resident.Client.TextAsync(ResidentUrl);
        Card(page, nord);
        Card(page, sud);
    }
}
