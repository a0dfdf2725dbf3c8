using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Appointments;
using Portal.Testing;

namespace Portal.Tests.Pages.Suivi.Agenda;

/// Data of the staff agenda tests: each test makes its own workers, places and motifs, so that
/// opening hours never clash between tests.
public static class StaffAgendaData
{
    public sealed record User(string Id, string Email, string Name);

    public static string Token() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<User> UserAsync(PortalApp app, string role, int? teamId, string prefix)
    {
        var token = Token();
        var email = $"{prefix}-{token}@test.passerelle.fr";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"{prefix} Zq{token}", TeamId = teamId, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return new User(user.Id, email, user.FullName);
    }

    public static Task<int> TeamIdAsync(PortalApp app, string name) => app.WithDbAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public static Task<int> NewTeamAsync(PortalApp app) => app.WithDbAsync(async db =>
    {
        var team = new Team { Name = "Équipe " + Token() };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    public static async Task<User> WorkerAsync(PortalApp app, int teamId) => await UserAsync(app, Roles.SocialWorker, teamId, "Travailleur");

    public static async Task<User> ResidentAsync(PortalApp app) => await UserAsync(app, Roles.Resident, null, "Resident");

    public static Task<long> HouseholdAsync(PortalApp app, string residentId, int teamId) => app.WithDbAsync(async db =>
    {
        var name = "MENAGE " + Token().ToUpperInvariant();
        var h = new Household { Name = name, SearchName = name, TeamId = teamId, ResidentId = residentId, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
        db.Households.Add(h);
        await db.SaveChangesAsync();
        return h.Id;
    });

    public static Task<int> PlaceAsync(PortalApp app, PlaceKind kind = PlaceKind.Office) => app.WithDbAsync(async db =>
    {
        var p = new Place { Name = "Lieu " + Token(), Kind = kind, Address = "1 rue du Test" };
        db.Places.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    public static Task<int> MotifAsync(PortalApp app, int minutes = 30, bool residents = true, PlaceKinds kinds = PlaceKinds.Office) => app.WithDbAsync(async db =>
    {
        var m = new AppointmentMotif { Name = "Motif " + Token(), DurationMinutes = minutes, BookableByResidents = residents, AllowedPlaceKinds = kinds };
        db.AppointmentMotifs.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    });

    public static Task<(int Motif, int Place)> SeededAsync(PortalApp app, string motif, string place) => app.WithDbAsync(async db =>
        (await db.AppointmentMotifs.Where(m => m.Name == motif).Select(m => m.Id).SingleAsync(),
         await db.Places.Where(p => p.Name == place).Select(p => p.Id).SingleAsync()));

    public static Task<long> InsertAsync(PortalApp app, string workerId, string personId, int motif, int place, DateTime startUtc, int minutes = 60) => app.WithDbAsync(async db =>
    {
        var a = Appointment.Book(personId, workerId, place, motif, TimeSpan.FromMinutes(minutes), startUtc, workerId, DateTime.UtcNow);
        db.Appointments.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    public static Task<string> IdOfAsync(PortalApp app, string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static DateOnly ParisToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ParisTime.Zone));

    public static DateTime ParisToUtc(DateOnly day, int hour, int minute)
    {
        Assert.True(ParisTime.TryStartToUtc(day.ToDateTime(new TimeOnly(hour, minute)), out var utc));
        return utc;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Local(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// The starts of the slots offered on a page (radio buttons named "creneau").
    public static IReadOnlyList<DateTime> SlotStarts(string html) =>
        AppointmentData.Slots(html)
            .Select(v => SlotChoice.TryParse(v, out _, out var t) ? t : default).Where(t => t != default).ToList();

    /// Posts a form whose fields may repeat (checkboxes), with the token of the page at url.
    public static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string url, string target, IEnumerable<(string Key, string Value)> fields)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", Forms.Token(html)));
        return await client.PostAsync(target, new FormUrlEncodedContent(pairs));
    }
}
