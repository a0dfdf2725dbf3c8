using System.Globalization;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Workshops;
using Portal.Jobs;
using Portal.Domain.Formatting;
using Portal.Testing;
using Portal.Workshops;
using static Portal.Testing.WorkshopData;

namespace Portal.Tests.Pages.Suivi.Ateliers;

[Collection(PortalCollection.Name)]
public class StaffWorkshopTests(PortalApp app)
{
    [Fact]
    public async Task Staff_create_a_session_in_Paris_time_and_residents_see_it()
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var form = await worker.TextAsync("/suivi/ateliers/edition");
        Assert.Contains("<datalist id=\"themes\">", form);
        Assert.Contains("Économies d'énergie", form);
        var (place, leader) = await app.WithDbAsync(async db => (
            await db.Places.Where(p => p.Name == "Permanence Maison de quartier Nord").Select(p => p.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == PortalApp.Worker2).Select(u => u.Id).SingleAsync()));
        // A summer date: 14:30 in Paris is 12:30 UTC.
        var day = new DateOnly(DateTime.UtcNow.Year + 1, 7, 8);
        var theme = $"Santé {Guid.NewGuid().ToString("N")[..6]} <b>gras</b>";

        var response = await Forms.PostAsync(worker, "/suivi/ateliers/edition", new()
        {
            ["Input.Theme"] = theme, ["Input.Description"] = "Avec une infirmière.", ["Input.PlaceId"] = $"{place}",
            ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = "14:30",
            ["Input.Duration"] = "90", ["Input.Seats"] = "6", ["Input.LeaderId"] = leader, ["Input.TeamId"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var w = await app.WithDbAsync(db => db.Workshops.AsNoTracking().SingleAsync(x => x.Theme == theme));
        Assert.Equal(response.Headers.Location!.ToString(), StaffUrl(w.Id));
        Assert.Equal(new DateTime(day.Year, 7, 8, 12, 30, 0), w.StartsAtUtc);
        Assert.Equal((6, 90, leader, place), (w.Seats, w.DurationMinutes, w.LeaderId, w.PlaceId));

        var details = await worker.GetAsync(StaffUrl(w.Id));
        var html = await details.HtmlAsync();
        Assert.Contains("La séance est créée", WebUtility.HtmlDecode(html));
        Assert.Contains("&lt;b&gt;gras&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>gras</b>", html);
        Assert.Contains(theme, await worker.TextAsync("/suivi/ateliers"));

        var resident = await ResidentAsync(app);
        var card = Card(await resident.Client.TextAsync(ResidentUrl), w.Id);
        Assert.Contains($"{day.Day} juillet {day.Year} à 14:30", card);
        Assert.Contains("6 places restantes sur 6", card);
    }

    [Fact]
    public async Task The_form_answers_in_French_at_the_field_and_saves_nothing()
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var theme = $"Invalide {Guid.NewGuid():N}";
        var response = await Forms.PostAsync(worker, "/suivi/ateliers/edition", new()
        {
            ["Input.Theme"] = theme, ["Input.PlaceId"] = "abc", ["Input.Date"] = "2020-01-01", ["Input.Time"] = "25:99",
            ["Input.Duration"] = "-3", ["Input.Seats"] = "zéro", ["Input.LeaderId"] = "personne", ["Input.TeamId"] = "999999",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.HtmlAsync());
        foreach (var message in new[] { "Choisissez le lieu de la séance.", "Indiquez l'heure de début (hh:mm).", "Indiquez une durée entre 15 et 600 minutes.",
                     "Indiquez un nombre de places entre 1 et 500.", "Choisissez la personne qui anime la séance.", "Choisissez une équipe de la liste." })
            Assert.Contains(message, html);

        // A date in the past is refused at the date.
        var place = await app.WithDbAsync(db => db.Places.Where(p => p.Name == "Bureau de l'association").Select(p => p.Id).SingleAsync());
        var leader = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync());
        var past = await Forms.PostAsync(worker, "/suivi/ateliers/edition", new()
        {
            ["Input.Theme"] = theme, ["Input.PlaceId"] = $"{place}", ["Input.Date"] = "2020-01-01", ["Input.Time"] = "10:00",
            ["Input.Duration"] = "60", ["Input.Seats"] = "5", ["Input.LeaderId"] = leader,
        });
        Assert.Contains("Choisissez une date et une heure à venir.", WebUtility.HtmlDecode(await past.HtmlAsync()));
        Assert.False(await app.WithDbAsync(db => db.Workshops.AnyAsync(w => w.Theme == theme)));
    }

    [Fact]
    public async Task Adding_seats_offers_them_to_the_waiting_list_and_fewer_than_registered_is_refused()
    {
        var (id, theme) = await SessionAsync(app, 1, DateTime.UtcNow.AddDays(4));
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        var eve = await ResidentAsync(app);
        await LineAsync(app, id, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-30));
        await LineAsync(app, id, ben.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-20));
        await LineAsync(app, id, eve.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-10));
        var worker = await app.SignedInAsync(PortalApp.Worker2);

        var response = await Forms.PostAsync(worker, StaffUrl(id), new() { ["places"] = "3" }, handler: "Seats");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await worker.TextAsync(StaffUrl(id));
        Assert.Contains("La séance compte maintenant 3 places.", page);
        Assert.Contains("2 places sont proposées", page);
        Assert.Equal(RegistrationStatus.Offered, (await LineOfAsync(app, id, ben.Id))!.Status);
        Assert.Equal(RegistrationStatus.Offered, (await LineOfAsync(app, id, eve.Id))!.Status);
        await app.Mail.WaitForAsync(ben.Email, where: m => m.Subject.StartsWith("Une place se libère") && m.Subject.Contains(theme));
        await app.Mail.WaitForAsync(eve.Email, where: m => m.Subject.StartsWith("Une place se libère") && m.Subject.Contains(theme));

        await Forms.PostAsync(worker, StaffUrl(id), new() { ["places"] = "2" }, handler: "Seats");
        Assert.Contains("ne peut pas compter moins de places", await worker.TextAsync(StaffUrl(id)));
        Assert.Equal(3, await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => w.Seats).SingleAsync()));
    }

    [Fact]
    public async Task Attendance_is_recorded_only_from_the_day_of_the_session()
    {
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var (future, _) = await SessionAsync(app, 5, DateTime.UtcNow.AddDays(2));
        await LineAsync(app, future, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddDays(-1));
        Assert.DoesNotContain("Enregistrer les présences", await worker.TextAsync(StaffUrl(future)));
        await Forms.PostAsync(worker, StaffUrl(future), new() { [$"presence[{ana.Id}]"] = "present" }, handler: "Attendance");
        Assert.Contains("La présence se note à partir du jour de la séance.", await worker.TextAsync(StaffUrl(future)));
        Assert.Null((await LineOfAsync(app, future, ana.Id))!.Attended);

        var (past, theme) = await SessionAsync(app, 5, DateTime.UtcNow.AddMinutes(-30));
        await LineAsync(app, past, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddDays(-1));
        await LineAsync(app, past, ben.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddDays(-1));
        Assert.Contains("Enregistrer les présences", await worker.TextAsync(StaffUrl(past)));
        var response = await Forms.PostAsync(worker, StaffUrl(past), new() { [$"presence[{ana.Id}]"] = "present", [$"presence[{ben.Id}]"] = "absent" }, handler: "Attendance");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Les présences sont enregistrées.", await worker.TextAsync(StaffUrl(past)));
        Assert.True((await LineOfAsync(app, past, ana.Id))!.Attended);
        Assert.False((await LineOfAsync(app, past, ben.Id))!.Attended);

        var mine = await ana.Client.TextAsync(ResidentUrl);
        var row = mine[mine.IndexOf(theme, StringComparison.Ordinal)..];
        Assert.Contains("Présent(e)", row[..row.IndexOf("</li>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Cancelling_a_session_emails_the_people_registered_and_waiting()
    {
        var (id, theme) = await SessionAsync(app, 1, DateTime.UtcNow.AddDays(6));
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        await LineAsync(app, id, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-30));
        await LineAsync(app, id, ben.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-20));
        var worker = await app.SignedInAsync(PortalApp.Manager);

        await Forms.PostAsync(worker, StaffUrl(id), new(), handler: "Cancel");
        Assert.Contains("Cochez la case pour confirmer", await worker.TextAsync(StaffUrl(id)));
        Assert.False(await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => w.IsCancelled).SingleAsync()));

        await Forms.PostAsync(worker, StaffUrl(id), new() { ["confirmer"] = "oui" }, handler: "Cancel");
        Assert.Contains("La séance est annulée.", await worker.TextAsync(StaffUrl(id)));
        Assert.True(await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == id).Select(w => w.IsCancelled).SingleAsync()));
        await app.Mail.WaitForAsync(ana.Email, where: m => m.Subject.StartsWith("Atelier annulé") && m.Subject.Contains(theme));
        await app.Mail.WaitForAsync(ben.Email, where: m => m.Subject.StartsWith("Atelier annulé") && m.Subject.Contains(theme));

        var page = await ana.Client.TextAsync(ResidentUrl);
        Assert.Contains("Séance annulée", page);
        Assert.Contains("Cette séance est annulée.", await FollowAsync(ana, await ActAsync(ana, "Withdraw", id)));
    }

    [Fact]
    public async Task The_offer_job_passes_an_expired_offer_to_the_next_person_and_emails_both()
    {
        var (id, theme) = await SessionAsync(app, 1, DateTime.UtcNow.AddDays(3));
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        var eve = await ResidentAsync(app);
        await LineAsync(app, id, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-30));
        await LineAsync(app, id, ben.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-20));
        await LineAsync(app, id, eve.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-10));
        await FollowAsync(ana, await ActAsync(ana, "Withdraw", id));
        Assert.Equal(RegistrationStatus.Offered, (await LineOfAsync(app, id, ben.Id))!.Status);

        // A day later, Ben has not answered.
        await app.WithDbAsync(db => db.WorkshopSignups.Where(s => s.WorkshopId == id && s.PersonId == ben.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OfferExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await using (var scope = app.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<WorkshopOfferJob>(scope.ServiceProvider);
            Assert.True(await job.RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal(RegistrationStatus.OfferExpired, (await LineOfAsync(app, id, ben.Id))!.Status);
        var eveLine = await LineOfAsync(app, id, eve.Id);
        Assert.Equal(RegistrationStatus.Offered, eveLine!.Status);
        var offer = await app.Mail.WaitForAsync(eve.Email, where: m => m.Subject.StartsWith("Une place se libère") && m.Subject.Contains(theme));
        Assert.Contains(French.DateTimeLong(eveLine.OfferExpiresAtUtc!.Value), offer.Text);
        Assert.Contains($"/espace/ateliers/{id}", offer.Text);
        await app.Mail.WaitForAsync(ben.Email, where: m => m.Subject.StartsWith("Place expirée") && m.Subject.Contains(theme));
        Assert.Contains("La place qui vous était proposée a expiré", await FollowAsync(ben, await ActAsync(ben, "Accept", id)));

        // The job runs every 15 minutes.
        using var connection = app.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == WorkshopOfferJob.RecurringJobId);
        Assert.NotNull(recurring);
        Assert.Equal("*/15 * * * *", recurring.Cron);
    }

    [Theory]
    [InlineData("/suivi/ateliers")]
    [InlineData("/suivi/ateliers/edition")]
    [InlineData("/suivi/ateliers/1")]
    [InlineData("/suivi/ateliers/edition/1")]
    public async Task Residents_are_forbidden_from_the_staff_pages(string url)
    {
        var resident = await app.SignedInAsync(PortalApp.Resident2);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(url)).StatusCode);
        var token = Forms.Token(await (await resident.GetAsync(ResidentUrl)).HtmlAsync());
        var post = await resident.PostAsync(url + "?handler=Seats", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["places"] = "1" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Garbage_posts_to_the_staff_pages_never_answer_a_server_error()
    {
        var (id, _) = await SessionAsync(app, 2, DateTime.UtcNow.AddDays(8));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var token = Forms.Token(await (await worker.GetAsync(StaffUrl(id))).HtmlAsync());
        var cases = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"{StaffUrl(id)}?handler=Seats", new() { ["places"] = "abc" }),
            ($"{StaffUrl(id)}?handler=Seats", new() { ["places"] = "-4" }),
            ($"{StaffUrl(id)}?handler=Seats", new() { ["places"] = "99999999999999" }),
            ($"{StaffUrl(id)}?handler=Seats", new()),
            ($"{StaffUrl(id)}?handler=Attendance", new() { ["presence[personne]"] = "present", ["presence[]"] = "peut-être", ["presence"] = "x" }),
            ($"{StaffUrl(id)}?handler=Attendance", new()),
            ($"{StaffUrl(id)}?handler=Cancel", new() { ["confirmer"] = "<script>" }),
            ($"{StaffUrl(id)}?handler=Nope", new()),
            ($"{StaffUrl(999999999)}?handler=Seats", new() { ["places"] = "3" }),
            ($"{StaffUrl(999999999)}?handler=Cancel", new() { ["confirmer"] = "oui" }),
            ("/suivi/ateliers/edition/999999999", new() { ["Input.Theme"] = "x" }),
            ("/suivi/ateliers/edition", new()),
            ("/suivi/ateliers/edition", new() { ["Input.Theme"] = new string('x', 5000), ["Input.Date"] = "9999-99-99", ["Input.Time"] = "abc", ["Input.Seats"] = "1e9" }),
            ($"/suivi/ateliers/edition/{id}", new() { ["Input.Theme"] = "", ["Input.Seats"] = "0" }),
            ("/suivi/ateliers?handler=Nope", new()),
        };
        foreach (var (url, fields) in cases)
        {
            fields["__RequestVerificationToken"] = token;
            var response = await worker.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
        var w = await app.WithDbAsync(db => db.Workshops.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((2, false), (w.Seats, w.IsCancelled));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(StaffUrl(999999999))).StatusCode);
    }
}
