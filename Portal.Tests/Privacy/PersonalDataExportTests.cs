using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Domain.Workshops;
using Portal.Privacy;
using Portal.Testing;

namespace Portal.Tests.Privacy;

/// « Mes données »: the person asks from their space, the ZIP is made in the background, and it
/// holds every kind of their data and nothing of anyone else's.
[Collection(PortalCollection.Name)]
public partial class PersonalDataExportTests(PortalApp app)
{
    [GeneratedRegex("handler=Download&amp;id=(\\d+)|/espace/donnees\\?id=(\\d+)&amp;handler=Download")]
    private static partial Regex DownloadLink();

    [Fact]
    public async Task A_resident_downloads_a_zip_of_their_own_data_and_nothing_of_another_household()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var mine = $"MIENNE{tag}";
        var theirs = $"AUTRUI{tag}";
        await app.WithDbAsync(async db =>
        {
            var me = await db.Users.SingleAsync(u => u.Email == PortalApp.Resident1);
            var other = await db.Users.SingleAsync(u => u.Email == PortalApp.Resident2);
            var now = DateTime.UtcNow;
            HousingRequest Draft(PortalUser who, string marker)
            {
                var r = HousingRequest.NewDraft(who.Id, who.FullName, who.PhoneNumber, now);
                r.DescribeHousehold([new MemberDetails(null, "Prénom", $"Membre{marker}", new DateOnly(1990, 2, 3), Relationship.Applicant)], false, r.Phone, null, null);
                r.ShowApplicantAs(who.FullName, who.FullName);
                r.DescribeSituation(null, $"Situation {marker}", TargetGroups.None, false, null, DateOnly.FromDateTime(DateTime.UtcNow));
                r.AddDocument(new RequestDocument(SupportingDocumentKind.TaxNotice, $"avis-{marker}.pdf", "application/pdf", Encoding.UTF8.GetBytes($"PDF {marker}"), who.Id, now), now);
                r.Write(who.Id, who.FullName, $"=HYPERLINK(\"x\") Message {marker}", fromStaff: false, withPartner: false, now);
                return r;
            }
            db.HousingRequests.AddRange(Draft(me, mine), Draft(other, theirs));
            var household = new Household { Name = $"Ménage {mine}", SearchName = mine, ResidentId = me.Id, CreatedAtUtc = now, UpdatedAtUtc = now };
            household.Persons.Add(new HouseholdPerson { FirstName = "Enfant", LastName = $"Foyer{mine}", Relationship = Relationship.Child });
            var otherHousehold = new Household { Name = $"Ménage {theirs}", SearchName = theirs, ResidentId = other.Id, CreatedAtUtc = now, UpdatedAtUtc = now };
            db.Households.AddRange(household, otherHousehold);
            return await db.SaveChangesAsync();
        });

