using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Testing;
using Portal.Domain.Appointments;

namespace Portal.Testing;

public static partial class AppointmentData
{
    public const string BookUrl = "/espace/rendez-vous/prendre";

    public sealed record Resident(string Id, string Email, HttpClient Client);

    public static async Task<Resident> ResidentAsync(PortalApp app)
    {
        var email = $"rdv-{Guid.NewGuid():N}@test.passerelle.fr";
        string id;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Résidente Test", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Resident);
            id = user.Id;
        }
        return new Resident(id, email, await app.SignedInAsync(email));
    }

    public static Task<(int Motif, int Place)> OfficeFirstVisitAsync(PortalApp app) => app.WithDbAsync(async db =>
        (await db.AppointmentMotifs.Where(m => m.Name == "Premier accueil").Select(m => m.Id).SingleAsync(),
         await db.Places.Where(p => p.Name == "Bureau de l'association").Select(p => p.Id).SingleAsync()));

    public static string Choose(int motif, int place) => $"{BookUrl}?motif={motif}&lieu={place}";

    [GeneratedRegex("name=\"creneau\" value=\"([^\"]+)\"")]
    private static partial Regex SlotPattern();

    public static IReadOnlyList<string> Slots(string html) => SlotPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// Books the first free slot over HTTP and returns the appointment's id.
    /// Books over HTTP the first free slot that may still be moved or cancelled (more than 24 h ahead).
    public static async Task<long> BookFirstAsync(PortalApp app, Resident r)
    {
        var (motif, place) = await OfficeFirstVisitAsync(app);
        var page = await r.Client.GetAsync(Choose(motif, place));
        var slot = Slots(await page.HtmlAsync()).First(s => SlotChoice.TryParse(s, out _, out var t) && t > DateTime.UtcNow.AddHours(26));
        var response = await Forms.PostAsync(r.Client, Choose(motif, place), new() { ["motif"] = $"{motif}", ["lieu"] = $"{place}", ["creneau"] = slot });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.Appointments.Where(a => a.PersonId == r.Id).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
    }

    /// An appointment written straight into the database (e.g. within the 24 h limit).
    public static Task<long> InsertAsync(PortalApp app, string personId, DateTime startUtc) => app.WithDbAsync(async db =>
    {
        var (motif, place) = await OfficeFirstVisitAsync(app);
        var worker = await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync();
        var a = Appointment.Book(personId, worker, place, motif, TimeSpan.FromMinutes(60), startUtc, personId, DateTime.UtcNow);
        db.Appointments.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });
}
