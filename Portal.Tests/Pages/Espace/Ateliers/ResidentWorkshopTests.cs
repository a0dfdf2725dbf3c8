using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Formatting;
using Portal.Domain.Workshops;
using Portal.Testing;
using static Portal.Testing.WorkshopData;

namespace Portal.Tests.Pages.Espace.Ateliers;

[Collection(PortalCollection.Name)]
public class ResidentWorkshopTests(PortalApp app)
{
    [Fact]
    public async Task Sessions_show_theme_date_place_and_the_seats_left()
    {
        var starts = DateTime.UtcNow.AddDays(6);
        var (id, theme) = await SessionAsync(app, 3, starts);
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);

        var before = Card(await ben.Client.TextAsync(ResidentUrl), id);
        Assert.Contains(theme, before);
        Assert.Contains(French.DateTimeLong(starts), before);
        Assert.Contains("Bureau de l'association", before);
        Assert.Contains("3 places restantes sur 3", before);

        var page = await FollowAsync(ana, await ActAsync(ana, "Register", id));
        Assert.Contains("Votre inscription est enregistrée.", page);
        Assert.Contains("Se désinscrire", Card(page, id));
        await app.Mail.WaitForAsync(ana.Email, where: m => m.Subject.StartsWith("Inscription confirmée") && m.Subject.Contains(theme));