        var client = await app.SignedInAsync(PortalApp.Resident1);
        var page = await (await client.GetAsync("/espace/donnees")).HtmlAsync();
        var key = Regex.Match(page, "name=\"key\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var asked = await Forms.PostAsync(client, "/espace/donnees", new() { ["key"] = key }, "Prepare");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        // The same form posted again (a double click) makes no second export.
        await Forms.PostAsync(client, "/espace/donnees", new() { ["key"] = key }, "Prepare");
        var meId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Resident1).Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.DocumentRequests.CountAsync(r => r.RequestedById == meId && r.IdempotencyKey == key)));

        var html = await Forms.EventuallyAsync(async () => await (await client.GetAsync("/espace/donnees")).HtmlAsync(),
            h => h.Contains("Télécharger mes données"), TimeSpan.FromSeconds(30), "the export to be ready");
        var match = DownloadLink().Match(html);
        var id = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        var download = await client.GetAsync($"/espace/donnees?handler=Download&id={id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var expected in new[] { "index.html", "donnees.json", "compte.csv", "demandes.csv", "foyer.csv", "messages.csv", "rendez-vous.csv", "ateliers.csv", "fichiers.csv" })
            Assert.Contains(expected, names);
        var all = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            all.Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync()).Append('\n');
        }
        var text = all.ToString();
        Assert.Contains(PortalApp.Resident1, text);                  // account
        Assert.Contains($"Situation {mine}", text);                  // request
        Assert.Contains($"Membre{mine}", text);                      // the request's household
        Assert.Contains($"Foyer{mine}", text);                       // the household file
        Assert.Contains($"Message {mine}", text);                    // messages
        Assert.Contains($"PDF {mine}", text);                        // the uploaded file itself
        Assert.DoesNotContain(theirs, text);
        Assert.DoesNotContain(PortalApp.Resident2, text);
        // A spreadsheet would run a cell starting with « = »: the CSV neutralises it.
        var messages = await new StreamReader(zip.GetEntry("messages.csv")!.Open()).ReadToEndAsync();
        Assert.DoesNotContain(";=HYPERLINK", messages);
        Assert.DoesNotContain(";\"=HYPERLINK", messages);

        // Another resident cannot download it.
        var intruder = await app.SignedInAsync(PortalApp.Resident2);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/espace/donnees?handler=Download&id={id}")).StatusCode);
        // The person was told by email, and both the request and the download are audited.
        Assert.True(await app.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == PortalApp.Resident1 && e.Subject.StartsWith("Vos données sont prêtes"))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserId == meId && a.Action == PersonalDataExport.ExportedAction)));
    }

    /// Everything the site holds on a household beyond the first version of « Mes données »: the
    /// workshop seats staff took for its members, its mediations, the SIAO's validations and the
    /// orientation a partner sent with the person's consent; for the resident's ZIP and the staff's
    /// household export alike, and none of another household's.
    [Fact]
    public async Task Staff_added_workshop_seats_mediations_siao_validations_and_orientations_are_in_the_zip_and_nothing_of_another_household()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (userId, householdId) = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var today = DateOnly.FromDateTime(now);
            var user = new PortalUser { UserName = $"donnees-{tag}@test.fr", Email = $"donnees-{tag}@test.fr", FullName = $"Résidente {tag}", CreatedAtUtc = now };
            db.Users.Add(user);
            var organisation = new PartnerOrganisation { Kind = PartnerKind.Siao, Name = $"SIAO {tag}", CreatedAtUtc = now };
            db.PartnerOrganisations.Add(organisation);
            await db.SaveChangesAsync();
            var household = new Household { Name = $"Ménage Mien{tag}", SearchName = $"MIEN{tag}", ResidentId = user.Id, CreatedAtUtc = now, UpdatedAtUtc = now };
            var child = new HouseholdPerson { FirstName = "Enfant", LastName = $"Mien{tag}", Relationship = Relationship.Child };
            household.Persons.Add(child);
            var other = new Household { Name = $"Ménage Autrui{tag}", SearchName = $"AUTRUI{tag}", CreatedAtUtc = now, UpdatedAtUtc = now };
            var stranger = new HouseholdPerson { FirstName = "Voisin", LastName = $"Autrui{tag}", Relationship = Relationship.Applicant };
            other.Persons.Add(stranger);
            db.Households.AddRange(household, other);
            var orientation = HousingRequest.NewDraft(user.Id, user.FullName, null, now);
            orientation.ShowApplicantAs(user.FullName, user.FullName);
            orientation.RecordConsent(ConsentMethod.Oral, today.AddDays(-3), confirmed: true, today);
            db.HousingRequests.Add(orientation);
            db.Entry(orientation).Property(r => r.PartnerOrganisationId).CurrentValue = organisation.Id;
            var place = await db.Places.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var leader = await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync();
            // Seats taken by staff for a member of each file (no account behind them), at sessions of
            // last week; the child came.
            var mine = WorkshopData.Planned(place, leader, now.AddDays(-5), $"Budget Mien{tag}", seats: 8);
            var theirs = WorkshopData.Planned(place, leader, now.AddDays(-5), $"Budget Autrui{tag}", seats: 8);
            await db.SaveChangesAsync();
            mine.Line(ParticipantKeys.HouseholdPerson(child.Id), RegistrationStatus.Registered, now.AddDays(-6));
            mine.Attended(ParticipantKeys.HouseholdPerson(child.Id), true);
            theirs.Line(ParticipantKeys.HouseholdPerson(stranger.Id), RegistrationStatus.Registered, now.AddDays(-6));
            db.Workshops.AddRange(mine, theirs);
            db.Mediations.Add(Mediation.Open(household.Id, "Bailleur du Nord", null, MediationIssue.Neighbourhood, $"Conflit Mien{tag}", today, today));
            db.Mediations.Add(Mediation.Open(other.Id, "Bailleur du Nord", null, MediationIssue.Neighbourhood, $"Conflit Autrui{tag}", today, today));
            db.SiaoValidations.Add(new SiaoValidation { PartnerOrganisationId = organisation.Id, HouseholdId = household.Id, CandidateName = $"Candidate Mien{tag}", Presentation = $"Présentation Mien{tag}", RequestedById = leader, RequestedByName = "Agent", RequestedAtUtc = now });
            db.SiaoValidations.Add(new SiaoValidation { PartnerOrganisationId = organisation.Id, HouseholdId = other.Id, CandidateName = $"Candidat Autrui{tag}", RequestedById = leader, RequestedByName = "Agent", RequestedAtUtc = now });
            await db.SaveChangesAsync();
            return (user.Id, household.Id);
        });

        foreach (var subject in new[] { PersonalDataExport.PersonSubject(userId), PersonalDataExport.HouseholdSubject(householdId) })
        {
            var text = await ZipTextAsync(subject);
            Assert.Contains("ateliers.csv", text);
            Assert.Contains($"Budget Mien{tag}", text);
            Assert.Contains($"Enfant Mien{tag}", text);
            Assert.Contains("présent", text);
            Assert.Contains($"Conflit Mien{tag}", text);
            Assert.Contains($"Candidate Mien{tag}", text);
            Assert.Contains($"Présentation Mien{tag}", text);
            Assert.Contains($"SIAO {tag}", text);
            Assert.Contains(ConsentMethod.Oral.Label(), text);
            Assert.DoesNotContain($"Autrui{tag}", text);
        }
    }

    private async Task<string> ZipTextAsync(string subject)
    {
        await using var scope = app.Scope();
        var maker = scope.ServiceProvider.GetServices<Portal.Documents.IFileMaker>().OfType<PersonalDataExport>().Single();
        var file = await maker.RenderAsync(new DocumentRequest { Id = 1, Kind = PersonalDataExport.KindName, Title = "Mes données", SubjectKey = subject }, default);
        using var zip = new ZipArchive(new MemoryStream(file.Content));
        var all = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            all.Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync()).Append('\n');
        }
        return all.ToString();
    }
}
