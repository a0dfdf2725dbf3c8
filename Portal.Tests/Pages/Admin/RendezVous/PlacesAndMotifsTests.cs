using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Appointments;
using Portal.Testing;
using static Portal.Tests.Pages.Suivi.Agenda.StaffAgendaData;

namespace Portal.Tests.Pages.Admin.RendezVous;

[Collection(PortalCollection.Name)]
public class PlacesAndMotifsTests(PortalApp app)
{
    private const string List = "/admin/rendez-vous";
    private const string NewPlace = "/admin/rendez-vous/lieu";
    private const string NewMotif = "/admin/rendez-vous/motif";

    [Fact]
    public async Task Admin_creates_a_place_and_a_motif_that_residents_can_then_book()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var nord = await TeamIdAsync(app, "Nord");
        var placeName = "Permanence " + Token();
        var motifName = "Aide au dossier " + Token();

        var created = await PostPairsAsync(admin, NewPlace, NewPlace,
            [("Nom", placeName), ("Type", I((int)PlaceKind.Permanence)), ("Adresse", "5 rue des Lilas, 59000 Lille"), ("Equipe", I(nord)), ("Actif", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var place = await app.WithDbAsync(db => db.Places.AsNoTracking().SingleAsync(p => p.Name == placeName));
        Assert.Equal(PlaceKind.Permanence, place.Kind);
        Assert.Equal(nord, place.TeamId);
        Assert.True(place.IsActive);

        var motif = await PostPairsAsync(admin, NewMotif, NewMotif,
            [("Nom", motifName), ("Duree", "40"), ("Residents", "true"), ("Lieux", I((int)PlaceKind.Office)), ("Lieux", I((int)PlaceKind.Permanence)), ("Actif", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, motif.StatusCode);
        var row = await app.WithDbAsync(db => db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Name == motifName));
        Assert.Equal(40, row.DurationMinutes);
        Assert.True(row.BookableByResidents);
        Assert.Equal(PlaceKinds.Office | PlaceKinds.Permanence, row.AllowedPlaceKinds);

        var list = await (await admin.GetAsync(List)).TextAsync();
        Assert.Contains(placeName, list);
        Assert.Contains("5 rue des Lilas", list);
        Assert.Contains(motifName, list);
        var motifRow = list[list.IndexOf($"id=\"motif-{row.Id}\"", StringComparison.Ordinal)..];
        motifRow = motifRow[..motifRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("40 min", motifRow);
        Assert.Contains("Bureau de l'association, Permanence de quartier</td>", motifRow);

        // The resident sees the new motif, and the new place for it.
        var resident = await AppointmentData.ResidentAsync(app);
        var booking = await (await resident.Client.GetAsync($"{AppointmentData.BookUrl}?motif={row.Id}")).TextAsync();
        Assert.Contains($"{motifName} (40 min)", booking);
        Assert.Contains(placeName, booking);

        // Edited: staff only and inactive, it disappears for residents.
        var edit = await PostPairsAsync(admin, $"{NewMotif}/{row.Id}", $"{NewMotif}/{row.Id}",
            [("Nom", motifName), ("Duree", "45"), ("Lieux", I((int)PlaceKind.Office))]);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var edited = await app.WithDbAsync(db => db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Id == row.Id));
        Assert.False(edited.BookableByResidents);
        Assert.False(edited.IsActive);
        Assert.Equal(45, edited.DurationMinutes);
        Assert.DoesNotContain(motifName, await (await resident.Client.GetAsync(AppointmentData.BookUrl)).TextAsync());
    }

    [Fact]
    public async Task Wrong_fields_are_refused_in_French_at_the_field()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var motif = await (await PostPairsAsync(admin, NewMotif, NewMotif, [("Nom", " "), ("Duree", "abc")])).TextAsync();
        Assert.Contains("Indiquez le nom du motif.", motif);
        Assert.Contains("La durée d'un motif doit être un nombre entier de minutes, entre 1 minute et 8 heures.", motif);
        Assert.Contains("Choisissez au moins un type de lieu pour ce motif.", motif);
        Assert.Contains("id=\"duree-error\"", motif);

        var tooLong = await (await PostPairsAsync(admin, NewMotif, NewMotif, [("Nom", "Long " + Token()), ("Duree", "600"), ("Lieux", "0")])).TextAsync();
        Assert.Contains("entre 1 minute et 8 heures", tooLong);

        var duplicate = await (await PostPairsAsync(admin, NewPlace, NewPlace, [("Nom", "Bureau de l'association"), ("Type", "0")])).TextAsync();
        Assert.Contains("Un lieu porte déjà ce nom.", duplicate);
        var noKind = await (await PostPairsAsync(admin, NewPlace, NewPlace, [("Nom", "Lieu " + Token()), ("Type", "42"), ("Equipe", "abc")])).TextAsync();
        Assert.Contains("Choisissez le type de lieu.", noKind);
        Assert.Contains("Choisissez une équipe dans la liste.", noKind);
        var dupMotif = await (await PostPairsAsync(admin, NewMotif, NewMotif, [("Nom", "Premier accueil"), ("Duree", "30"), ("Lieux", "0")])).TextAsync();
        Assert.Contains("Un motif porte déjà ce nom.", dupMotif);
    }

    [Fact]
    public async Task Only_admins_reach_the_pages_and_garbage_never_fails()
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(List)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(NewPlace)).StatusCode);

        var admin = await app.SignedInAsync(PortalApp.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{NewPlace}/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{NewMotif}/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{NewMotif}?handler=nope")).StatusCode);
        foreach (var target in new[] { NewPlace, NewMotif, $"{NewPlace}/999999", $"{NewMotif}/999999", $"{NewMotif}?handler=x", List })
        {
            var response = await PostPairsAsync(admin, NewPlace, target,
                [("Nom", new string('n', 500)), ("Type", "-1"), ("Adresse", new string('a', 900)), ("Equipe", "99999999999"), ("Actif", "\u0000"),
                 ("Duree", "1e9"), ("Residents", "oui"), ("Lieux", "abc"), ("Lieux", "-8"), ("Lieux", "99999999999")]);
            Assert.True((int)response.StatusCode < 500, $"{target} answered {(int)response.StatusCode}");
        }
    }
}
