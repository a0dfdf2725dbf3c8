using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Workshops;
using Portal.Testing;
using static Portal.Testing.WorkshopData;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Ateliers;

/// Staff add people of household files to a session, with or without a resident account, record
/// their attendance from the session's day, and the household file counts the workshops they attended.
[Collection(PortalCollection.Name)]
public class StaffEnrolTests(PortalApp app)
{
    private static Task<long> ChildAsync(PortalApp app, long householdId, string firstName, string lastName) => app.WithDbAsync(async db =>
    {
        var child = new HouseholdPerson { HouseholdId = householdId, FirstName = firstName, LastName = lastName, Relationship = Relationship.Child, Position = 1 };
        db.HouseholdPersons.Add(child);
        await db.SaveChangesAsync();
        return child.Id;
    });

    private static Task<long> ApplicantAsync(PortalApp app, long householdId) =>
        app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.HouseholdId == householdId && p.Relationship == Relationship.Applicant).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_worker_adds_a_household_without_account_to_a_session_and_marks_it_present_on_the_day()
    {
        var t = Token();
        var household = await CreateAsync(app, $"ATELIERSANS{t} Fatou", referentEmail: PortalApp.Worker1);
        var mother = await ApplicantAsync(app, household);
        var son = await ChildAsync(app, household, "Moussa", $"ATELIERSANS{t}");
        var (session, theme) = await SessionAsync(app, 5, await LaterTodayAsync());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = StaffUrl(session);

        var found = await worker.TextAsync($"{url}?menage=ateliersans{t}");
        Assert.Contains($"Ménage ATELIERSANS{t} Fatou", found);
        Assert.Contains("Fatou ATELIERSANS" + t + " (sans compte)", found);
        Assert.Contains($"Moussa ATELIERSANS{t} (sans compte)", found);

        var enrol = await Forms.PostAsync(worker, $"{url}?menage=ateliersans{t}", new() { ["personnes[0]"] = $"{mother}", ["personnes[1]"] = $"{son}" }, "Enrol");
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        var page = await worker.TextAsync(url);
        Assert.Contains($"Inscrit(e)s : Fatou ATELIERSANS{t}, Moussa ATELIERSANS{t}.", page);
        Assert.Contains($"(ménage ATELIERSANS{t} Fatou)", page);
        // The session is later today, not started: attendance can already be recorded.
        Assert.Contains("Enregistrer les présences", page);
        var lines = await app.WithDbAsync(db => db.WorkshopSignups.AsNoTracking().Where(s => s.WorkshopId == session).ToListAsync());
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Null(l.PersonId));
        Assert.All(lines, l => Assert.Equal(RegistrationStatus.Registered, l.Status));

        var again = await Forms.PostAsync(worker, url, new() { ["personnes[0]"] = $"{son}" }, "Enrol");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Cette personne est déjà inscrite à la séance.", await worker.TextAsync(url));

        var marked = await Forms.PostAsync(worker, url, new()
        {
            [$"presence[{ParticipantKeys.HouseholdPerson(mother)}]"] = "present", [$"presence[{ParticipantKeys.HouseholdPerson(son)}]"] = "absent",
        }, "Attendance");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains("Les présences sont enregistrées.", await worker.TextAsync(url));
        var attended = await app.WithDbAsync(db => db.WorkshopSignups.AsNoTracking().Where(s => s.WorkshopId == session)
            .ToDictionaryAsync(s => s.HouseholdPersonId!.Value, s => s.Attended));
        Assert.Equal(true, attended[mother]);
        Assert.Equal(false, attended[son]);

        var file = await worker.TextAsync($"/suivi/menages/{household}");
        Assert.Contains("<strong>1</strong> atelier suivi", file);
        Assert.Contains($"{theme}, le ", file);
        Assert.Contains($"— Fatou ATELIERSANS{t}", file);
    }

    [Fact]
    public async Task The_reference_person_s_account_is_their_line_and_other_teams_households_are_out_of_reach()
    {
        var t = Token();
        var resident = await ResidentAsync(app, $"Awa ATELIERCOMPTE{t}");
        var household = await CreateAsync(app, $"ATELIERCOMPTE{t} Awa", referentEmail: PortalApp.Worker1, configure: h => h.ResidentId = resident.Id);
        var awa = await ApplicantAsync(app, household);
        var (session, theme) = await SessionAsync(app, 5, DateTime.UtcNow.AddDays(3));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = StaffUrl(session);

        Assert.Contains($"Awa ATELIERCOMPTE{t} (compte résident)", await worker.TextAsync($"{url}?menage=ateliercompte{t}"));
        Assert.DoesNotContain("Enregistrer les présences", await worker.TextAsync(url));
        await Forms.PostAsync(worker, url, new() { ["personnes[0]"] = $"{awa}" }, "Enrol");
        var line = await LineOfAsync(app, session, resident.Id);
        Assert.NotNull(line);
        Assert.Equal(awa, line.HouseholdPersonId);
        // The resident sees the seat staff gave her in her own space.
        Assert.Contains("Se désinscrire", Card(await resident.Client.TextAsync(ResidentUrl), session));

        // A worker of team Sud neither finds nor enrols a household of team Nord.
        var other = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Contains($"Aucun ménage suivi dont le nom commence par « ateliercompte{t} »", await other.TextAsync($"{url}?menage=ateliercompte{t}"));
        var son = await ChildAsync(app, household, "Ibrahim", $"ATELIERCOMPTE{t}");
        var refused = await Forms.PostAsync(other, url, new() { ["personnes[0]"] = $"{son}" }, "Enrol");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Cochez au moins une personne à inscrire.", await other.TextAsync(url));
        Assert.Null(await app.WithDbAsync(db => db.WorkshopSignups.AsNoTracking().FirstOrDefaultAsync(s => s.HouseholdPersonId == son)));
        Assert.NotNull(theme);
    }
}
