using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.Testing;
using Portal.E2E.Pages.Espace.RendezVous;
using Portal.E2E.Pages.RendezVous;
using Portal.E2E.Pages.Suivi.Agenda;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class AppointmentFlowTests(E2EApp app)
{
    private const string DemoPassword = "Passerelle-Demo-2026!";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly Regex When = new(@"le (\d{1,2} \p{L}+ \d{4}) à (\d{2}:\d{2})");

    [Fact]
    public async Task Without_javascript_a_person_books_and_no_address_ever_carries_the_antiforgery_token()
    {
        var email = $"sans-js-{Guid.NewGuid():N}@exemple.fr";
        var withJs = await app.NewPageAsync();
        await app.SignUpAsync(withJs, email, "Lucie Sansjs", "Sans-Script-2026");
        var state = await withJs.Context.StorageStateAsync();
        await withJs.Context.CloseAsync();

        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "fr-FR", TimezoneId = "Europe/Paris", JavaScriptEnabled = false, StorageState = state });
        var person = await context.NewPageAsync();
        var urls = new List<string>();
        person.Request += (_, request) => urls.Add(request.Url);

        var book = new BookPage(person);
        await book.GotoAsync();
        await book.ChooseMotifAsync("Premier accueil (60 min)");
        await book.ShowSlotsAsync();
        var slots = book.Slots;
        if (!await slots.First.IsVisibleAsync())
        {
            await book.ChoosePlaceAsync(1);
            await book.ShowSlotsAsync();
        }
        await Expect(slots.First).ToBeVisibleAsync();
        await slots.Last.CheckAsync();
        await book.ConfirmAsync();
        var appointments = new MyAppointmentsPage(person);
        await Expect(appointments.Title).ToBeVisibleAsync();
        await Expect(appointments.Confirmed).ToBeVisibleAsync();

        Assert.DoesNotContain(urls, u => u.Contains("RequestVerificationToken", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("RequestVerificationToken", person.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_person_books_moves_then_cancels_from_the_email_link_and_the_worker_planning_follows()
    {
        var email = $"karima-{Guid.NewGuid():N}@exemple.fr";
        var person = await app.NewPageAsync(phone: true);
        await app.SignUpAsync(person, email, "Karima Haddad", "Un-Rendez-Vous-2026");

        // Book: motif, place, then a slot three weeks ahead (far from the 24 h limit).
        var book = new BookPage(person);
        await book.GotoAsync();
        await Expect(book.Title).ToBeVisibleAsync();
        await book.ChooseMotifAsync("Premier accueil (60 min)");
        await book.ChooseAPlaceWithSlotsAsync();
        await app.CheckPageAsync(person, "60-prendre-rendez-vous");
        await book.Slots.Last.CheckAsync();
        await book.ConfirmAsync();
        var appointments = new MyAppointmentsPage(person);
        await Expect(appointments.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(person, "61-mes-rendez-vous");

        var confirmation = await app.Mail.WaitForAsync(email, where: m => m.Subject.StartsWith("Rendez-vous confirmé"));
        var ics = Assert.Single(confirmation.Attachments ?? []);
        Assert.Equal("rendez-vous.ics", ics.FileName);
        var booked = ParseWhen(confirmation.Subject);
        var worker = confirmation.Text!.Contains("Claire Martin") ? "travailleur1@demo.passerelle.fr" : "travailleur2@demo.passerelle.fr";

        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, worker, DemoPassword);
        var agenda = new AgendaPage(staff);
        await agenda.GotoWeekAsync(booked);
        await Expect(agenda.Text("Karima Haddad").First).ToBeVisibleAsync();
        await Expect(agenda.Text(booked.ToString("HH:mm", French)).First).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "62-agenda-rendez-vous-pris");

        // Move it: the same appointment at another time, announced by email.
        await appointments.MoveFirstAsync();
        var move = new MovePage(person);
        await Expect(move.Title).ToBeVisibleAsync();
        var others = move.Slots;
        await others.Nth(await others.CountAsync() - 2).CheckAsync();
        await app.CheckPageAsync(person, "63-deplacer");
        await move.MoveAsync();
        var moved = await app.Mail.WaitForAsync(email, where: m => m.Subject.StartsWith("Rendez-vous déplacé"));
        var movedAt = ParseWhen(moved.Subject);
        Assert.NotEqual(booked, movedAt);
        // The new slot may be another worker's: their week shows it.
        var movedWorker = moved.Text!.Contains("Claire Martin") ? "travailleur1@demo.passerelle.fr" : "travailleur2@demo.passerelle.fr";
        var movedStaff = staff;
        if (movedWorker != worker)
        {
            movedStaff = await app.NewPageAsync();
            await app.SignInAsync(movedStaff, movedWorker, DemoPassword);
        }
        var movedAgenda = new AgendaPage(movedStaff);
        await movedAgenda.GotoWeekAsync(movedAt);
        await Expect(movedAgenda.Text(movedAt.ToString("HH:mm", French)).First).ToBeVisibleAsync();

        // Cancel from the link in the last email, in a browser where nobody is signed in.
        var stranger = await app.NewPageAsync();
        await stranger.GotoAsync(MailDev.LinkIn(moved, "/rendez-vous/annuler"));
        var cancel = new CancelPage(stranger);
        await Expect(cancel.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(stranger, "64-annuler-par-lien");
        await cancel.CancelAsync();
        await app.Mail.WaitForAsync(email, where: m => m.Subject.StartsWith("Rendez-vous annulé"));

        await movedStaff.ReloadAsync();
        await Expect(movedAgenda.Text("Annulé").First).ToBeVisibleAsync();
        await app.CheckPageAsync(movedStaff, "65-agenda-rendez-vous-annule");
        await appointments.GotoAsync();
        await Expect(appointments.None).ToBeVisibleAsync();

        foreach (var p in new[] { person, staff, stranger }) await p.Context.CloseAsync();
    }

    private static DateTime ParseWhen(string subject)
    {
        var m = When.Match(subject);
        Assert.True(m.Success, $"No date in « {subject} »");
        return DateTime.ParseExact($"{m.Groups[1].Value} {m.Groups[2].Value}", "d MMMM yyyy HH:mm", French);
    }
}
