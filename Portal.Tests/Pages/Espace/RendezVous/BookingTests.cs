using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Appointments;
using Portal.Domain.Appointments;
using Portal.Testing;
using static Portal.Testing.AppointmentData;

namespace Portal.Tests.Pages.Espace.RendezVous;

[Collection(PortalCollection.Name)]
public class BookingTests(PortalApp app)
{
    [Fact]
    public async Task Booking_creates_the_appointment_and_emails_a_calendar_attachment()
    {
        var r = await ResidentAsync(app);
        var (motif, place) = await OfficeFirstVisitAsync(app);
        var page = await r.Client.GetAsync(Choose(motif, place));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.TextAsync();
        Assert.DoesNotContain("Visite à domicile (", html); // not bookable online
        var slot = Slots(html)[0];
        Assert.True(SlotChoice.TryParse(slot, out _, out var startUtc));

        var response = await Forms.PostAsync(r.Client, Choose(motif, place), new() { ["motif"] = $"{motif}", ["lieu"] = $"{place}", ["creneau"] = slot });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var row = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PersonId == r.Id));
        Assert.Equal(startUtc, row.StartUtc);
        Assert.Equal(AppointmentStatus.Booked, row.Status);
        Assert.Equal(60, row.DurationMinutes);

        var mail = await app.Mail.WaitForAsync(r.Email, where: m => m.Subject.Contains("confirmé"));
        var ics = Assert.Single(mail.Attachments ?? []);
        Assert.Equal("rendez-vous.ics", ics.FileName);
        Assert.StartsWith("text/calendar", ics.ContentType);
        Assert.Contains("/rendez-vous/annuler?jeton=", mail.Text);
        Assert.Contains("12 rue de la Paix", mail.Text);

        var list = await (await r.Client.GetAsync("/espace/rendez-vous")).TextAsync();
        Assert.Contains("Premier accueil", list);

        var home = await (await r.Client.GetAsync("/espace")).TextAsync();
        Assert.Contains("Prochain rendez-vous", home);
        Assert.Contains(Portal.Domain.Formatting.French.DateTimeLong(startUtc), home);
    }

    [Fact]
    public async Task Htmx_choice_answers_the_fragment_with_places_and_slots()
    {
        var r = await ResidentAsync(app);
        var (motif, place) = await OfficeFirstVisitAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BookUrl}?handler=Choice&motif={motif}&lieu={place}");
        request.Headers.Add("HX-Request", "true");
        var response = await r.Client.SendAsync(request);
        var html = await response.TextAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"choix\"", html.TrimStart());
        Assert.NotEmpty(Slots(html));
    }

    [Fact]
    public async Task Moving_keeps_the_same_appointment_and_emails_the_new_time()
    {
        var r = await ResidentAsync(app);
        var id = await BookFirstAsync(app, r);
        var before = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        var page = await r.Client.GetAsync($"/espace/rendez-vous/{id}/deplacer");
        var slot = Slots(await page.TextAsync()).First(s => SlotChoice.TryParse(s, out _, out var t) && t != before.StartUtc && t > DateTime.UtcNow.AddHours(26));

        var response = await Forms.PostAsync(r.Client, $"/espace/rendez-vous/{id}/deplacer", new() { ["creneau"] = slot });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var rows = await app.WithDbAsync(db => db.Appointments.AsNoTracking().Where(a => a.PersonId == r.Id).ToListAsync());
        var moved = Assert.Single(rows);
        Assert.Equal(id, moved.Id);
        Assert.NotEqual(before.StartUtc, moved.StartUtc);
        Assert.Equal(AppointmentStatus.Booked, moved.Status);
        var mail = await app.Mail.WaitForAsync(r.Email, where: m => m.Subject.Contains("déplacé"));
        Assert.Equal("rendez-vous.ics", Assert.Single(mail.Attachments ?? []).FileName);
    }

    [Fact]
    public async Task Cancelling_within_the_limit_frees_the_slot()
    {
        var r = await ResidentAsync(app);
        var id = await BookFirstAsync(app, r);
        var response = await Forms.PostAsync(r.Client, "/espace/rendez-vous", new(), handler: $"Cancel&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = await app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
        Assert.Equal(AppointmentStatus.Cancelled, status);
        Assert.Contains("est annulé", await (await r.Client.GetAsync("/espace/rendez-vous")).TextAsync());
        await app.Mail.WaitForAsync(r.Email, where: m => m.Subject.Contains("annulé"));
    }

    [Fact]
    public async Task Cancelling_less_than_24_hours_before_is_refused_in_French()
    {
        var r = await ResidentAsync(app);
        var id = await InsertAsync(app, r.Id, DateTime.UtcNow.AddHours(3));
        var response = await Forms.PostAsync(r.Client, "/espace/rendez-vous", new(), handler: $"Cancel&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ne peut plus être annulé en ligne moins de 24 heures", await (await r.Client.GetAsync("/espace/rendez-vous")).TextAsync());
        Assert.Equal(AppointmentStatus.Booked, await app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        var move = await r.Client.GetAsync($"/espace/rendez-vous/{id}/deplacer");
        Assert.Contains("ne peut plus être déplacé", await move.TextAsync());
    }

    [Fact]
    public async Task Another_resident_gets_404_on_every_address_and_post()
    {
        var owner = await ResidentAsync(app);
        var id = await InsertAsync(app, owner.Id, DateTime.UtcNow.AddDays(5));
        var other = await ResidentAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/espace/rendez-vous/{id}/deplacer")).StatusCode);
        var token = Forms.Token(await (await other.Client.GetAsync("/espace/rendez-vous")).HtmlAsync());
        var cancel = await other.Client.PostAsync($"/espace/rendez-vous?handler=Cancel&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        var move = await other.Client.PostAsync($"/espace/rendez-vous/{id}/deplacer", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["creneau"] = $"{DateTime.UtcNow.AddDays(6).Ticks}_x" }));
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.DoesNotContain($"id=\"rdv-{id}\"", await (await other.Client.GetAsync("/espace/rendez-vous")).HtmlAsync());
        Assert.Equal(AppointmentStatus.Booked, await app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Garbage_posts_never_answer_a_server_error()
    {
        var r = await ResidentAsync(app);
        var (motif, place) = await OfficeFirstVisitAsync(app);
        var token = Forms.Token(await (await r.Client.GetAsync(BookUrl)).HtmlAsync());
        var cases = new[]
        {
            (BookUrl, new Dictionary<string, string> { ["motif"] = "abc", ["lieu"] = "-1", ["creneau"] = "zzz" }),
            (BookUrl, new Dictionary<string, string> { ["motif"] = $"{motif}", ["lieu"] = $"{place}", ["creneau"] = "99999999999999999999_x" }),
            (BookUrl, new Dictionary<string, string> { ["motif"] = $"{motif}", ["lieu"] = $"{place}", ["creneau"] = $"{DateTime.UtcNow.AddDays(3).Ticks}_nobody" }),
            (BookUrl, new Dictionary<string, string> { ["motif"] = $"{motif}", ["lieu"] = $"{place}", ["creneau"] = "-5_x" }),
            (BookUrl + "?handler=Nope", new Dictionary<string, string>()),
            ("/espace/rendez-vous/999999999/deplacer", new Dictionary<string, string> { ["creneau"] = "1_x" }),
            ("/espace/rendez-vous?handler=Cancel&id=abc", new Dictionary<string, string>()),
            ("/rendez-vous/annuler?jeton=%00%01garbage", new Dictionary<string, string>()),
        };
        foreach (var (url, fields) in cases)
        {
            fields["__RequestVerificationToken"] = token;
            var response = await r.Client.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PersonId == r.Id)));
    }

    [Fact]
    public async Task Twenty_people_confirming_the_same_slot_at_once_get_one_booking()
    {
        var (motif, place) = await OfficeFirstVisitAsync(app);
        var residents = new List<Resident>();
        for (var i = 0; i < 20; i++) residents.Add(await ResidentAsync(app));
        var pages = new List<string>();
        foreach (var r in residents) pages.Add(await (await r.Client.GetAsync(Choose(motif, place))).HtmlAsync());
        var slot = Slots(pages[0])[0];
        Assert.True(SlotChoice.TryParse(slot, out var workerId, out var startUtc));

        using var go = new SemaphoreSlim(0);
        var posts = residents.Select(async (r, i) =>
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(pages[i]), ["motif"] = $"{motif}", ["lieu"] = $"{place}", ["creneau"] = slot,
            });
            await go.WaitAsync();
            var response = await r.Client.PostAsync(BookUrl, form);
            return (response.StatusCode, Text: await response.TextAsync());
        }).ToList();
        go.Release(20);
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, a.Text));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(19, answers.Count(a => a.Text.Contains("ce créneau vient d'être pris", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.WorkerId == workerId && a.StartUtc == startUtc && a.Status != AppointmentStatus.Cancelled)));
    }
}
