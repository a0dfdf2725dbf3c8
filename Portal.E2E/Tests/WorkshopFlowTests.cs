using Microsoft.Playwright;
using Portal.E2E.Pages;
using Portal.E2E.Support;
using Portal.Testing;
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
        var pages = new WorkshopPages(app);
        var theme = $"Économies d'énergie – groupe {Guid.NewGuid().ToString("N")[..4]}";
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));

        // A worker opens a two-seat session.
        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, "travailleur1@demo.passerelle.fr", DemoPassword);
        await pages.CreateSessionAsync(staff, theme, day, "10:00", 2, "70-ateliers-equipe");
        await app.CheckPageAsync(staff, "71-seance-creee");
        var sessionUrl = staff.Url;

        var people = new List<(IPage Page, string Email, string Name)>();
        foreach (var (name, phone) in new[] { ("Lina Moreau", true), ("Yanis Petit", false), ("Awa Traoré", true) })
        {
            var email = $"atelier-{Guid.NewGuid():N}@exemple.fr";
            var page = await app.NewPageAsync(phone);
            await app.SignUpAsync(page, email, name, Password);
            await page.GotoAsync("/espace/ateliers");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ateliers", Level = 1 })).ToBeVisibleAsync();
            people.Add((page, email, name));
        }
        var (lina, yanis, awa) = (people[0], people[1], people[2]);

        // Two sign up: the session is full.
        await Expect(WorkshopPages.Card(lina.Page, theme).GetByText("2 places restantes sur 2")).ToBeVisibleAsync();
        await app.CheckPageAsync(lina.Page, "72-ateliers-resident");
        await WorkshopPages.ActAsync(lina.Page, theme, "S'inscrire", "Votre inscription est enregistrée.");
        await app.Mail.WaitForAsync(lina.Email, where: m => m.Subject.StartsWith("Inscription confirmée"));
        await yanis.Page.ReloadAsync();
        await Expect(WorkshopPages.Card(yanis.Page, theme).GetByText("1 place restante sur 2")).ToBeVisibleAsync();
        await WorkshopPages.ActAsync(yanis.Page, theme, "S'inscrire", "Votre inscription est enregistrée.");
        await app.CheckPageAsync(yanis.Page, "73-inscrit");

        // The third joins the waiting list, first in line.
        await awa.Page.ReloadAsync();
        var awaCard = WorkshopPages.Card(awa.Page, theme);
        await Expect(awaCard.GetByText("Complet (2 places)")).ToBeVisibleAsync();
        await WorkshopPages.ActAsync(awa.Page, theme, "Rejoindre la liste d'attente", "en position 1");
        await Expect(awaCard.GetByText("Vous êtes en position 1 sur la liste d'attente.")).ToBeVisibleAsync();
        await app.CheckPageAsync(awa.Page, "74-liste-attente");

        await staff.GotoAsync(sessionUrl);
        var waitingList = staff.GetByRole(AriaRole.Region, new() { Name = "Liste d'attente (1)" });
        await Expect(waitingList.GetByText("Awa Traoré")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Region, new() { Name = "Participants (2)" }).GetByText("Lina Moreau")).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "75-seance-complete");

        // One withdraws: the seat is offered to Awa by email, held for 24 hours.
        await lina.Page.ReloadAsync();
        await WorkshopPages.ActAsync(lina.Page, theme, "Se désinscrire", "Votre désinscription est enregistrée.");
        var offer = await app.Mail.WaitForAsync(awa.Email, where: m => m.Subject.StartsWith("Une place se libère"));
        Assert.Contains(theme, offer.Subject);
        Assert.Contains("(heure de Paris)", offer.Text);
        await awa.Page.GotoAsync(MailDev.LinkIn(offer, "/espace/ateliers/"));
        await Expect(awa.Page.GetByRole(AriaRole.Heading, new() { Name = $"Atelier « {theme} »", Level = 1 })).ToBeVisibleAsync();
        await Expect(awa.Page.GetByText("Une place vous est réservée jusqu'au")).ToBeVisibleAsync();
        await app.CheckPageAsync(awa.Page, "76-place-proposee");
        await WorkshopPages.ActAsync(awa.Page, theme, "Accepter la place", "La place est à vous");
        await Expect(WorkshopPages.Card(awa.Page, theme).GetByText("Inscrit(e)", new() { Exact = true })).ToBeVisibleAsync();
        await app.CheckPageAsync(awa.Page, "77-place-acceptee");
        await app.Mail.WaitForAsync(awa.Email, where: m => m.Subject.StartsWith("Inscription confirmée"));

        await awa.Page.GotoAsync("/espace/ateliers");
        var mine = awa.Page.GetByRole(AriaRole.Region, new() { Name = "Mes ateliers" });
        await Expect(mine.GetByRole(AriaRole.Link, new() { Name = theme })).ToBeVisibleAsync();

        await staff.ReloadAsync();
        var participants = staff.GetByRole(AriaRole.Region, new() { Name = "Participants (2)" });
        await Expect(participants.GetByText("Awa Traoré")).ToBeVisibleAsync();
        await Expect(participants.GetByText("Yanis Petit")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Region, new() { Name = "Liste d'attente (0)" })).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "78-seance-apres-desistement");

        // After a session, the worker records who came (the demo's past session).
        await staff.GotoAsync("/suivi/ateliers");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Passées" }).ClickAsync();
        await app.CheckPageAsync(staff, "79-seances-passees");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Mon logement et moi" }).First.ClickAsync();
        var sophie = staff.GetByRole(AriaRole.Group, new() { Name = "Présence de Sophie Durand" });
        await Expect(sophie.GetByLabel("Présent(e)")).ToBeCheckedAsync();
        await staff.GetByRole(AriaRole.Group, new() { Name = "Présence de Mamadou Diallo" }).GetByLabel("Présent(e)").CheckAsync();
        await app.CheckPageAsync(staff, "80-presences");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(staff.GetByText("Les présences sont enregistrées.")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Group, new() { Name = "Présence de Mamadou Diallo" }).GetByLabel("Présent(e)")).ToBeCheckedAsync();

        foreach (var p in new[] { staff, lina.Page, yanis.Page, awa.Page }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task A_worker_adds_a_household_without_account_to_a_session_of_today_and_marks_it_present_before_it_starts()
    {
        var pages = new WorkshopPages(app);
        var t = "E2E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var theme = $"Mon logement et moi – {t}";
        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, "travailleur1@demo.passerelle.fr", DemoPassword);

        // A household with no resident account, opened by staff.
        await staff.GotoAsync("/suivi/menages/nouveau");
        await staff.Locator("#Input_Name").FillAsync($"KONATE{t} Fatou");
        await staff.Locator("#Input_Members_0__FirstName").FillAsync("Fatou");
        await staff.Locator("#Input_Members_0__LastName").FillAsync($"Konate{t}");
        await staff.Locator("#Input_Members_0__Relationship").SelectOptionAsync("Applicant");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le dossier" }).Last.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"KONATE{t} Fatou");
        var fileUrl = staff.Url;

        // A session later today (Paris time), not started yet.
        var (day, time) = await LaterTodayAsync();
        await pages.CreateSessionAsync(staff, theme, day, time, 8, "75-atelier-du-jour");
        var sessionUrl = staff.Url;

        await staff.GetByLabel("Nom du ménage").FillAsync($"konate{t.ToLowerInvariant()}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Chercher le ménage" }).ClickAsync();
        var household = staff.GetByRole(AriaRole.Group, new() { Name = $"Ménage KONATE{t} Fatou" });
        await household.GetByLabel($"Fatou Konate{t} (sans compte)").CheckAsync();
        await app.CheckPageAsync(staff, "76-ajouter-participants");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Inscrire les personnes cochées" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Inscrit(e)s : Fatou Konate{t}." })).ToBeVisibleAsync();

        // On the day, before the start, the worker records who came.
        await staff.GetByRole(AriaRole.Group, new() { Name = $"Présence de Fatou Konate{t}" }).GetByLabel("Présent(e)").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(staff.GetByText("Les présences sont enregistrées.")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Group, new() { Name = $"Présence de Fatou Konate{t}" }).GetByLabel("Présent(e)")).ToBeCheckedAsync();
        await app.CheckPageAsync(staff, "77-presence-jour-meme");
        Assert.EndsWith(new Uri(sessionUrl).AbsolutePath, new Uri(staff.Url).AbsolutePath);

        // The household file counts the workshop of its person without an account.
        await staff.GotoAsync(fileUrl);
        var workshops = staff.GetByRole(AriaRole.Region, new() { Name = "Ateliers collectifs" });
        await Expect(workshops).ToContainTextAsync("1 atelier suivi");
        await Expect(workshops).ToContainTextAsync($"{theme}, le ");
        await Expect(workshops).ToContainTextAsync($"Fatou Konate{t}");
        await staff.Context.CloseAsync();
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
