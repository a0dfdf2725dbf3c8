using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Appointments;
using Portal.Domain.Appointments;
using Portal.Testing;
using static Portal.Testing.AppointmentData;

namespace Portal.Tests.Pages.RendezVous;

[Collection(PortalCollection.Name)]
public class CancellationLinkTests(PortalApp app)
{
    [Fact]
    public async Task The_link_cancels_its_own_appointment_once_without_signing_in()
    {
        var r = await ResidentAsync(app);
        var other = await InsertAsync(app, r.Id, DateTime.UtcNow.AddDays(9));
        var id = await BookFirstAsync(app, r);
        var mail = await app.Mail.WaitForAsync(r.Email, where: m => m.Subject.Contains("confirmé"));
        var link = new Uri(MailDev.LinkIn(mail, "/rendez-vous/annuler")).PathAndQuery;

        var anonymous = app.Client();
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.TextAsync();
        Assert.Contains("Annuler ce rendez-vous", html);
        Assert.Contains("Premier accueil", html);
        // Opening the link alone cancels nothing.
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(id));

        var done = await Forms.PostAsync(anonymous, link, new());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Votre rendez-vous est annulé", await done.TextAsync());
        Assert.Equal(AppointmentStatus.Cancelled, await StatusAsync(id));
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(other));

        var again = await anonymous.GetAsync(link);
        var text = await again.TextAsync();
        Assert.Contains("déjà servi", text);
        Assert.DoesNotContain("Annuler ce rendez-vous</button>", text);
    }

    [Fact]
    public async Task A_tampered_or_expired_token_is_refused_in_French()
    {
        var r = await ResidentAsync(app);
        var id = await InsertAsync(app, r.Id, DateTime.UtcNow.AddDays(8));
        var start = await app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.StartUtc).SingleAsync());
        string valid, expired;
        await using (var scope = app.Scope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<AppointmentTokens>();
            valid = tokens.Issue(id, start, AppointmentPolicy.Default);
            expired = tokens.IssueExpiring(id, start, DateTimeOffset.UtcNow.AddMinutes(-1));
        }
        var tampered = valid[..^4] + (valid[^4] == 'A' ? "B" : "A") + valid[^3..];
        var anonymous = app.Client();
        var validPage = await anonymous.GetAsync("/rendez-vous/annuler?jeton=" + Uri.EscapeDataString(valid));
        Assert.Contains("Annuler ce rendez-vous", await validPage.TextAsync());
        var antiforgery = Forms.Token(await validPage.HtmlAsync());
        foreach (var token in new[] { tampered, expired, "n'importe quoi", "" })
        {
            var url = "/rendez-vous/annuler?jeton=" + Uri.EscapeDataString(token);
            var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("n'est pas valable ou a expiré", await page.TextAsync());
            var post = await anonymous.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
            Assert.True((int)post.StatusCode < 500);
        }
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(id));
    }

    private Task<AppointmentStatus> StatusAsync(long id) => app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
