using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Appointments;
using Portal.Jobs;
using Portal.Testing;

namespace Portal.Tests.Pages.Suivi.Agenda;

[Collection(PortalCollection.Name)]
public class AgendaTests(PortalApp app)
{
    private const string Url = "/suivi/agenda";

    private sealed record Person(string Id, string Email, string Name);

    private async Task<Person> PersonAsync()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var email = $"agenda-{token}@test.passerelle.fr";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Personne Zq{token}", CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Resident);
        return new Person(user.Id, email, user.FullName);
    }

    private Task<long> InsertAsync(string workerEmail, Person person, DateTime startUtc, DateTime? changedAtUtc = null) => app.WithDbAsync(async db =>
    {
        var (motif, place) = await AppointmentData.OfficeFirstVisitAsync(app);
        var worker = await db.Users.Where(u => u.Email == workerEmail).Select(u => u.Id).SingleAsync();
        var changed = changedAtUtc ?? DateTime.UtcNow;
        var a = Appointment.Book(person.Id, worker, place, motif, TimeSpan.FromMinutes(60), startUtc, worker, changed);
        db.Appointments.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    private Task<string> WorkerIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Appointment> LoadAsync(long id) => app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));

    /// A Monday in a far week of its own, so tests never share a planning.
    private static DateOnly FarMonday() => new DateOnly(2031, 1, 6).AddDays(7 * Random.Shared.Next(0, 2000));

    private static DateTime ParisToUtc(DateOnly day, int hour, int minute)
    {
        Assert.True(ParisTime.TryStartToUtc(day.ToDateTime(new TimeOnly(hour, minute)), out var utc));
        return utc;
    }

    private static string Week(DateOnly monday) => monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string WeekUrl(DateOnly monday, string? worker = null) =>
        $"{Url}?semaine={Week(monday)}" + (worker is null ? "" : "&travailleur=" + Uri.EscapeDataString(worker));

    private static string DayOf(string html, DateOnly day)
    {
        var start = html.IndexOf($"id=\"jour-{Week(day)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"day {day} not on the page");
        var end = html.IndexOf("id=\"jour-", start + 10, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    private static DateOnly MondayOfUtc(DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, ParisTime.Zone));
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    [Fact]
    public async Task Worker_sees_their_appointment_on_its_Paris_day_and_time()
    {
        var monday = FarMonday();
        var person = await PersonAsync();
        await InsertAsync(PortalApp.Worker1, person, ParisToUtc(monday.AddDays(1), 9, 30));

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await worker.GetAsync(WeekUrl(monday));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        var tuesday = DayOf(html, monday.AddDays(1));
        Assert.Contains("09:30", tuesday);
        Assert.Contains(person.Name, tuesday);
        Assert.Contains("Premier accueil", tuesday);
        Assert.Contains("Confirmé", tuesday);
        Assert.DoesNotContain(person.Name, DayOf(html, monday));
        Assert.Contains("Travailleur", html);
        Assert.Contains("09:00–12:00 (Bureau de l'association)", tuesday);
        Assert.Contains("Pas d'horaires d'ouverture", DayOf(html, monday.AddDays(6)));
    }

    [Fact]
    public async Task Another_teams_worker_is_out_of_scope_and_manager_sees_both()
    {
        var monday = FarMonday();
        var nord = await PersonAsync();
        var sud = await PersonAsync();
        await InsertAsync(PortalApp.Worker1, nord, ParisToUtc(monday.AddDays(2), 10, 0));
        await InsertAsync(PortalApp.Worker2, sud, ParisToUtc(monday.AddDays(2), 11, 0));
        var worker1Id = await WorkerIdAsync(PortalApp.Worker1);
        var worker2Id = await WorkerIdAsync(PortalApp.Worker2);

        var worker1 = await app.SignedInAsync(PortalApp.Worker1);
        var own = await (await worker1.GetAsync(WeekUrl(monday))).TextAsync();
        Assert.Contains(nord.Name, own);
        Assert.DoesNotContain(sud.Name, own);
        Assert.DoesNotContain(worker2Id, own);
        Assert.Equal(HttpStatusCode.NotFound, (await worker1.GetAsync(WeekUrl(monday, worker2Id))).StatusCode);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var managerHome = await (await manager.GetAsync(WeekUrl(monday))).TextAsync();
        Assert.Contains(worker1Id, managerHome);
        Assert.Contains(worker2Id, managerHome);
        Assert.Contains(nord.Name, await (await manager.GetAsync(WeekUrl(monday, worker1Id))).TextAsync());
        Assert.Contains(sud.Name, await (await manager.GetAsync(WeekUrl(monday, worker2Id))).TextAsync());
    }

    [Fact]
    public async Task Week_navigation_answers_the_partial_for_htmx()
    {
        var monday = FarMonday();
        var person = await PersonAsync();
        await InsertAsync(PortalApp.Worker1, person, ParisToUtc(monday.AddDays(7 + 4), 14, 15));
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var full = await (await worker.GetAsync(WeekUrl(monday))).TextAsync();
        Assert.Contains("<html", full);
        Assert.Contains($"semaine={Week(monday.AddDays(7))}", full);
        Assert.Contains($"semaine={Week(monday.AddDays(-7))}", full);
        Assert.Contains("hx-push-url", full);
        Assert.DoesNotContain(person.Name, full);

        using var request = new HttpRequestMessage(HttpMethod.Get, WeekUrl(monday.AddDays(7)));
        request.Headers.Add("HX-Request", "true");
        var partial = await worker.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var html = await partial.TextAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Semaine suivante", html);
        Assert.Contains("14:15", DayOf(html, monday.AddDays(11)));
        Assert.Contains(person.Name, html);

        // A date in the middle of the week shows that week; an unreadable one shows this week.
        Assert.Contains(person.Name, await (await worker.GetAsync($"{Url}?semaine={Week(monday.AddDays(7 + 3))}")).TextAsync());
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"{Url}?semaine=n%27importe")).StatusCode);
    }

    [Fact]
    public async Task Marking_honoured_before_the_start_is_refused_in_French()
    {
        var start = DateTime.UtcNow.AddDays(3).AddSeconds(Random.Shared.Next(1, 100000));
        var id = await InsertAsync(PortalApp.Worker1, await PersonAsync(), start);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var page = WeekUrl(MondayOfUtc(start));

        var response = await Forms.PostAsync(worker, page, new() { ["id"] = $"{id}" }, "Honoured");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await worker.GetAsync(response.Headers.Location!.OriginalString)).TextAsync();
        Assert.Contains("ne peut pas être marqué honoré avant son heure de début", html);
        Assert.Equal(AppointmentStatus.Booked, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Marking_honoured_or_missed_after_the_start_works()
    {
        var start = DateTime.UtcNow.AddHours(-1).AddSeconds(-Random.Shared.Next(1, 1000));
        var id = await InsertAsync(PortalApp.Worker1, await PersonAsync(), start);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var page = WeekUrl(MondayOfUtc(start));

        var response = await Forms.PostAsync(worker, page, new() { ["id"] = $"{id}" }, "Honoured");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AppointmentStatus.Honoured, (await LoadAsync(id)).Status);
        Assert.Contains("marqué honoré", await (await worker.GetAsync(response.Headers.Location!.OriginalString)).TextAsync());

        await Forms.PostAsync(worker, page, new() { ["id"] = $"{id}" }, "Missed");
        Assert.Equal(AppointmentStatus.Missed, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Staff_cancel_frees_the_appointment_and_emails_the_person()
    {
        var person = await PersonAsync();
        var start = DateTime.UtcNow.AddHours(5).AddSeconds(Random.Shared.Next(1, 10000));
        var id = await InsertAsync(PortalApp.Worker1, person, start);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var response = await Forms.PostAsync(worker, WeekUrl(MondayOfUtc(start)), new() { ["id"] = $"{id}" }, "Cancel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AppointmentStatus.Cancelled, (await LoadAsync(id)).Status);
        await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.Contains("annulé"));
    }

    [Fact]
    public async Task Worker_cannot_act_on_another_teams_appointment()
    {
        var start = DateTime.UtcNow.AddDays(2).AddSeconds(Random.Shared.Next(1, 100000));
        var id = await InsertAsync(PortalApp.Worker2, await PersonAsync(), start);
        var worker1 = await app.SignedInAsync(PortalApp.Worker1);

        var response = await Forms.PostAsync(worker1, Url, new() { ["id"] = $"{id}" }, "Cancel");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Reminder_job_sends_one_reminder_within_the_lead_and_never_twice()
    {
        var now = DateTime.UtcNow;
        var soon = await PersonAsync();
        var later = await PersonAsync();
        var soonId = await InsertAsync(PortalApp.Worker1, soon, now.AddHours(30).AddSeconds(Random.Shared.Next(1, 1000)), now.AddDays(-5));
        var laterId = await InsertAsync(PortalApp.Worker1, later, now.AddHours(60).AddSeconds(Random.Shared.Next(1, 1000)), now.AddDays(-5));

        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<AppointmentReminderJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == soon.Email)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == later.Email)));
        Assert.NotNull((await LoadAsync(soonId)).ReminderSentAtUtc);
        Assert.Null((await LoadAsync(laterId)).ReminderSentAtUtc);
    }

    [Fact]
    public async Task Resident_is_forbidden()
    {
        var resident = await app.SignedInAsync(PortalApp.Resident1);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(Url)).StatusCode);
    }

    [Theory]
    [InlineData("Honoured", "abc")]
    [InlineData("Missed", "0")]
    [InlineData("Cancel", "-1")]
    [InlineData("Cancel", "99999999999999")]
    [InlineData("Honoured", "99999999999999999999999")]
    [InlineData("Nope", "1")]
    public async Task Garbage_posts_never_fail_with_a_server_error(string handler, string id)
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await Forms.PostAsync(worker, Url, new() { ["id"] = id }, handler);
        Assert.True((int)response.StatusCode < 500, $"{handler} {id} answered {(int)response.StatusCode}");

        var noToken = await worker.PostAsync($"{Url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id }));
        Assert.True((int)noToken.StatusCode < 500);
        Assert.True((int)(await worker.GetAsync($"{Url}?travailleur=%00%27&semaine=9999-99-99")).StatusCode < 500);
    }
}