        var after = Card(await ben.Client.TextAsync(ResidentUrl), id);
        Assert.Contains("2 places restantes sur 3", after);
        Assert.Contains("S'inscrire", after);
        Assert.DoesNotContain("Résidente Atelier", after); // nobody's name is shown to residents
    }

    [Fact]
    public async Task A_full_session_puts_the_next_person_on_the_waiting_list_and_a_withdrawal_offers_them_the_seat_by_email()
    {
        var (id, theme) = await SessionAsync(app, 1, DateTime.UtcNow.AddDays(5));
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        await FollowAsync(ana, await ActAsync(ana, "Register", id));

        var full = Card(await ben.Client.TextAsync(ResidentUrl), id);
        Assert.Contains("Complet", full);
        Assert.Contains("Rejoindre la liste d'attente", full);
        var waiting = await FollowAsync(ben, await ActAsync(ben, "Register", id));
        Assert.Contains("liste d'attente, en position 1", waiting);
        Assert.Contains("Vous êtes en position 1 sur la liste d'attente.", Card(waiting, id));

        var withdrawn = await FollowAsync(ana, await ActAsync(ana, "Withdraw", id));
        Assert.Contains("Votre désinscription est enregistrée.", withdrawn);
        var line = await LineOfAsync(app, id, ben.Id);
        Assert.Equal(RegistrationStatus.Offered, line!.Status);
        var expires = line.OfferExpiresAtUtc!.Value;
        Assert.InRange(expires, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));

        var offer = await app.Mail.WaitForAsync(ben.Email, where: m => m.Subject.StartsWith("Une place se libère") && m.Subject.Contains(theme));
        Assert.Contains($"jusqu'au {French.DateTimeLong(expires)} (heure de Paris)", offer.Text);
        var link = MailDev.LinkIn(offer, $"/espace/ateliers/{id}");

        var details = await ben.Client.TextAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Accepter la place", details);
        Assert.Contains("Refuser la place", details);
        var token = Forms.Token(details);
        var accept = await ben.Client.PostAsync($"{ResidentUrl}?handler=Accept&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["retour"] = "fiche",
        }));
        Assert.Equal($"/espace/ateliers/{id}", accept.Headers.Location?.ToString());
        var accepted = await FollowAsync(ben, accept);
        Assert.Contains("La place est à vous", accepted);
        Assert.Equal(RegistrationStatus.Registered, (await LineOfAsync(app, id, ben.Id))!.Status);
        await app.Mail.WaitForAsync(ben.Email, where: m => m.Subject.StartsWith("Inscription confirmée"));
    }

    [Fact]
    public async Task A_resident_cannot_act_on_someone_elses_line()
    {
        var (id, _) = await SessionAsync(app, 1, DateTime.UtcNow.AddDays(5));
        var ana = await ResidentAsync(app);
        var ben = await ResidentAsync(app);
        var eve = await ResidentAsync(app);
        await LineAsync(app, id, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-10));
        await LineAsync(app, id, ben.Id, RegistrationStatus.Waiting, DateTime.UtcNow.AddMinutes(-5));
        await FollowAsync(ana, await ActAsync(ana, "Withdraw", id));
        Assert.Equal(RegistrationStatus.Offered, (await LineOfAsync(app, id, ben.Id))!.Status);

        // Eve has no line: every action on the session speaks of her own, and refuses.
        Assert.Contains("Aucune place ne vous est proposée", await FollowAsync(eve, await ActAsync(eve, "Accept", id)));
        Assert.Contains("Aucune place ne vous est proposée", await FollowAsync(eve, await ActAsync(eve, "Decline", id)));
        Assert.Contains("Vous n'êtes pas inscrit(e) à cette séance.", await FollowAsync(eve, await ActAsync(eve, "Withdraw", id)));

        var benLine = await LineOfAsync(app, id, ben.Id);
        Assert.Equal(RegistrationStatus.Offered, benLine!.Status);
        Assert.Null(await LineOfAsync(app, id, eve.Id));
        // Eve, signing up, waits behind the seat held for Ben.
        Assert.Contains("en position 1", await FollowAsync(eve, await ActAsync(eve, "Register", id)));
        Assert.Equal(RegistrationStatus.Offered, (await LineOfAsync(app, id, ben.Id))!.Status);
    }

    [Fact]
    public async Task Ten_people_taking_the_last_seat_at_once_get_one_seat_and_the_others_wait_in_line()
    {
        var (id, _) = await SessionAsync(app, 2, DateTime.UtcNow.AddDays(9));
        var first = await ResidentAsync(app);
        await LineAsync(app, id, first.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddMinutes(-30));
        var people = new List<Person>();
        for (var i = 0; i < 10; i++) people.Add(await ResidentAsync(app));
        var tokens = new List<string>();
        foreach (var p in people) tokens.Add(Forms.Token(await (await p.Client.GetAsync(ResidentUrl)).HtmlAsync()));

        using var go = new SemaphoreSlim(0);
        var posts = people.Select(async (p, i) =>
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[i] });
            await go.WaitAsync();
            return await p.Client.PostAsync($"{ResidentUrl}?handler=Register&id={id}", form);
        }).ToList();
        go.Release(people.Count);
        var answers = await Task.WhenAll(posts);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));

        var lines = await app.WithDbAsync(db => db.WorkshopSignups.AsNoTracking().Where(s => s.WorkshopId == id).ToListAsync());
        Assert.Equal(2, lines.Count(l => l.Status == RegistrationStatus.Registered));
        Assert.Equal(9, lines.Count(l => l.Status == RegistrationStatus.Waiting));
        Assert.Equal(11, lines.Count);

        // The waiting list is in order, each person seeing their own place in it.
        var positions = new List<int>();
        foreach (var p in people.Where(p => lines.Single(l => l.PersonId == p.Id).Status == RegistrationStatus.Waiting))
        {
            var card = Card(await p.Client.TextAsync(ResidentUrl), id);
            var at = card.IndexOf("en position ", StringComparison.Ordinal);
            Assert.True(at >= 0, card);
            positions.Add(int.Parse(card[(at + 12)..].Split(' ')[0]));
        }
        Assert.Equal(Enumerable.Range(1, 9), positions.Order());
    }

    [Fact]
    public async Task Past_sessions_show_the_attendance_recorded_and_unknown_sessions_are_404()
    {
        var ana = await ResidentAsync(app);
        var (id, theme) = await SessionAsync(app, 5, DateTime.UtcNow.AddHours(-3));
        await LineAsync(app, id, ana.Id, RegistrationStatus.Registered, DateTime.UtcNow.AddDays(-2));
        await app.WithDbAsync(db => db.WorkshopSignups.Where(s => s.WorkshopId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Attended, true)));

        var page = await ana.Client.TextAsync(ResidentUrl);
        var past = page[page.IndexOf("id=\"ateliers-passes\"", StringComparison.Ordinal)..];
        past = past[..past.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains(theme, past);
        Assert.Contains("Présent(e)", past[past.IndexOf(theme, StringComparison.Ordinal)..]);

        var other = await ResidentAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{ResidentUrl}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{ResidentUrl}/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.Client.GetAsync($"{ResidentUrl}/{id}")).StatusCode);
        // Too late to sign up or withdraw.
        Assert.Contains("déjà commencé", await FollowAsync(other, await ActAsync(other, "Register", id)));
        Assert.Contains("déjà commencé", await FollowAsync(ana, await ActAsync(ana, "Withdraw", id)));
    }

    [Fact]
    public async Task Htmx_actions_swap_the_content_in_place()
    {
        var (id, _) = await SessionAsync(app, 4, DateTime.UtcNow.AddDays(3));
        var ana = await ResidentAsync(app);
        var token = Forms.Token(await (await ana.Client.GetAsync(ResidentUrl)).HtmlAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ResidentUrl}?handler=Register&id={id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>()),
        };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", token);
        var response = await ana.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // htmx follows it and selects #contenu-ateliers
        var html = await ana.Client.TextAsync(response.Headers.Location!.ToString());
        Assert.Contains("id=\"contenu-ateliers\"", html);
        Assert.Contains("Votre inscription est enregistrée.", html);
    }

    [Fact]
    public async Task Garbage_posts_never_answer_a_server_error()
    {
        var ana = await ResidentAsync(app);
        var token = Forms.Token(await (await ana.Client.GetAsync(ResidentUrl)).HtmlAsync());
        var urls = new[]
        {
            $"{ResidentUrl}?handler=Register&id=abc", $"{ResidentUrl}?handler=Register&id=999999999", $"{ResidentUrl}?handler=Register",
            $"{ResidentUrl}?handler=Withdraw&id=-1", $"{ResidentUrl}?handler=Accept&id=99999999999999999999", $"{ResidentUrl}?handler=Decline&id=0",
            $"{ResidentUrl}?handler=Nope", ResidentUrl, $"{ResidentUrl}/1", $"{ResidentUrl}/abc",
        };
        foreach (var url in urls)
        {
            var response = await ana.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["retour"] = "<script>", ["id"] = "x",
            }));
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkshopSignups.CountAsync(s => s.PersonId == ana.Id)));
    }
}
