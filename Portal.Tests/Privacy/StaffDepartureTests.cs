using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.Privacy;
using Portal.Testing;
using Portal.Domain.Appointments;

namespace Portal.Tests.Privacy;

/// A staff member who leaves: an admin deletes the account, and wherever the site wrote their name
/// down it becomes « ancien membre de l'équipe »; their past actions keep an author.
[Collection(PortalCollection.Name)]
public class StaffDepartureTests(PortalApp app)
{
    private async Task<(string Id, string Email, string Name, long HouseholdId, long JournalId)> LeaverAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"partante-{tag}@exemple.fr";
        var name = $"Bérénice Tournesol{tag}";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var team = await db.Teams.SingleAsync(t => t.Name == "Nord");
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, TeamId = team.Id, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SocialWorker)).Succeeded);
        var now = DateTime.UtcNow;
        var resident = await db.Users.SingleAsync(u => u.Email == PortalApp.Resident2);
        var request = HousingRequest.NewDraft(resident.Id, resident.FullName, resident.PhoneNumber, now);
        request.ShowApplicantAs(resident.FullName, resident.FullName);
        db.HousingRequests.Add(request);
        await db.SaveChangesAsync();
        request.Move(RequestAction.Submit, resident.Id, resident.FullName, now);
        request.TakeInCharge(user.Id, name, now);
        request.Write(user.Id, name, "Bonjour, il manque votre avis d'imposition.", fromStaff: true, withPartner: false, now);
        var household = new Household { Name = $"FAMILLE{tag} Test", SearchName = $"FAMILLE{tag}", TeamId = team.Id, ReferentId = user.Id, CreatedAtUtc = now, UpdatedAtUtc = now };
        var journal = new JournalEntry { AuthorId = user.Id, AuthorName = name, Text = "Visite à domicile.", OccurredOn = DateOnly.FromDateTime(now), CreatedAtUtc = now };
        household.Journal.Add(journal);
        db.Households.Add(household);
        await db.SaveChangesAsync();
        db.LegalHolds.Add(new LegalHold { HouseholdId = household.Id, Reason = "Contrôle du financeur", PlacedById = user.Id, PlacedByName = name, PlacedAtUtc = now });
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = user.Id, UserName = name, Action = "Ouverture du dossier", HouseholdId = household.Id });
        db.OutboundEmails.Add(new OutboundEmail { ToAddress = email, ToName = name, Subject = "Votre compte Passerelle vous attend", TextBody = $"Bonjour {name}", HtmlBody = "", MessageId = $"{tag}@test", CreatedAtUtc = now, Status = Portal.Domain.Work.WorkStatus.Done });
        var committee = await db.Committees.OrderBy(c => c.Id).FirstAsync();
        db.CommitteeMembers.Add(new CommitteeMember { CommitteeId = committee.Id, UserId = user.Id, Name = name, Role = "Travailleuse sociale" });
        await db.SaveChangesAsync();
        return (user.Id, email, name, household.Id, journal.Id);
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient admin, string id, bool confirm = true) =>
        Forms.PostAsync(admin, "/admin/utilisateurs", confirm ? new() { ["id"] = id, ["confirm"] = "true" } : new() { ["id"] = id }, "Delete");

    [Fact]
    public async Task A_deleted_staff_account_leaves_their_actions_to_a_former_team_member_without_their_name()
    {
        var leaver = await LeaverAsync();
        await (await app.SignedInAsync(leaver.Email)).GetAsync("/suivi");
        var admin = await app.SignedInAsync(PortalApp.Admin);

        var deleted = await DeleteAsync(admin, leaver.Id);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        // The journal keeps its entry, by « ancien membre de l'équipe »; the active file needs a new referent.
        var entry = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.Id == leaver.JournalId));
        Assert.Equal(StaffDeparture.FormerStaff, entry.AuthorName);
        Assert.Null(await app.WithDbAsync(db => db.Households.Where(h => h.Id == leaver.HouseholdId).Select(h => h.ReferentId).SingleAsync()));
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var file = WebUtility.HtmlDecode(await (await manager.GetAsync($"/suivi/menages/{leaver.HouseholdId}")).HtmlAsync());
        Assert.Contains(StaffDeparture.FormerStaff, file);
        Assert.DoesNotContain(leaver.Name, file);

        // Nobody can sign in with it, and its name and email are nowhere in the database.
        var signIn = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = leaver.Email, ["Input.Password"] = PortalApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var found = await app.WithDbAsync(db => DatabaseSearch.FindAsync(db, [leaver.Email, leaver.Name.Split(' ')[1]]));
        Assert.True(found.Count == 0, "Still in the database: " + string.Join(", ", found));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == StaffDeparture.DeletedAction && a.Detail!.Contains(leaver.Id))));
    }

    [Fact]
    public async Task An_account_with_upcoming_appointments_is_kept_until_they_are_handed_over()
    {
        var leaver = await LeaverAsync();
        await app.WithDbAsync(async db =>
        {
            var resident = await db.Users.SingleAsync(u => u.Email == PortalApp.Resident2);
            var place = await db.Places.OrderBy(p => p.Id).FirstAsync();
            var motif = await db.AppointmentMotifs.OrderBy(m => m.Id).FirstAsync();
            var now = DateTime.UtcNow;
            db.Appointments.Add(Appointment.Book(resident.Id, leaver.Id, place.Id, motif.Id, TimeSpan.FromMinutes(30), now.AddDays(5), leaver.Id, now));
            return await db.SaveChangesAsync();
        });
        var admin = await app.SignedInAsync(PortalApp.Admin);

        var unconfirmed = await DeleteAsync(admin, leaver.Id, confirm: false);
        Assert.Contains("Cochez la case", WebUtility.HtmlDecode(await unconfirmed.HtmlAsync()));
        var refused = await DeleteAsync(admin, leaver.Id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1 rendez-vous à venir", WebUtility.HtmlDecode(await refused.HtmlAsync()));
        Assert.NotNull(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == leaver.Email)));
    }
}
