using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Workshops;
using Portal.Testing;

namespace Portal.Testing;

public static class WorkshopData
{
    public const string ResidentUrl = "/espace/ateliers";
    public static string StaffUrl(long id) => $"/suivi/ateliers/{id}";

    public sealed record Person(string Id, string Email, HttpClient Client);

    public static async Task<Person> ResidentAsync(PortalApp app, string name = "Résidente Atelier")
    {
        var email = $"atelier-{Guid.NewGuid():N}@test.passerelle.fr";
        string id;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Resident);
            id = user.Id;
        }
        return new Person(id, email, await app.SignedInAsync(email));
    }

    /// A session written straight into the database, with a unique theme.
    public static Task<(long Id, string Theme)> SessionAsync(PortalApp app, int seats, DateTime startsAtUtc) => app.WithDbAsync(async db =>
    {
        var theme = $"Atelier test {Guid.NewGuid().ToString("N")[..8]}";
        var place = await db.Places.Where(p => p.Name == "Bureau de l'association").Select(p => p.Id).SingleAsync();
        var leader = await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync();
        var w = Planned(place, leader, startsAtUtc, theme, seats);
        db.Workshops.Add(w);
        await db.SaveChangesAsync();
        return (w.Id, theme);
    });

    public static Task LineAsync(PortalApp app, long workshopId, string personId, RegistrationStatus status, DateTime joinedAtUtc) => app.WithDbAsync(async db =>
    {
        var w = await db.Workshops.Include(x => x.Signups).SingleAsync(x => x.Id == workshopId);
        w.Line(personId, status, joinedAtUtc);
        await db.SaveChangesAsync();
        return 0;
    });

    /// A session planned through the domain (to add to a context), planned early enough for any
    /// start, past ones included: a month before it, or now if that is earlier.
    public static Workshop Planned(int placeId, string leaderId, DateTime startsAtUtc, string theme, int seats = 10)
    {
        var plannedAt = startsAtUtc.AddDays(-30) < DateTime.UtcNow ? startsAtUtc.AddDays(-30) : DateTime.UtcNow;
        return Workshop.Plan(new WorkshopPlan(theme, "Une séance pour les tests.", placeId, startsAtUtc, 90, seats, leaderId, null), plannedAt);
    }

    /// Gives <paramref name="key"/> (an account, or <see cref="ParticipantKeys.HouseholdPerson"/>) a line
    /// through the session's own operations, as if they signed up at <paramref name="joinedAtUtc"/>
    /// (before the start): registered or waiting as the seats decide, then withdrawn if asked. Fails when
    /// the session does not give the status asked for.
    public static void Line(this Workshop w, string key, RegistrationStatus status, DateTime joinedAtUtc)
    {
        var got = w.Apply(s => s.Register(key, joinedAtUtc), joinedAtUtc).Status;
        if (status == RegistrationStatus.Withdrawn) got = w.Apply(s => s.Withdraw(key, joinedAtUtc), joinedAtUtc).Status;
        Assert.Equal(status, got);
    }

    /// Staff record that a registered person came (true) or not, from the session's day.
    public static void Attended(this Workshop w, string key, bool attended) =>
        w.RecordAttendance(new Dictionary<string, bool> { [key] = attended }, DateTime.UtcNow);

    public static Task<WorkshopSignup?> LineOfAsync(PortalApp app, long workshopId, string personId) =>
        app.WithDbAsync(db => db.WorkshopSignups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshopId && s.PersonId == personId));

    /// Posts one of the resident actions (Register, Withdraw, Accept, Decline) as a browser without JavaScript.
    public static async Task<HttpResponseMessage> ActAsync(Person p, string handler, long id) =>
        await Forms.PostAsync(p.Client, ResidentUrl, new(), handler: $"{handler}&id={id}");

    /// The page the action redirected to, decoded.
    public static async Task<string> FollowAsync(Person p, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await (await p.Client.GetAsync(response.Headers.Location!.ToString())).HtmlAsync());
    }

    /// The card of one session on the resident page.
    public static string Card(string html, long id)
    {
        var start = html.IndexOf($"id=\"atelier-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No card for session {id}");
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    /// An instant later today in Paris, still some minutes ahead: a session "on its day" that has
    /// not started. Close to midnight, waits for the next day first.
    public static async Task<DateTime> LaterTodayAsync()
    {
        var paris = Portal.Domain.Formatting.French.ToParis(DateTime.UtcNow);
        var left = paris.Date.AddDays(1) - paris;
        if (left < TimeSpan.FromMinutes(6))
        {
            await Task.Delay(left + TimeSpan.FromSeconds(2));
            paris = Portal.Domain.Formatting.French.ToParis(DateTime.UtcNow);
            left = paris.Date.AddDays(1) - paris;
        }
        var start = DateTime.SpecifyKind(paris + left / 2, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0), Portal.Domain.Formatting.French.Paris);
    }

    public static async Task<string> TextAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(await (await client.GetAsync(url)).HtmlAsync());
}
