using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.E2E.Support;
using Portal.Privacy;
using Portal.E2E.Pages.Espace.Donnees;
using Portal.E2E.Pages.Suivi.Effacements;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// A resident takes a copy of their data, then asks for it to be erased; a manager applies the
/// erasure; the account is gone and the household file is anonymised.
[Collection(E2ECollection.Name)]
public class PersonalDataFlowTests(E2EApp app)
{
    [Fact]
    public async Task A_resident_downloads_their_data_asks_for_erasure_and_a_manager_applies_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"oubli-{tag}@exemple.fr";
        var name = $"Odile Oubliette{tag}";
        const string password = "Un-Toit-Pour-2026";
        var resident = await app.NewPageAsync();
        await app.SignUpAsync(resident, email, name, password);

        // A household file of theirs, closed a while ago.
        long householdId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var household = new Household
            {
                Name = $"OUBLIETTE{tag} Odile", SearchName = $"OUBLIETTE{tag}", ResidentId = userId, Email = email, Phone = "0611223344",
                CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            var exitedOn = DateOnly.FromDateTime(now).AddMonths(-3);
            household.RecordExit(Portal.Domain.Support.Exit.Record(household.Id, exitedOn, exitedOn, Portal.Domain.Support.ExitDestination.SocialLandlord, null, [], [], []), now);
            household.Persons.Add(new HouseholdPerson { FirstName = "Odile", LastName = $"Oubliette{tag}", BirthDate = new DateOnly(1980, 5, 17), Relationship = Portal.Domain.Requests.Relationship.Applicant });
            db.Households.Add(household);
            await db.SaveChangesAsync();
            householdId = household.Id;
        }

        // « Mes données »: the copy is made in the background and downloaded from the page.
        var data = new MyDataPage(resident);
        await data.GotoAsync();
        await Expect(data.Title).ToBeVisibleAsync();
        await data.PrepareAsync();
        var link = data.Download;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var download = await resident.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(app.Artifacts, $"mes-donnees-{tag}.zip");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            var json = await new StreamReader(zip.GetEntry("donnees.json")!.Open()).ReadToEndAsync();
            Assert.Contains(email, json);
            Assert.Contains($"Oubliette{tag}", json);
        }

        // The erasure: what goes, what stays; a first try without the box ticked is refused at the field.
        await Expect(data.WhatWouldBeErased).ToBeVisibleAsync();
        await app.CheckPageAsync(resident, "donnees-01-effacement");
        await data.NoteToTheTeam.FillAsync("Je quitte la région.");
        await data.AskForErasureAsync();
        await Expect(data.Text("Cochez cette case pour confirmer que vous demandez l'effacement.")).ToBeVisibleAsync();
        await Expect(data.NoteToTheTeam).ToHaveValueAsync("Je quitte la région.");
        await data.Confirmation.CheckAsync();
        await data.AskForErasureAsync();
        await Expect(data.Text(new Regex("Demande d'effacement envoyée le"))).ToBeVisibleAsync();
        await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("demande d'effacement"));

        // A manager reads it and applies it.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", "Passerelle-Demo-2026!");
        var erasures = new ErasuresPage(manager);
        await erasures.GotoAsync();
        var card = erasures.Request(name);
        await Expect(card.GetByText("Je quitte la région.")).ToBeVisibleAsync();
        await app.CheckPageAsync(manager, "effacements-01-en-attente");
        await erasures.ApplyAsync(card);
        await Expect(erasures.Text("L'effacement est appliqué")).ToBeVisibleAsync();
        await Expect(erasures.Text(name)).ToHaveCountAsync(0);
        await app.CheckPageAsync(manager, "effacements-02-applique");
        await app.Mail.WaitForAsync(email, where: m => m.Subject.StartsWith("Vos données sont effacées"));

        // The resident's session is over and the account no longer opens.
        await data.GotoAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/compte/connexion"));
        await app.SignInAsync(resident, email, password);
        await Expect(resident).ToHaveURLAsync(new Regex("/compte/connexion"));
        await Expect(resident.GetByRole(AriaRole.Main).GetByText(new Regex("mot de passe incorrect"))).ToBeVisibleAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
            var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == householdId);
            Assert.Equal(RetentionPurge.AnonymisedName, household.Name);
            Assert.Null(household.Email);
            Assert.Null(household.Phone);
            Assert.All(await db.HouseholdPersons.Where(p => p.HouseholdId == householdId).ToListAsync(), p => Assert.Equal("—", p.LastName));
        }
        await resident.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }
}
