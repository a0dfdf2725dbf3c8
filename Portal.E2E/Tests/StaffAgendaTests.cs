using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
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
        await admin.GotoAsync("/admin/rendez-vous");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Lieux et motifs de rendez-vous", Level = 1 })).ToBeVisibleAsync();
        await app.CheckPageAsync(admin, "70-admin-lieux-motifs");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Ajouter un lieu" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le lieu" }).ClickAsync();
        await Expect(admin.Locator("#nom-error")).ToHaveTextAsync("Indiquez le nom du lieu.");
        await app.CheckPageAsync(admin, "71-admin-lieu-erreurs");
        var placeName = "Permanence Centre social " + Guid.NewGuid().ToString("N")[..6];
        await admin.GetByLabel("Nom du lieu").FillAsync(placeName);
        await admin.GetByLabel("Type de lieu").SelectOptionAsync(new SelectOptionValue { Label = "Permanence de quartier" });
        await admin.GetByLabel("Adresse (facultative)").FillAsync("8 rue Pasteur, 59100 Roubaix");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le lieu" }).ClickAsync();
        await Expect(admin.GetByText($"Le lieu « {placeName} » est ajouté.")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Ajouter un motif" }).ClickAsync();
        await app.CheckPageAsync(admin, "72-admin-motif");

        // Worker: hours page, an overlapping range refused in French.
        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, "travailleur1@demo.passerelle.fr", DemoPassword);
        await staff.GotoAsync("/suivi/agenda/horaires");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Horaires et absences", Level = 1 })).ToBeVisibleAsync();
        var opening = staff.Locator("#form-ouverture");
        await opening.GetByLabel("Jour").SelectOptionAsync(new SelectOptionValue { Label = "lundi" });
        await opening.GetByLabel("Lieu").SelectOptionAsync(new SelectOptionValue { Label = placeName });
        await opening.GetByLabel("De (heure)").FillAsync("11:00");
        await opening.GetByLabel("À (heure)").FillAsync("13:00");
        await opening.GetByRole(AriaRole.Button, new() { Name = "Ajouter ces horaires" }).ClickAsync();
        await Expect(staff.Locator("#ouvdebut-error")).ToContainTextAsync("chevauchent ceux du lundi de 09:00 à 12:00");
        await app.CheckPageAsync(staff, "73-horaires-chevauchement");

        // Team week, in place.
        await staff.GotoAsync("/suivi/agenda");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Par équipe" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Équipe Nord") })).ToBeVisibleAsync();
        await app.CheckPageAsync(staff, "74-agenda-equipe");

        // Book for Mamadou Diallo (his request is followed by the team Nord).
        await staff.GotoAsync("/suivi/agenda/reserver");
        await staff.GetByLabel("Rechercher la personne (nom ou adresse électronique)").FillAsync("diallo");
        var person = staff.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Mamadou Diallo") });
        await person.CheckAsync();
        await staff.GetByLabel("Motif du rendez-vous").SelectOptionAsync(new SelectOptionValue { Label = "Premier accueil (60 min)" });
        var slots = staff.GetByRole(AriaRole.Group, new() { Name = "Choisissez un créneau" }).GetByRole(AriaRole.Radio);
        for (var attempt = 1; ; attempt++)
        {
            await staff.GetByLabel("Lieu", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bureau de l'association — 12 rue de la Paix, 59000 Lille" });
            try
            {
                await Expect(slots.First).ToBeVisibleAsync(new() { Timeout = 4000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
        await app.CheckPageAsync(staff, "75-reserver-pour-une-personne");
        await slots.Nth(3).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Confirmer ce rendez-vous" }).ClickAsync();
        await Expect(staff.GetByText(new Regex("Le rendez-vous de Mamadou Diallo est pris le"))).ToBeVisibleAsync();
        await app.Mail.WaitForAsync("resident2@demo.passerelle.fr", where: m => m.Subject.StartsWith("Rendez-vous confirmé"));

        // Move it from the planning: the person is told.
        await staff.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Déplacer : rendez-vous de Mamadou Diallo") }).First.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Déplacer un rendez-vous", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Radio).Nth(5).CheckAsync();
        await app.CheckPageAsync(staff, "76-deplacer-par-l-equipe");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Déplacer à ce créneau" }).ClickAsync();
        await Expect(staff.GetByText(new Regex("La personne est prévenue par courriel"))).ToBeVisibleAsync();
        await app.Mail.WaitForAsync("resident2@demo.passerelle.fr", where: m => m.Subject.StartsWith("Rendez-vous déplacé"));

        foreach (var p in new[] { admin, staff }) await p.Context.CloseAsync();
    }
}
