using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.Testing;
using Portal.E2E.Pages.Suivi.Ateliers;
using Portal.E2E.Pages.Suivi.Menages;
using Portal.E2E.Pages.Espace.Ateliers;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class WorkshopFlowTests(E2EApp app)
{
    private const string DemoPassword = "Passerelle-Demo-2026!";
    private const string Password = "Un-Atelier-2026";

    [Fact]
    public async Task A_workshop_fills_the_next_person_waits_one_withdraws_and_the_waiting_person_accepts_the_seat_offered()
    {
        var theme = $"Économies d'énergie – groupe {Guid.NewGuid().ToString("N")[..4]}";
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));

        // A worker opens a two-seat session.
        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, "travailleur1@demo.passerelle.fr", DemoPassword);
        var session = await CreateSessionAsync(staff, theme, day, "10:00", 2, "70-ateliers-equipe");
        await app.CheckPageAsync(staff, "71-seance-creee");
        var sessionUrl = staff.Url;

        var people = new List<(WorkshopsPage Page, string Email, string Name)>();
        foreach (var (name, phone) in new[] { ("Lina Moreau", true), ("Yanis Petit", false), ("Awa Traoré", true) })
        {
            var email = $"atelier-{Guid.NewGuid():N}@exemple.fr";
            var page = await app.NewPageAsync(phone);
            await app.SignUpAsync(page, email, name, Password);
            var space = new WorkshopsPage(page);
            await space.GotoAsync();
            await Expect(space.Title).ToBeVisibleAsync();
            people.Add((space, email, name));
        }
        var (lina, yanis, awa) = (people[0], people[1], people[2]);

        // Two sign up: the session is full.
        await Expect(lina.Page.Card(theme).GetByText("2 places restantes sur 2")).ToBeVisibleAsync();
        await app.CheckPageAsync(lina.Page.Page, "72-ateliers-resident");
        await lina.Page.ActAsync(theme, "S'inscrire", "Votre inscription est enregistrée.");
        await app.Mail.WaitForAsync(lina.Email, where: m => m.Subject.StartsWith("Inscription confirmée"));
        await yanis.Page.Page.ReloadAsync();
        await Expect(yanis.Page.Card(theme).GetByText("1 place restante sur 2")).ToBeVisibleAsync();
        await yanis.Page.ActAsync(theme, "S'inscrire", "Votre inscription est enregistrée.");
        await app.CheckPageAsync(yanis.Page.Page, "73-inscrit");

        // The third joins the waiting list, first in line.
        await awa.Page.Page.ReloadAsync();
        var awaCard = awa.Page.Card(theme);
        await Expect(awaCard.GetByText("Complet (2 places)")).ToBeVisibleAsync();
        await awa.Page.ActAsync(theme, "Rejoindre la liste d'attente", "en position 1");
        await Expect(awaCard.GetByText("Vous êtes en position 1 sur la liste d'attente.")).ToBeVisibleAsync();
        await app.CheckPageAsync(awa.Page.Page, "74-liste-attente");

        await staff.GotoAsync(sessionUrl);
        var waitingList = session.WaitingList(1);
        await Expect(waitingList.GetByText("Awa Traoré")).ToBeVisibleAsync();
        await Expect(session.Participants(2).GetByText("Lina Moreau")).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "75-seance-complete");

        // One withdraws: the seat is offered to Awa by email, held for 24 hours.
        await lina.Page.Page.ReloadAsync();
        await lina.Page.ActAsync(theme, "Se désinscrire", "Votre désinscription est enregistrée.");
        var offer = await app.Mail.WaitForAsync(awa.Email, where: m => m.Subject.StartsWith("Une place se libère"));
        Assert.Contains(theme, offer.Subject);
        Assert.Contains("(heure de Paris)", offer.Text);
        await awa.Page.Page.GotoAsync(MailDev.LinkIn(offer, "/espace/ateliers/"));
        await Expect(awa.Page.SessionTitle(theme)).ToBeVisibleAsync();
        await Expect(awa.Page.Text("Une place vous est réservée jusqu'au")).ToBeVisibleAsync();
        await app.CheckPageAsync(awa.Page.Page, "76-place-proposee");
        await awa.Page.ActAsync(theme, "Accepter la place", "La place est à vous");
        await Expect(awa.Page.Card(theme).GetByText("Inscrit(e)", new() { Exact = true })).ToBeVisibleAsync();
        await app.CheckPageAsync(awa.Page.Page, "77-place-acceptee");
        await app.Mail.WaitForAsync(awa.Email, where: m => m.Subject.StartsWith("Inscription confirmée"));

        await awa.Page.GotoAsync();
        var mine = awa.Page.Mine;
        await Expect(mine.GetByRole(AriaRole.Link, new() { Name = theme })).ToBeVisibleAsync();

        await staff.ReloadAsync();
        var participants = session.Participants(2);
        await Expect(participants.GetByText("Awa Traoré")).ToBeVisibleAsync();
        await Expect(participants.GetByText("Yanis Petit")).ToBeVisibleAsync();
        await Expect(session.WaitingList(0)).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "78-seance-apres-desistement");

        // After a session, the worker records who came (the demo's past session).
        var workshops = new SessionsPage(staff);
        await workshops.GotoAsync();
        await workshops.ShowPastAsync();
        await app.CheckPageAsync(staff, "79-seances-passees");
        await workshops.OpenFirstAsync("Mon logement et moi");
        var past = new SessionPage(staff);
        await Expect(past.Present("Sophie Durand")).ToBeCheckedAsync();
        await past.Present("Mamadou Diallo").CheckAsync();
        await app.CheckPageAsync(staff, "80-presences");
        await past.SaveAttendanceAsync();
        await Expect(past.AttendanceSaved).ToBeVisibleAsync();
        await Expect(past.Present("Mamadou Diallo")).ToBeCheckedAsync();

        foreach (var p in new[] { staff, lina.Page.Page, yanis.Page.Page, awa.Page.Page }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task A_worker_adds_a_household_without_account_to_a_session_of_today_and_marks_it_present_before_it_starts()
    {
        var t = "E2E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var theme = $"Mon logement et moi – {t}";
        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, "travailleur1@demo.passerelle.fr", DemoPassword);

        // A household with no resident account, opened by staff.
        var newHousehold = new NewHouseholdPage(staff);
        await newHousehold.GotoAsync();
        await newHousehold.FillAsync($"KONATE{t} Fatou", "Fatou", $"Konate{t}");
        await newHousehold.OpenAsync();
        var file = new HouseholdFilePage(staff);
        await Expect(file.Title).ToContainTextAsync($"KONATE{t} Fatou");
        var fileUrl = staff.Url;

        // A session later today (Paris time), not started yet.
        var (day, time) = await LaterTodayAsync();
        var session = await CreateSessionAsync(staff, theme, day, time, 8, "75-atelier-du-jour");
        var sessionUrl = staff.Url;

        await session.SearchHouseholdAsync($"konate{t.ToLowerInvariant()}");
        var household = session.Household($"KONATE{t} Fatou");
        await household.GetByLabel($"Fatou Konate{t} (sans compte)").CheckAsync();
        await app.CheckPageAsync(staff, "76-ajouter-participants");
        await session.EnrolCheckedAsync();
        await Expect(session.Status($"Inscrit(e)s : Fatou Konate{t}.")).ToBeVisibleAsync();

        // On the day, before the start, the worker records who came.
        await session.Present($"Fatou Konate{t}").CheckAsync();
        await session.SaveAttendanceAsync();
        await Expect(session.AttendanceSaved).ToBeVisibleAsync();
        await Expect(session.Present($"Fatou Konate{t}")).ToBeCheckedAsync();
        await app.CheckPageAsync(staff, "77-presence-jour-meme");
        Assert.EndsWith(new Uri(sessionUrl).AbsolutePath, new Uri(staff.Url).AbsolutePath);

        // The household file counts the workshop of its person without an account.
        await staff.GotoAsync(fileUrl);
        var workshops = file.Workshops;
        await Expect(workshops).ToContainTextAsync("1 atelier suivi");
        await Expect(workshops).ToContainTextAsync($"{theme}, le ");
        await Expect(workshops).ToContainTextAsync($"Fatou Konate{t}");
        await staff.Context.CloseAsync();
    }

    /// Creates a session through the staff form and returns on its page.
    private async Task<SessionPage> CreateSessionAsync(IPage staff, string theme, DateOnly day, string time, int seats, string shot)
    {
        var workshops = new SessionsPage(staff);
        await workshops.GotoAsync();
        await Expect(workshops.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, shot + "-liste");
        await workshops.NewSessionAsync();
        var form = new SessionFormPage(staff);
        await Expect(form.Title).ToBeVisibleAsync();
        await form.FillAsync(theme, "Chauffage, eau chaude, éclairage : les bons gestes.", day, time, 90, seats);
        await app.CheckPageAsync(staff, shot + "-formulaire");
        await form.CreateAsync();
        var session = new SessionPage(staff);
        await Expect(session.Title(theme)).ToBeVisibleAsync();
        await Expect(session.Created).ToBeVisibleAsync();
        return session;
    }

    /// A Paris time later today, a few minutes ahead at least (waits past midnight when too close).
    private static async Task<(DateOnly Day, string Time)> LaterTodayAsync()
    {
        var paris = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var left = paris.Date.AddDays(1) - paris;
        if (left < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(left + TimeSpan.FromSeconds(2));
            paris = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
            left = paris.Date.AddDays(1) - paris;
        }
        var start = paris + left / 2;
        return (DateOnly.FromDateTime(start), start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}
