using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.Domain.Work;
using Portal.Domain.Workshops;
using Portal.Privacy;
using Portal.Testing;
using Portal.Domain.Appointments;

namespace Portal.Tests.Privacy;

/// The right to erasure: the resident asks from « Mes données », a manager applies or refuses, the
/// person is emailed at each step; once applied, the whole database is searched for the person.
[Collection(PortalCollection.Name)]
public partial class ErasureTests(PortalApp app)
{
    [GeneratedRegex("name=\"Refuse.Id\" value=\"(\\d+)\"")]
    private static partial Regex PendingId();

    /// A resident with a bit of everything: drafts and a sent request with uploads and messages, an
    /// exited household file, an appointment, a workshop seat, an export, emails, audit lines.
    private sealed record Person(string Id, string Email, string Name, string LastName, string Phone, DateOnly BirthDate)
    {
        public string[] Needles => [Email, LastName, Phone, BirthDate.ToString("yyyy-MM-dd"), BirthDate.ToString("dd/MM/yyyy")];
    }

    private async Task<Person> PersonWithDataAsync(bool activeHousehold)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var digits = string.Concat(tag.Select(c => (char)('0' + c % 10)));
        var lastName = $"Quatremare{tag}";
        var person = new Person("", $"efface-{tag}@exemple.fr", $"Zéphirine {lastName}", lastName, $"07{digits}", new DateOnly(1944, 2, 29));
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, FullName = person.Name, PhoneNumber = person.Phone, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Resident)).Succeeded);
        var worker = await db.Users.SingleAsync(u => u.Email == PortalApp.Worker1);
        var now = DateTime.UtcNow;

        HousingRequest Request()
        {
            var r = HousingRequest.NewDraft(user.Id, user.FullName, user.PhoneNumber, now);
            r.DescribeHousehold([new MemberDetails(null, "Zéphirine", person.LastName, person.BirthDate, Relationship.Applicant)], false, person.Phone, null, null);
            r.ShowApplicantAs(person.Name, person.LastName);
            r.DescribeSituation(null, $"Hébergée chez sa sœur, {person.Name}", TargetGroups.None, false, null, DateOnly.FromDateTime(DateTime.UtcNow));
            r.AddDocument(new RequestDocument(SupportingDocumentKind.TaxNotice, $"avis-{person.LastName}.pdf", "application/pdf", Encoding.UTF8.GetBytes($"%PDF avis de {person.Name}"), user.Id, now), now);
            r.Write(user.Id, person.Name, $"Bonjour, {person.Name} {person.Phone}", fromStaff: false, withPartner: false, now);
            return r;
        }
        var draft = Request();
        var sent = Request();
        var origin = Request();
        db.HousingRequests.AddRange(draft, sent, origin);
        await db.SaveChangesAsync();
        sent.Move(RequestAction.Submit, user.Id, person.Name, now);
        sent.Move(RequestAction.TakeInCharge, worker.Id, worker.FullName, now, $"Reçue de {person.Name}");
        origin.Move(RequestAction.Submit, user.Id, person.Name, now);

        var household = new Household
        {
            Name = $"{person.LastName.ToUpperInvariant()} Zéphirine", SearchName = person.LastName.ToUpperInvariant(), ResidentId = user.Id, HousingRequestId = origin.Id,
            Phone = person.Phone, Email = person.Email, Address = "3 rue des Lilas", Town = "Lille", ReferentId = worker.Id,
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        if (!activeHousehold)
        {
            var exitedOn = DateOnly.FromDateTime(now).AddDays(-10);
            household.RecordExit(Portal.Domain.Support.Exit.Record(household.Id, exitedOn, exitedOn, Portal.Domain.Support.ExitDestination.SocialLandlord, null, [], [], []), now);
        }
        household.Persons.Add(new HouseholdPerson { FirstName = "Zéphirine", LastName = person.LastName, BirthDate = person.BirthDate, Relationship = Relationship.Applicant });
        household.Partners.Add(new HouseholdPartner { Organisation = "CCAS", ContactName = "Mme Martin", Notes = $"Suit {person.Name}" });
        household.Journal.Add(new JournalEntry { AuthorId = worker.Id, AuthorName = worker.FullName, Text = $"Entretien avec {person.Name}", OccurredOn = DateOnly.FromDateTime(now), CreatedAtUtc = now });
        db.Households.Add(household);

        var place = await db.Places.OrderBy(p => p.Id).FirstAsync();
        var motif = await db.AppointmentMotifs.OrderBy(m => m.Id).FirstAsync();
        db.Appointments.Add(Appointment.Book(user.Id, worker.Id, place.Id, motif.Id, TimeSpan.FromMinutes(30), now.AddDays(-40).AddMinutes(Random.Shared.Next(1, 50000)), user.Id, now, $"Vient avec {person.Name}"));
        var workshop = WorkshopData.Planned(place.Id, worker.Id, now.AddDays(3), "Atelier (test d'effacement)");
        workshop.Line(user.Id, RegistrationStatus.Registered, now);
        db.Workshops.Add(workshop);
        var export = new DocumentRequest { Kind = PersonalDataExport.KindName, Title = "Mes données personnelles", RequestedById = user.Id, SubjectKey = PersonalDataExport.PersonSubject(user.Id), Status = WorkStatus.Done, CreatedAtUtc = now };
        db.DocumentRequests.Add(export);
        await db.SaveChangesAsync();
        db.GeneratedDocuments.Add(new GeneratedDocument { DocumentRequestId = export.Id, FileName = "mes-donnees.zip", ContentType = "application/zip", Content = Encoding.UTF8.GetBytes($"{person.Name} {person.Email}"), AuthorId = user.Id, CreatedAtUtc = now });
        db.OutboundEmails.Add(new OutboundEmail { ToAddress = person.Email, ToName = person.Name, Subject = "Votre demande est bien arrivée", TextBody = $"Bonjour {person.Name}", HtmlBody = "", MessageId = $"{tag}@test", Status = WorkStatus.Done, CreatedAtUtc = now, CompletedAtUtc = now });
        db.OutboundEmails.Add(new OutboundEmail { ToAddress = PortalApp.Worker1, ToName = worker.FullName, Subject = $"Séjour de {household.Name} : fin prévue", TextBody = $"Le séjour de {household.Name}", HtmlBody = "", MessageId = $"{tag}-2@test", Status = WorkStatus.Done, CreatedAtUtc = now, CompletedAtUtc = now });
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = worker.Id, UserName = worker.FullName, Action = "Ouverture du dossier", HouseholdId = null, Detail = $"Export des données de {person.Name}" });
        await db.SaveChangesAsync();
        return person with { Id = user.Id };
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string message = "Je déménage, merci d'effacer mes données.") =>
        Forms.PostAsync(client, "/espace/donnees", new() { ["Erase.Message"] = message, ["Erase.Confirm"] = "true" }, "Erase");

    private async Task<long> PendingIdAsync(HttpClient manager, string name)
    {
        var page = await (await manager.GetAsync("/suivi/effacements")).HtmlAsync();
        var card = page[(page.IndexOf(name, StringComparison.Ordinal) is var at and >= 0 ? at : throw new Xunit.Sdk.XunitException($"{name} is not in the managers' queue"))..];
        return long.Parse(PendingId().Match(card).Groups[1].Value);
    }

    [Fact]
    public async Task An_applied_erasure_leaves_the_person_nowhere_in_the_database()
    {
        var person = await PersonWithDataAsync(activeHousehold: false);
        var resident = await app.SignedInAsync(person.Email);

        // The person reads what would be erased and what kept, then asks.
        var page = WebUtility.HtmlDecode(await (await resident.GetAsync("/espace/donnees")).HtmlAsync());
        Assert.Contains("Ce qui serait effacé", page);
        Assert.Contains("votre dossier d'accompagnement", page);
        Assert.Contains("Rien : aucune obligation légale", page);
        var asked = await AskAsync(resident);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var received = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.Contains("demande d'effacement"));
        Assert.Contains("/espace/donnees", received.Text);
        Assert.Contains("Demande d'effacement envoyée", WebUtility.HtmlDecode(await (await resident.GetAsync("/espace/donnees")).HtmlAsync()));

        // Before: the search finds the person in the account, the files' bytes and the birth dates.
        var before = await app.WithDbAsync(db => DatabaseSearch.FindAsync(db, person.Needles));
        Assert.Contains(before, f => f.StartsWith("AspNetUsers.Email", StringComparison.Ordinal) || f.EndsWith("AspNetUsers.Email (" + person.Email + ")", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Contains("RequestDocuments.Content", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Contains("HouseholdPersons.BirthDate", StringComparison.Ordinal));

        // A manager sees it with the person's message and applies it.
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var id = await PendingIdAsync(manager, person.Name);
        Assert.Contains("Je déménage", WebUtility.HtmlDecode(await (await manager.GetAsync("/suivi/effacements")).HtmlAsync()));
        var applied = await Forms.PostAsync(manager, $"/suivi/effacements?id={id}", [], "Apply");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        // The last email reaches the person, then its row forgets the address and the text.
        var farewell = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.StartsWith("Vos données sont effacées"));
        Assert.Contains("Votre compte est supprimé", farewell.Text);
        await Forms.EventuallyAsync(() => app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == person.Email)), n => n == 0, TimeSpan.FromSeconds(20), "the farewell row to forget its address");

        // The account is gone: its cookie and its password open nothing.
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync("/espace/donnees")).StatusCode);
        var signIn = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = person.Email, ["Input.Password"] = PortalApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        // Every table, every column: no name, email, phone or birth date of the person anywhere.
        var found = await app.WithDbAsync(db => DatabaseSearch.FindAsync(db, person.Needles));
        Assert.True(found.Count == 0, "Still in the database: " + string.Join(", ", found));

        // The request stays, without a name, as the proof that it was answered; the decision is audited.
        var row = await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(ErasureStatus.Applied, row.Status);
        Assert.Null(row.UserId);
        Assert.Null(row.Message);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == PersonalDataErasure.AppliedAction && a.Detail!.Contains($"n° {id}"))));
        // The household file is anonymised as the purge does: the aid-fund figures and dates stay.
        Assert.True(await app.WithDbAsync(db => db.Households.AnyAsync(h => h.Name == RetentionPurge.AnonymisedName && h.AnonymisedAtUtc != null && h.Town == "Lille")));
    }

    [Fact]
    public async Task An_ongoing_measure_keeps_the_file_and_the_person_is_told_why_while_the_account_goes()
    {
        var person = await PersonWithDataAsync(activeHousehold: true);
        var resident = await app.SignedInAsync(person.Email);
        var page = WebUtility.HtmlDecode(await (await resident.GetAsync("/espace/donnees")).HtmlAsync());
        Assert.Contains("un accompagnement est en cours", page);
        await AskAsync(resident);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var id = await PendingIdAsync(manager, person.Name);
        Assert.Contains("un accompagnement est en cours", WebUtility.HtmlDecode(await (await manager.GetAsync("/suivi/effacements")).HtmlAsync()));
        await Forms.PostAsync(manager, $"/suivi/effacements?id={id}", [], "Apply");
        var farewell = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.StartsWith("Vos données sont effacées"));
        Assert.Contains("un accompagnement est en cours", farewell.Text);

        // The file is kept, unlinked from any account; the account names no one and opens nothing.
        var household = await app.WithDbAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.SearchName == person.LastName.ToUpperInvariant()));
        Assert.Null(household.ResidentId);
        Assert.Equal(HouseholdStatus.Active, household.Status);
        Assert.Null(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == person.Email)));
        // What is found is the kept file and the request it came from, nothing else.
        var kept = new[] { "Households", "HouseholdPersons", "HousingRequests", "HouseholdMembers", "RequestMessages", "RequestDocuments", "RequestEvents", "JournalEntries", "HouseholdPartners" };
        var found = await app.WithDbAsync(db => DatabaseSearch.FindAsync(db, person.Needles));
        Assert.NotEmpty(found);
        // The emails to the referent about the kept file name it (their text goes after 30 days);
        // those to the person are gone.
        string[] aboutTheFile = [$"OutboundEmails.Subject ({person.LastName})", $"OutboundEmails.TextBody ({person.LastName})"];
        var unexpected = found.Where(f => !kept.Any(k => f.StartsWith(k + ".", StringComparison.Ordinal)) && !aboutTheFile.Contains(f)).ToList();
        Assert.True(unexpected.Count == 0, "Found outside the kept file: " + string.Join(", ", unexpected));
    }

    [Fact]
    public async Task A_refusal_carries_a_reason_the_person_reads_in_their_space_and_by_email()
    {
        var person = await PersonWithDataAsync(activeHousehold: false);
        var resident = await app.SignedInAsync(person.Email);
        await AskAsync(resident);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var id = await PendingIdAsync(manager, person.Name);

        // No reason: the form comes back with a French message, the request stays pending.
        var empty = await Forms.PostAsync(manager, "/suivi/effacements", new() { ["Refuse.Id"] = id.ToString(), ["Refuse.Reason"] = " " }, "Refuse");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Indiquez la raison du refus", WebUtility.HtmlDecode(await empty.HtmlAsync()));

        var reason = "Un contentieux sur le loyer est en cours devant le tribunal";
        var refused = await Forms.PostAsync(manager, "/suivi/effacements", new() { ["Refuse.Id"] = id.ToString(), ["Refuse.Reason"] = reason }, "Refuse");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var mail = await app.Mail.WaitForAsync(person.Email, where: m => m.Subject.Contains("demande d'effacement") && (m.Text ?? "").Contains("ne peut pas"));
        Assert.Contains(reason, mail.Text);
        var page = await (await resident.GetAsync("/espace/donnees")).HtmlAsync();
        Assert.Contains("n'a pas été acceptée", WebUtility.HtmlDecode(page));
        Assert.Contains(reason, WebUtility.HtmlDecode(page));
        // Nothing was erased.
        Assert.NotNull(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == person.Email)));
    }

    [Fact]
    public async Task Asking_without_ticking_the_box_is_refused_at_the_field_and_keeps_the_message()
    {
        var person = await PersonWithDataAsync(activeHousehold: false);
        var resident = await app.SignedInAsync(person.Email);
        var response = await Forms.PostAsync(resident, "/espace/donnees", new() { ["Erase.Message"] = "Mon message à garder" }, "Erase");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.HtmlAsync());
        Assert.Contains("Cochez cette case", html);
        Assert.Contains("Mon message à garder", html);
        Assert.False(await app.WithDbAsync(db => db.ErasureRequests.AnyAsync(e => e.UserId == person.Id)));
    }

    [Fact]
    public async Task A_resident_with_nothing_held_by_a_team_deletes_their_own_account_with_their_password()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"seul-{tag}@exemple.fr";
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Solène Autonome{tag}", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Resident)).Succeeded);
        }
        var client = await app.SignedInAsync(email);
        Assert.Contains("Supprimer mon compte", await (await client.GetAsync("/compte/supprimer")).HtmlAsync());

        var wrong = await Forms.PostAsync(client, "/compte/supprimer", new() { ["Input.Password"] = "pas-le-bon-mot-de-passe", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Ce mot de passe n'est pas le bon", WebUtility.HtmlDecode(await wrong.HtmlAsync()));

        var done = await Forms.PostAsync(client, "/compte/supprimer", new() { ["Input.Password"] = PortalApp.Password, ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Votre compte est supprimé", WebUtility.HtmlDecode(await done.HtmlAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == email)));
        await app.Mail.WaitForAsync(email, where: m => m.Subject.StartsWith("Vos données sont effacées"));
        await Forms.EventuallyAsync(() => app.WithDbAsync(db => DatabaseSearch.FindAsync(db, [email, $"Autonome{tag}"])), f => f.Count == 0, TimeSpan.FromSeconds(20), "nothing of the person left");
    }

    [Fact]
    public async Task A_resident_whose_request_a_team_follows_is_sent_to_ask_for_erasure_instead()
    {
        var person = await PersonWithDataAsync(activeHousehold: true);
        var client = await app.SignedInAsync(person.Email);
        var page = await (await client.GetAsync("/compte/supprimer")).HtmlAsync();
        Assert.Contains("/espace/donnees#effacement", page);
        var post = await Forms.PostAsync(client, "/compte/supprimer", new() { ["Input.Password"] = PortalApp.Password, ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == person.Email)));
    }

    /// The kinds of personal data added since the first erasure: a partner's orientation with the
    /// person's consent, the SIAO's validation, a mediation, a landlord's review invitation, a
    /// workshop seat staff took for a household member, and the spreadsheet rows an import made the file from.
    [Fact]
    public async Task An_erasure_also_clears_orientations_siao_validations_mediations_landlord_reviews_workshop_seats_and_import_rows()
    {
        var person = await PersonWithDataAsync(activeHousehold: false);
        var householdId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var today = DateOnly.FromDateTime(now);
            var user = await db.Users.SingleAsync(u => u.Id == person.Id);
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.SearchName == person.LastName.ToUpperInvariant());
            var organisation = new PartnerOrganisation { Kind = PartnerKind.Siao, Name = $"SIAO {person.Id[..8]}", CreatedAtUtc = now };
            db.PartnerOrganisations.Add(organisation);
            await db.SaveChangesAsync();
            var orientation = HousingRequest.NewDraft(user.Id, person.Name, person.Phone, now);
            orientation.ShowApplicantAs(person.Name, person.Name);
            orientation.RecordConsent(Portal.Domain.Partners.ConsentMethod.SignedForm, today, confirmed: true, today);
            db.HousingRequests.Add(orientation);
            db.Entry(orientation).Property(r => r.PartnerOrganisationId).CurrentValue = organisation.Id;
            db.SiaoValidations.Add(new SiaoValidation
            {
                PartnerOrganisationId = organisation.Id, HouseholdId = household.Id, CandidateName = person.Name, Presentation = $"Joignable au {person.Phone}",
                RequestedById = user.Id, RequestedByName = "Agent", RequestedAtUtc = now, DecisionNote = $"Validée pour {person.LastName}",
            });
            db.Mediations.Add(Portal.Domain.Support.Mediation.Open(household.Id, "Bailleur du Nord", null, Portal.Domain.Support.MediationIssue.Neighbourhood, $"Conflit de {person.Name}", today, today));
            db.LeaseReviewInvitations.Add(new LeaseReviewInvitation
            {
                SlidingLeaseId = 1, SupportMeasureId = 1, HouseholdId = household.Id, PartnerOrganisationId = organisation.Id, HouseholdName = household.Name,
                ReviewLabel = "Bilan à 6 mois", ReviewOn = today, InvitedById = user.Id, InvitedByName = "Agent", InvitedAtUtc = now, SharedSummary = $"{person.Name} paie son loyer",
            });
            var place = await db.Places.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var leader = await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync();
            var workshop = WorkshopData.Planned(place, leader, now.AddDays(3), "Atelier (test d'effacement)");
            workshop.Line(ParticipantKeys.HouseholdPerson(household.Persons[0].Id), RegistrationStatus.Registered, now);
            db.Workshops.Add(workshop);
            var batch = new ImportBatch { FileName = "suivis.xlsx", UploadedById = "admin", UploadedByName = "Admin", CreatedAtUtc = now, ImportedAtUtc = now, Stage = ImportStage.Imported, RowCount = 2 };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            db.ImportRows.Add(new ImportRow { ImportBatchId = batch.Id, Line = 2, Cells = $"[\"{person.LastName}\",\"Zéphirine\",\"{person.Phone}\"]", Outcome = ImportOutcome.Created, HouseholdId = household.Id });
            db.ImportRows.Add(new ImportRow { ImportBatchId = batch.Id, Line = 3, Cells = $"[\"{person.LastName}\",\"Zéphirine\",\"\"]", DuplicateHouseholdId = household.Id, Outcome = ImportOutcome.Skipped });
            await db.SaveChangesAsync();
            return household.Id;
        });
        // The birth date every test person shares is checked by the test above; here the person's own name, email and phone.
        string[] needles = [person.Email, person.LastName, person.Phone];
        var before = await app.WithDbAsync(db => DatabaseSearch.FindAsync(db, needles));
        foreach (var table in new[] { "SiaoValidations", "LeaseReviewInvitations", "ImportRows", "Mediations" })
            Assert.Contains(before, f => f.StartsWith(table + ".", StringComparison.Ordinal));

        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>().ApplyAsync(person.Id, default);

        var found = await app.WithDbAsync(db => DatabaseSearch.FindAsync(db, needles));
        Assert.True(found.Count == 0, "Still in the database: " + string.Join(", ", found));
        // The SIAO's validation stays counted, without a name.
        var validation = await app.WithDbAsync(db => db.SiaoValidations.AsNoTracking().SingleAsync(v => v.HouseholdId == householdId));
        Assert.Equal((RetentionPurge.AnonymisedName, null, null), (validation.CandidateName, validation.Presentation, validation.DecisionNote));
    }
}
