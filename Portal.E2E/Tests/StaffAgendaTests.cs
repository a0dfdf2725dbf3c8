using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.E2E.Pages.Admin.RendezVous;
using Portal.E2E.Pages.Suivi.Agenda;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class StaffAgendaTests(E2EApp app)
{
    private const string DemoPassword = "Passerelle-Demo-2026!";

    [Fact]
    public async Task Admin_sets_places_and_motifs_then_a_worker_opens_hours_books_for_a_person_and_moves_it()
    {
        // Admin: a new place, with a French error first.
        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, "admin@demo.passerelle.fr", DemoPassword);
        var places = new PlacesAndMotifsPage(admin);
        await places.GotoAsync();
        await Expect(places.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "70-admin-lieux-motifs");
        await places.AddPlaceAsync();
        var place = new PlacePage(admin);
        await place.SaveAsync();
        await Expect(place.Name).ToHaveAccessibleDescriptionAsync(new Regex(@"^\W*Indiquez le nom du lieu\.$"));
        await app.CheckPageAsync(admin, "71-admin-lieu-erreurs");
        var placeName = "Permanence Centre social " + Guid.NewGuid().ToString("N")[..6];
        await place.FillAsync(placeName, "Permanence de quartier", "8 rue Pasteur, 59100 Roubaix");
        await place.SaveAsync();
        await Expect(places.Text($"Le lieu « {placeName} » est ajouté.")).ToBeVisibleAsync();
        await places.AddMotifAsync();
        await app.CheckPageAsync(admin, "72-admin-motif");

        // Worker: hours page, an overlapping range refused in French.
        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, "travailleur1@demo.passerelle.fr", DemoPassword);
        var hours = new HoursPage(staff);
        await hours.GotoAsync();
        await Expect(hours.Title).ToBeVisibleAsync();
        await hours.AddOpeningAsync("lundi", placeName, "11:00", "13:00");
        await Expect(hours.OpeningFrom).ToHaveAccessibleDescriptionAsync(new Regex("chevauchent ceux du lundi de 09:00 à 12:00"));
        await app.CheckPageAsync(staff, "73-horaires-chevauchement");

        // Team week, in place.
        var agenda = new AgendaPage(staff);
        await agenda.GotoAsync();
        await agenda.ShowTeamAsync();
        await Expect(agenda.TeamTitle("Nord")).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "74-agenda-equipe");

        // Book for Mamadou Diallo (his request is followed by the team Nord).
        var book = new BookForPage(staff);
        await book.GotoAsync();
        await book.ChoosePersonAsync("diallo", "Mamadou Diallo");
        await book.ChooseMotifAsync("Premier accueil (60 min)");
        await book.ChoosePlaceAsync("Bureau de l'association — 12 rue de la Paix, 59000 Lille");
        await app.CheckPageAsync(staff, "75-reserver-pour-une-personne");
        await book.Slots.Nth(3).CheckAsync();
        await book.ConfirmAsync();
        await Expect(book.Text(new Regex("Le rendez-vous de Mamadou Diallo est pris le"))).ToBeVisibleAsync();
        await app.Mail.WaitForAsync("resident2@demo.passerelle.fr", where: m => m.Subject.StartsWith("Rendez-vous confirmé"));

        // Move it from the planning: the person is told.
        await agenda.MoveAppointmentOfAsync("Mamadou Diallo");
        var move = new StaffMovePage(staff);
        await Expect(move.Title).ToBeVisibleAsync();
        await move.Slots.Nth(5).CheckAsync();
        await app.CheckPageAsync(staff, "76-deplacer-par-l-equipe");
        await move.MoveAsync();
        await Expect(move.Text(new Regex("La personne est prévenue par courriel"))).ToBeVisibleAsync();
        await app.Mail.WaitForAsync("resident2@demo.passerelle.fr", where: m => m.Subject.StartsWith("Rendez-vous déplacé"));

        foreach (var p in new[] { admin, staff }) await p.Context.CloseAsync();
    }
}
