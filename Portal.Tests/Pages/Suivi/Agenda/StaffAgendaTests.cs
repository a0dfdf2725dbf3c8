using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Testing;
using static Portal.Tests.Pages.Suivi.Agenda.StaffAgendaData;

namespace Portal.Tests.Pages.Suivi.Agenda;

[Collection(PortalCollection.Name)]
public class StaffAgendaTests(PortalApp app)
{
    private const string Hours = "/suivi/agenda/horaires";
    private const string Book = "/suivi/agenda/reserver";

    private static Dictionary<string, string> Opening(int place, DayOfWeek day, string start, string end) => new()
    {
        ["OuvLieu"] = I(place), ["OuvJour"] = I((int)day), ["OuvDebut"] = start, ["OuvFin"] = end,
    };

    private async Task<string> ResidentSlotsPageAsync(HttpClient resident, int motif, int place) =>
        await (await resident.GetAsync($"{AppointmentData.BookUrl}?motif={motif}&lieu={place}")).TextAsync();

    [Fact]
    public async Task Worker_adds_weekly_hours_and_overlapping_ones_are_refused_in_French()
    {
        var nord = await TeamIdAsync(app, "Nord");
        var worker = await WorkerAsync(app, nord);
        var client = await app.SignedInAsync(worker.Email);
        var office = await PlaceAsync(app);
        var permanence = await PlaceAsync(app, PlaceKind.Permanence);

        var ok = await Forms.PostAsync(client, Hours, Opening(office, DayOfWeek.Tuesday, "09:00", "12:00"), "Opening");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await (await client.GetAsync(Hours)).TextAsync();
        Assert.Contains("09:00–12:00", page);
        Assert.Contains("Horaires ajoutés", page);

        // Same worker, another place, overlapping time: refused at the field, nothing stored.
        var clash = await Forms.PostAsync(client, Hours, Opening(permanence, DayOfWeek.Tuesday, "11:30", "14:00"), "Opening");
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        var html = await clash.TextAsync();
        Assert.Contains("Ces horaires chevauchent ceux du mardi de 09:00 à 12:00", html);
        Assert.Contains("id=\"ouvdebut-error\"", html);

        // Back to back is fine; an end before the start is refused by the domain's rule.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, Hours, Opening(permanence, DayOfWeek.Tuesday, "12:00", "14:00"), "Opening")).StatusCode);
        var reversed = await (await Forms.PostAsync(client, Hours, Opening(permanence, DayOfWeek.Friday, "14:00", "10:00"), "Opening")).TextAsync();
        Assert.Contains("L'heure de fin doit être après l'heure de début.", reversed);
        var missing = await (await Forms.PostAsync(client, Hours, new() { ["OuvLieu"] = "", ["OuvJour"] = "9", ["OuvDebut"] = "25:99" }, "Opening")).TextAsync();
        Assert.Contains("Choisissez un lieu dans la liste.", missing);
        Assert.Contains("Choisissez le jour.", missing);
        Assert.Contains("L'heure n'est pas valide", missing);

        var rows = await app.WithDbAsync(db => db.WorkerOpenings.Where(o => o.WorkerId == worker.Id).OrderBy(o => o.Start).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(new TimeOnly(12, 0), rows[1].Start);

        // Another worker's hours: a worker may not open them, a manager may.
        var other = await WorkerAsync(app, nord);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Hours}?travailleur={other.Id}")).StatusCode);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var byManager = await Forms.PostAsync(manager, $"{Hours}?travailleur={other.Id}", Opening(office, DayOfWeek.Monday, "14:00", "15:00"), "Opening");
        Assert.Equal(HttpStatusCode.Redirect, byManager.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.WorkerOpenings.AnyAsync(o => o.WorkerId == other.Id && o.PlaceId == office)));
    }

    [Fact]
    public async Task Absence_removes_the_slots_offered_to_residents()
    {
        var worker = await WorkerAsync(app, await TeamIdAsync(app, "Nord"));
        var client = await app.SignedInAsync(worker.Email);
        var place = await PlaceAsync(app);
        var motif = await MotifAsync(app);
        var day = ParisToday().AddDays(3);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, Hours, Opening(place, day.DayOfWeek, "09:00", "10:00"), "Opening")).StatusCode);

        var resident = await app.SignedInAsync((await ResidentAsync(app)).Email);
        var before = SlotStarts(await ResidentSlotsPageAsync(resident, motif, place));
        Assert.Contains(ParisToUtc(day, 9, 0), before);
        Assert.Contains(ParisToUtc(day, 9, 30), before);
        Assert.Contains(ParisToUtc(day.AddDays(7), 9, 0), before);

        var absence = await Forms.PostAsync(client, Hours, new()
        {
            ["AbsNature"] = "Formation", ["AbsDebut"] = Local(day, 0, 0), ["AbsFin"] = Local(day.AddDays(1), 0, 0), ["AbsRaison"] = "Formation DALO",
        }, "Absence");
        Assert.Equal(HttpStatusCode.Redirect, absence.StatusCode);
        Assert.Contains("Formation : Formation DALO", await (await client.GetAsync(Hours)).TextAsync());

        var after = SlotStarts(await ResidentSlotsPageAsync(resident, motif, place));
        Assert.DoesNotContain(ParisToUtc(day, 9, 0), after);
        Assert.DoesNotContain(ParisToUtc(day, 9, 30), after);
        Assert.Contains(ParisToUtc(day.AddDays(7), 9, 0), after);

        // An end before the start is refused in French.
        var wrong = await (await Forms.PostAsync(client, Hours, new()
        {
            ["AbsNature"] = "Congé", ["AbsDebut"] = Local(day, 12, 0), ["AbsFin"] = Local(day, 8, 0),
        }, "Absence")).TextAsync();
        Assert.Contains("La fin doit être après le début.", wrong);
    }

    [Fact]
    public async Task Extra_opening_adds_slots_for_residents()
    {
        var worker = await WorkerAsync(app, await TeamIdAsync(app, "Nord"));
        var client = await app.SignedInAsync(worker.Email);
        var place = await PlaceAsync(app);
        var motif = await MotifAsync(app);
        var day = ParisToday().AddDays(4);
        var resident = await app.SignedInAsync((await ResidentAsync(app)).Email);
        Assert.Empty(SlotStarts(await ResidentSlotsPageAsync(resident, motif, place)));

        var extra = await Forms.PostAsync(client, Hours, new() { ["ExtLieu"] = I(place), ["ExtDebut"] = Local(day, 14, 0), ["ExtFin"] = Local(day, 15, 0) }, "Extra");
        Assert.Equal(HttpStatusCode.Redirect, extra.StatusCode);

        var slots = SlotStarts(await ResidentSlotsPageAsync(resident, motif, place));
        Assert.Equal([ParisToUtc(day, 14, 0), ParisToUtc(day, 14, 30)], slots);

        var clash = await (await Forms.PostAsync(client, Hours, new() { ["ExtLieu"] = I(place), ["ExtDebut"] = Local(day, 14, 30), ["ExtFin"] = Local(day, 16, 0) }, "Extra")).TextAsync();
        Assert.Contains("chevauche un autre créneau ponctuel", clash);
    }

    [Fact]
    public async Task Team_planning_shows_every_worker_of_the_team_to_a_manager_and_is_closed_to_other_teams()
    {
        var team = await NewTeamAsync(app);
        var a = await WorkerAsync(app, team);
        var b = await WorkerAsync(app, team);
        var (motif, place) = await SeededAsync(app, "Premier accueil", "Bureau de l'association");
        var monday = new DateOnly(2031, 1, 6).AddDays(7 * Random.Shared.Next(0, 2000));
        var personA = await ResidentAsync(app);
        var personB = await ResidentAsync(app);
        await InsertAsync(app, a.Id, personA.Id, motif, place, ParisToUtc(monday.AddDays(1), 10, 0));
        await InsertAsync(app, b.Id, personB.Id, motif, place, ParisToUtc(monday.AddDays(3), 15, 30));
        var url = $"/suivi/agenda?vue=equipe&equipe={team}&semaine={Day(monday)}";

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var response = await manager.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(personA.Name, html);
        Assert.Contains(personB.Name, html);
        Assert.Contains($"10:00</strong> (60 min) — {a.Name}", html);
        Assert.Contains($"15:30</strong> (60 min) — {b.Name}", html);

        // In place with htmx: the fragment only.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        var partial = await (await manager.SendAsync(request)).TextAsync();
        Assert.DoesNotContain("<html", partial);
        Assert.Contains(personB.Name, partial);

        // Acting from the team view brings the manager back to the team view, same week.
        var personC = await ResidentAsync(app);
        var toCancel = await InsertAsync(app, b.Id, personC.Id, motif, place, ParisToUtc(monday.AddDays(4), 9, 0));
        var form = Forms.Token(await (await manager.GetAsync(url)).TextAsync());
        var cancelled = await manager.PostAsync($"/suivi/agenda?handler=Cancel&id={toCancel}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["vue"] = "equipe", ["equipe"] = team.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var back = cancelled.Headers.Location!.OriginalString;
        Assert.Contains("vue=equipe", back);
        Assert.Contains($"equipe={team}", back);
        Assert.Contains($"semaine={Day(monday)}", back);

        // A worker of another team: 404 on that team, their own team by default.
        var worker1 = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.NotFound, (await worker1.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker1.GetAsync("/suivi/agenda?vue=equipe&equipe=abc")).StatusCode);
        var own = await worker1.GetAsync($"/suivi/agenda?vue=equipe&semaine={Day(monday)}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var ownHtml = await own.TextAsync();
        Assert.Contains("Équipe Nord", ownHtml);
        Assert.DoesNotContain(personA.Name, ownHtml);

        // A member of the team sees the colleague's appointment too.
        var memberA = await app.SignedInAsync(a.Email);
        Assert.Contains(personB.Name, await (await memberA.GetAsync($"/suivi/agenda?vue=equipe&semaine={Day(monday)}")).TextAsync());
    }

    [Fact]
    public async Task Staff_book_for_a_resident_of_their_households_then_move_it_and_the_person_is_emailed()
    {
        var nord = await TeamIdAsync(app, "Nord");
        var worker = await WorkerAsync(app, nord);
        var client = await app.SignedInAsync(worker.Email);
        var person = await ResidentAsync(app);
        await HouseholdAsync(app, person.Id, nord);
        var stranger = await ResidentAsync(app);
        var (motif, place) = await SeededAsync(app, "Visite à domicile", "Visite à domicile");
        var day = ParisToday().AddDays(3);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, Hours, Opening(place, day.DayOfWeek, "09:00", "12:00"), "Opening")).StatusCode);

        // The search finds the person of a household of the team, not a stranger nor for another team.
        var token = person.Name.Split("Zq")[1];
        var search = await (await client.GetAsync($"{Book}?q={token}")).TextAsync();
        Assert.Contains(person.Name, search);
        Assert.Contains(person.Email, search);
        Assert.DoesNotContain(stranger.Name, await (await client.GetAsync($"{Book}?q={stranger.Name.Split("Zq")[1]}")).TextAsync());
        var worker2 = await app.SignedInAsync(PortalApp.Worker2);
        Assert.DoesNotContain(person.Name, await (await worker2.GetAsync($"{Book}?q={token}")).TextAsync());

        // The staff-only motif is offered, with the worker's free slots.
        var choose = $"{Book}?personne={person.Id}&motif={motif}&lieu={place}";
        var page = await (await client.GetAsync(choose)).TextAsync();
        Assert.Contains("réservé à l'équipe", page);
        var slots = AppointmentData.Slots(page);
        var onDay = SlotStarts(page).Where(t => t >= ParisToUtc(day, 0, 0) && t < ParisToUtc(day.AddDays(1), 0, 0)).ToList();
        Assert.Equal([ParisToUtc(day, 9, 0), ParisToUtc(day, 10, 30)], onDay); // 90 minutes each, in 09:00–12:00
        Assert.Equal(ParisToUtc(day, 9, 0), SlotChoice(slots[0]));

        var booked = await Forms.PostAsync(client, choose, new() { ["personne"] = person.Id, ["motif"] = I(motif), ["lieu"] = I(place), ["creneau"] = slots[0] });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PersonId == person.Id));
        Assert.Equal(worker.Id, appointment.WorkerId);
        Assert.Equal(worker.Id, appointment.CreatedById);
        Assert.Equal(ParisToUtc(day, 9, 0), appointment.StartUtc);
        Assert.Equal(90, appointment.DurationMinutes);
        var confirmed = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.Contains("confirmé"));
        Assert.Equal("rendez-vous.ics", Assert.Single(confirmed.Attachments ?? []).FileName);
        Assert.Contains("est pris le", await (await client.GetAsync(booked.Headers.Location!.OriginalString)).TextAsync());

        // Someone outside the scope cannot be booked for.
        var refused = await Forms.PostAsync(client, choose, new() { ["personne"] = stranger.Id, ["motif"] = I(motif), ["lieu"] = I(place), ["creneau"] = slots[1] });
        Assert.Contains("Choisissez la personne", await refused.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.Appointments.AnyAsync(a => a.PersonId == stranger.Id)));

        // Move: same appointment, new time, the person is told.
        var move = $"/suivi/agenda/{appointment.Id}/deplacer";
        var movePage = await (await client.GetAsync(move)).TextAsync();
        Assert.Contains("Déplacer un rendez-vous", movePage);
        var target = AppointmentData.Slots(movePage).Single(s => SlotChoice(s) == ParisToUtc(day, 10, 30));
        var moved = await Forms.PostAsync(client, move, new() { ["creneau"] = target });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await app.WithDbAsync(db => db.Appointments.AsNoTracking().Where(a => a.PersonId == person.Id).ToListAsync());
        var single = Assert.Single(after);
        Assert.Equal(appointment.Id, single.Id);
        Assert.Equal(ParisToUtc(day, 10, 30), single.StartUtc);
        Assert.Equal(AppointmentStatus.Booked, single.Status);
        var movedMail = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.Contains("déplacé"));
        Assert.Equal("rendez-vous.ics", Assert.Single(movedMail.Attachments ?? []).FileName);

        // Another team's worker cannot move it.
        Assert.Equal(HttpStatusCode.NotFound, (await worker2.GetAsync(move)).StatusCode);
    }

    private static DateTime SlotChoice(string value) => Portal.Appointments.SlotChoice.TryParse(value, out _, out var t) ? t : default;

    [Fact]
    public async Task Honoured_appointment_is_written_once_to_the_household_journal()
    {
        var nord = await TeamIdAsync(app, "Nord");
        var worker1 = await IdOfAsync(app, PortalApp.Worker1);
        var client = await app.SignedInAsync(PortalApp.Worker1);
        var person = await ResidentAsync(app);
        var household = await HouseholdAsync(app, person.Id, nord);
        var (motif, place) = await SeededAsync(app, "Premier accueil", "Bureau de l'association");
        var start = DateTime.UtcNow.AddHours(-2).AddSeconds(-Random.Shared.Next(1, 100000));
        var id = await InsertAsync(app, worker1, person.Id, motif, place, start);
        var monday = MondayOf(start);
        var week = $"/suivi/agenda?semaine={Day(monday)}";

        Assert.DoesNotContain($"/suivi/agenda/{id}/journal", await (await client.GetAsync(week)).TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, week, new() { ["id"] = $"{id}" }, "Honoured")).StatusCode);
        var planning = await (await client.GetAsync(week)).TextAsync();
        Assert.Contains($"href=\"/suivi/agenda/{id}/journal\"", planning);
        Assert.Contains("Écrire au journal du ménage", planning);

        var journal = $"/suivi/agenda/{id}/journal";
        var empty = await (await Forms.PostAsync(client, journal, new() { ["texte"] = "  " })).TextAsync();
        Assert.Contains("Écrivez le compte rendu du rendez-vous.", empty);

        var written = await Forms.PostAsync(client, journal, new() { ["texte"] = "Premier échange, dossier CAF à compléter.", ["confidentiel"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var entry = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.AppointmentId == id));
        Assert.Equal(household, entry.HouseholdId);
        Assert.Equal(JournalKind.Appointment, entry.Kind);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, ParisTime.Zone)), entry.OccurredOn);
        Assert.Equal(worker1, entry.AuthorId);
        Assert.Equal("Claire Martin", entry.AuthorName);
        Assert.True(entry.IsConfidential);

        var afterwards = await (await client.GetAsync(week)).TextAsync();
        Assert.Contains("Écrit au journal", afterwards);
        Assert.DoesNotContain($"href=\"/suivi/agenda/{id}/journal\"", afterwards);

        // Only once: a second post changes nothing.
        var second = await Forms.PostAsync(client, journal, new() { ["texte"] = "Encore" });
        Assert.Contains("déjà écrit au journal", await second.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.AppointmentId == id)));
    }

    [Fact]
    public async Task Home_visit_goes_to_the_journal_as_a_home_visit_and_no_household_is_said()
    {
        var nord = await TeamIdAsync(app, "Nord");
        var worker1 = await IdOfAsync(app, PortalApp.Worker1);
        var client = await app.SignedInAsync(PortalApp.Worker1);
        var withFile = await ResidentAsync(app);
        await HouseholdAsync(app, withFile.Id, nord);
        var withoutFile = await ResidentAsync(app);
        var (visit, home) = await SeededAsync(app, "Visite à domicile", "Visite à domicile");
        var (motif, office) = await SeededAsync(app, "Premier accueil", "Bureau de l'association");
        var start = DateTime.UtcNow.AddHours(-3).AddSeconds(-Random.Shared.Next(1, 100000));
        // The appointment looked at on the week page is the one at `start`, so it is in that week whatever the hour.
        var visitId = await InsertAsync(app, worker1, withFile.Id, visit, home, start.AddHours(-2), 90);
        var orphan = await InsertAsync(app, worker1, withoutFile.Id, motif, office, start);
        var week = $"/suivi/agenda?semaine={Day(MondayOf(start))}";

        // A home visit that took place can be written without marking it first.
        var written = await Forms.PostAsync(client, $"/suivi/agenda/{visitId}/journal", new() { ["texte"] = "Visite : logement en bon état." });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal(JournalKind.HomeVisit, await app.WithDbAsync(db => db.JournalEntries.Where(j => j.AppointmentId == visitId).Select(j => j.Kind).SingleAsync()));

        // No household: said in French, no button, nothing written.
        await Forms.PostAsync(client, week, new() { ["id"] = $"{orphan}" }, "Honoured");
        var planning = await (await client.GetAsync(week)).TextAsync();
        Assert.Contains("Pas de dossier de ménage accessible pour cette personne", planning);
        Assert.DoesNotContain($"href=\"/suivi/agenda/{orphan}/journal\"", planning);
        var page = await (await client.GetAsync($"/suivi/agenda/{orphan}/journal")).TextAsync();
        Assert.Contains("Aucun dossier de ménage accessible", page);
        await client.PostAsync($"/suivi/agenda/{orphan}/journal", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.Token(await (await client.GetAsync(Hours)).HtmlAsync()), ["texte"] = "x" }));
        Assert.False(await app.WithDbAsync(db => db.JournalEntries.AnyAsync(j => j.AppointmentId == orphan)));

        // Another team's worker: 404.
        var worker2 = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.NotFound, (await worker2.GetAsync($"/suivi/agenda/{visitId}/journal")).StatusCode);
    }

    private static DateOnly MondayOf(DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, ParisTime.Zone));
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    [Fact]
    public async Task Every_posted_form_carries_its_own_antiforgery_token()
    {
        var worker = await WorkerAsync(app, await TeamIdAsync(app, "Nord"));
        var client = await app.SignedInAsync(worker.Email);
        var place = await PlaceAsync(app);
        await Forms.PostAsync(client, Hours, Opening(place, DayOfWeek.Saturday, "09:00", "10:00"), "Opening");
        var (motif, office) = await SeededAsync(app, "Premier accueil", "Bureau de l'association");
        var person = await ResidentAsync(app);
        await HouseholdAsync(app, person.Id, await TeamIdAsync(app, "Nord"));
        var id = await InsertAsync(app, worker.Id, person.Id, motif, office, DateTime.UtcNow.AddDays(5).AddSeconds(Random.Shared.Next(1, 100000)));

        foreach (var url in new[] { Hours, $"{Book}?personne={person.Id}&motif={motif}&lieu={office}", $"/suivi/agenda/{id}/deplacer", "/suivi/agenda" })
        {
            var html = await (await client.GetAsync(url)).HtmlAsync();
            var forms = System.Text.RegularExpressions.Regex.Split(html, "<form").Skip(1)
                .Select(f => f[..f.IndexOf("</form>", StringComparison.Ordinal)])
                .Where(f => f.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(forms);
            Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f));
        }
    }

    [Fact]
    public async Task Residents_are_forbidden_the_staff_pages()
    {
        var resident = await app.SignedInAsync(PortalApp.Resident1);
        foreach (var url in new[] { Hours, Book, "/suivi/agenda/1/deplacer", "/suivi/agenda/1/journal", "/suivi/agenda?vue=equipe" })
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(Hours, "Opening")]
    [InlineData(Hours, "Absence")]
    [InlineData(Hours, "Extra")]
    [InlineData(Hours, "DeleteOpening")]
    [InlineData(Hours, "DeleteAbsence")]
    [InlineData(Hours, "DeleteExtra")]
    [InlineData(Hours, "Nope")]
    [InlineData(Book, null)]
    [InlineData(Book, "People")]
    [InlineData("/suivi/agenda/99999999/deplacer", null)]
    [InlineData("/suivi/agenda/99999999/journal", null)]
    public async Task Garbage_posts_never_fail_with_a_server_error(string url, string? handler)
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var token = Forms.Token(await (await worker.GetAsync(Hours)).HtmlAsync());
        var target = handler is null ? url : $"{url}?handler={handler}";
        var garbage = new[]
        {
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                ["id"] = "99999999999999999999", ["OuvLieu"] = "abc", ["OuvJour"] = "-1", ["OuvDebut"] = "99:99", ["OuvFin"] = "x", ["OuvDu"] = "0001-01-01", ["OuvAu"] = "9999-12-31",
                ["AbsNature"] = "Vacances", ["AbsDebut"] = "hier", ["AbsFin"] = "0001-01-01T00:00", ["AbsLieu"] = "-5", ["AbsRaison"] = new string('x', 5000),
                ["ExtLieu"] = "1e9", ["ExtDebut"] = "2026-02-30T10:00", ["ExtFin"] = "9999-12-31T23:59",
                ["personne"] = "' OR 1=1 --", ["motif"] = "-1", ["lieu"] = "99999999999", ["travailleur"] = "\u0000", ["creneau"] = "999999999999999999999_x", ["notes"] = new string('n', 3000),
                ["texte"] = new string('t', 20000), ["confidentiel"] = "peut-être",
            },
            new Dictionary<string, string> { ["OuvLieu"] = "1", ["OuvJour"] = "1", ["OuvDebut"] = "10:00", ["OuvFin"] = "09:00", ["OuvDu"] = "2030-01-01", ["OuvAu"] = "2029-01-01", ["creneau"] = "-1_", ["id"] = "0" },
        };
        foreach (var fields in garbage)
        {
            var response = await worker.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
            Assert.True((int)response.StatusCode < 500, $"{target} answered {(int)response.StatusCode}");
        }
        Assert.True((int)(await worker.GetAsync($"{url}?travailleur=%00&q=%27&motif=abc&lieu=-1&personne=x&vue=equipe")).StatusCode < 500);
    }
}
