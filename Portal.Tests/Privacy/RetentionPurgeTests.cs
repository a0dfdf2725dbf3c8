using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Privacy;
using Portal.Testing;

namespace Portal.Tests.Privacy;

/// The retention policy applied by the nightly purge, on a database of its own so that moving the
/// clock years ahead touches nothing the other tests use.
public sealed class RetentionPurgeTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private PortalDbContext Context(params IInterceptor[] interceptors) => database.Provider == "Postgres"
        ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(database.ConnectionString).UseApplicationServiceProvider(IdentitySchema.Services).AddInterceptors(interceptors).Options)
        : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(database.ConnectionString).UseApplicationServiceProvider(IdentitySchema.Services).AddInterceptors(interceptors).Options);

    private sealed class CancelAfterCommit(CancellationTokenSource cts) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            cts.Cancel();
            return Task.CompletedTask;
        }
    }

    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private sealed class Clock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => new(Now);
    }

    private async Task<PortalUser> PersonAsync(PortalDbContext db, string name)
    {
        var user = new PortalUser { UserName = $"{name}@test.fr", Email = $"{name}@test.fr", FullName = name, CreatedAtUtc = Start };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    private static HousingRequest Request(PortalUser applicant, DateTime at)
    {
        var request = HousingRequest.NewDraft(applicant.Id, applicant.FullName, applicant.PhoneNumber, at);
        request.DescribeHousehold([new MemberDetails(null, "Lina", applicant.FullName, new DateOnly(1990, 1, 1), Relationship.Applicant)], false, request.Phone, null, null);
        request.ShowApplicantAs(applicant.FullName, applicant.FullName);
        request.AddDocument(new RequestDocument(default, "avis.pdf", "application/pdf", [1, 2, 3], applicant.Id, at), at);
        request.Write(applicant.Id, applicant.FullName, "Bonjour", fromStaff: false, withPartner: false, at);
        return request;
    }

    [Fact]
    public async Task A_request_unfollowed_two_years_and_a_day_is_deleted_with_its_uploads_unless_on_legal_hold()
    {
        await using var db = Context();
        var person = await PersonAsync(db, "Alice");
        var old = Request(person, Start);
        var held = Request(person, Start);
        var recent = Request(person, Start.AddDays(2));
        db.HousingRequests.AddRange(old, held, recent);
        await db.SaveChangesAsync();
        db.LegalHolds.Add(new LegalHold { HousingRequestId = held.Id, Reason = "Contentieux en cours", PlacedById = person.Id, PlacedByName = "Cheffe", PlacedAtUtc = Start });
        await db.SaveChangesAsync();

        var clock = new Clock(Start.AddYears(2).AddDays(1).AddMinutes(1));
        var done = await new RetentionPurge(db, clock).RunAsync(default);

        Assert.Equal(1, done.Requests);
        var left = await db.HousingRequests.Select(r => r.Id).ToListAsync();
        Assert.DoesNotContain(old.Id, left);
        Assert.Contains(held.Id, left);
        Assert.Contains(recent.Id, left);
        Assert.False(await db.RequestDocuments.AnyAsync(d => d.HousingRequestId == old.Id));
        Assert.False(await db.RequestMessages.AnyAsync(d => d.HousingRequestId == old.Id));
        Assert.True(await db.RequestDocuments.AnyAsync(d => d.HousingRequestId == held.Id));

        // Lifting the hold lets the next night's run take it; running again finds nothing else.
        await db.LegalHolds.ExecuteUpdateAsync(s => s.SetProperty(h => h.LiftedAtUtc, clock.Now));
        Assert.Equal(1, (await new RetentionPurge(db, clock).RunAsync(default)).Requests);
        Assert.Equal(0, (await new RetentionPurge(db, clock).RunAsync(default)).Requests);
    }

    [Fact]
    public async Task A_purge_interrupted_between_batches_resumes_where_it_stopped()
    {
        await using (var db = Context())
        {
            var person = await PersonAsync(db, "Bruno");
            for (var i = 0; i < RetentionPurge.BatchSize * 2 + 7; i++) db.HousingRequests.Add(Request(person, Start));
            await db.SaveChangesAsync();
        }
        var clock = new Clock(Start.AddYears(3));
        // Killed right after its first batch is committed: the cancellation stands for the process dying.
        using var cts = new CancellationTokenSource();
        await using (var db = Context(new CancelAfterCommit(cts)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RetentionPurge(db, clock).RunAsync(cts.Token));
        }
        await using (var db = Context())
            Assert.Equal(RetentionPurge.BatchSize + 7, await db.HousingRequests.CountAsync());
        await using (var db = Context())
        {
            var done = await new RetentionPurge(db, clock).RunAsync(default);
            Assert.True(done.Requests > 0);
            Assert.Equal(0, await db.HousingRequests.CountAsync());
            Assert.Equal(0, await db.RequestDocuments.CountAsync());
        }
    }

    [Fact]
    public async Task A_closed_file_is_anonymised_two_years_after_the_exit_and_its_request_deleted()
    {
        await using var db = Context();
        var person = await PersonAsync(db, "Chloé");
        var request = Request(person, Start);
        db.HousingRequests.Add(request);
        await db.SaveChangesAsync();
        var household = new Household
        {
            Name = "DURAND-SECRET", SearchName = "DURAND-SECRET", Phone = "0611223344", Email = "durand@secret.fr", Address = "3 rue Secrète",
            ResidentId = person.Id, HousingRequestId = request.Id,
            CreatedAtUtc = Start, UpdatedAtUtc = Start,
        };
        household.RecordExit(Exit.Record(household.Id, DateOnly.FromDateTime(Start), DateOnly.FromDateTime(Start), ExitDestination.SocialLandlord, null, [], [], []), Start);
        household.Persons.Add(new HouseholdPerson { FirstName = "Zoé", LastName = "DURAND-SECRET", Relationship = Relationship.Applicant });
        household.Journal.Add(new JournalEntry { Kind = default, OccurredOn = DateOnly.FromDateTime(Start), AuthorId = person.Id, AuthorName = "x", Text = "Entretien DURAND-SECRET", CreatedAtUtc = Start });
        db.Households.Add(household);
        await db.SaveChangesAsync();
        var startedOn = DateOnly.FromDateTime(Start).AddMonths(-3);
        var mediation = Mediation.Open(household.Id, "Bailleur du Nord", null, MediationIssue.Neighbourhood, "Conflit de Zoé DURAND-SECRET avec ses voisins", startedOn, startedOn);
        mediation.Close(MediationOutcome.Agreement, startedOn.AddMonths(1), "Accord signé par Zoé DURAND-SECRET", startedOn.AddMonths(1));
        db.Mediations.Add(mediation);
        await db.SaveChangesAsync();

        var clock = new Clock(Start.AddYears(2).AddDays(2));
        Assert.Equal(1, (await new RetentionPurge(db, clock).RunAsync(default)).Households);

        db.ChangeTracker.Clear();
        var after = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == household.Id);
        Assert.Equal(RetentionPurge.AnonymisedName, after.Name);
        Assert.Null(after.Phone);
        Assert.Null(after.Email);
        Assert.Null(after.Address);
        Assert.DoesNotContain(after.Persons, p => p.LastName.Contains("DURAND"));
        Assert.False(await db.JournalEntries.AnyAsync(j => j.HouseholdId == household.Id));
        var kept = await db.Mediations.SingleAsync(m => m.HouseholdId == household.Id);
        Assert.Equal((MediationIssue.Neighbourhood, MediationOutcome.Agreement), (kept.Issue, kept.Outcome!.Value));
        Assert.Null(kept.Details);
        Assert.Null(kept.OutcomeDetails);
        Assert.False(await db.HousingRequests.AnyAsync(r => r.Id == request.Id));
        Assert.Equal(0, (await new RetentionPurge(db, clock).RunAsync(default)).Households);
    }

    [Fact]
    public async Task Access_log_after_a_year_and_email_bodies_after_thirty_days_go_keeping_who_and_when()
    {
        await using var db = Context();
        db.AuditEntries.Add(new AuditEntry { AtUtc = Start, UserId = "u", UserName = "u", Action = "Ouverture du dossier" });
        db.AuditEntries.Add(new AuditEntry { AtUtc = Start.AddDays(300), UserId = "u", UserName = "u", Action = "Ouverture du dossier" });
        db.OutboundEmails.Add(new OutboundEmail
        {
            ToAddress = "a@test.fr", Subject = "Votre rendez-vous", TextBody = "Corps", HtmlBody = "<p>Corps</p>", MessageId = "m1",
            Status = Portal.Domain.Work.WorkStatus.Done, CompletedAtUtc = Start, CreatedAtUtc = Start, AttachmentContent = [1],
        });
        await db.SaveChangesAsync();

        var done = await new RetentionPurge(db, new Clock(Start.AddDays(366))).RunAsync(default);

        Assert.Equal(1, done.AuditLines);
        Assert.Equal(1, await db.AuditEntries.CountAsync());
        var email = await db.OutboundEmails.AsNoTracking().SingleAsync();
        Assert.Equal(("", "", null, "a@test.fr", "Votre rendez-vous"), (email.TextBody, email.HtmlBody, email.AttachmentContent, email.ToAddress, email.Subject));
    }

    private static async Task<ImportBatch> ImportFileAsync(PortalDbContext db, string marker, ImportStage stage, DateTime createdAt, DateTime? importedAt)
    {
        var batch = new ImportBatch
        {
            FileName = $"menages-{marker}.xlsx", UploadedById = "admin", UploadedByName = "Admin", CreatedAtUtc = createdAt, ImportedAtUtc = importedAt,
            Stage = stage, RowCount = 2, CreatedCount = stage == ImportStage.Imported ? 1 : 0, SkippedCount = stage == ImportStage.Imported ? 1 : 0,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync();
        db.ImportRows.Add(new ImportRow { ImportBatchId = batch.Id, Line = 2, Cells = $"[\"DUPONT-{marker}\",\"Léa\",\"0611223344\"]", Outcome = ImportOutcome.Created });
        db.ImportRows.Add(new ImportRow { ImportBatchId = batch.Id, Line = 3, Cells = $"[\"MARTIN-{marker}\",\"\",\"\"]", HasErrors = true, Outcome = ImportOutcome.Skipped, OutcomeNote = "Prénom manquant" });
        if (stage != ImportStage.Mapping && stage != ImportStage.Preview)
            db.ImportRuns.Add(new ImportRun { ImportBatchId = batch.Id, RequestedById = "admin", RequestedByName = "Admin", CreatedAtUtc = createdAt, LastError = $"Ligne 3 : MARTIN-{marker}" });
        await db.SaveChangesAsync();
        return batch;
    }

    [Fact]
    public async Task An_import_file_loses_its_rows_thirty_days_after_the_import_and_keeps_its_report()
    {
        await using var db = Context();
        var past = await ImportFileAsync(db, "past", ImportStage.Imported, Start, Start);
        var recent = await ImportFileAsync(db, "recent", ImportStage.Imported, Start, Start.AddDays(2));
        var abandoned = await ImportFileAsync(db, "abandoned", ImportStage.Preview, Start, null);
        var running = await ImportFileAsync(db, "running", ImportStage.Importing, Start, null);

        // Thirty days and one more after the first import; the second one ended a day later than thirty days ago.
        var clock = new Clock(Start.AddDays(31));
        var done = await new RetentionPurge(db, clock).RunAsync(default);

        Assert.Equal(2, done.ImportFiles);
        db.ChangeTracker.Clear();
        var kept = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == past.Id);
        Assert.Equal((clock.Now, 2, 1, 1), (kept.RowsPurgedAtUtc, kept.RowCount, kept.CreatedCount, kept.SkippedCount));
        Assert.False(await db.ImportRows.AnyAsync(r => r.ImportBatchId == past.Id));
        Assert.Null(await db.ImportRuns.Where(r => r.ImportBatchId == past.Id).Select(r => r.LastError).SingleAsync());
        Assert.Equal(2, await db.ImportRows.CountAsync(r => r.ImportBatchId == recent.Id));
        Assert.Null((await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == recent.Id)).RowsPurgedAtUtc);
        // A file left at the preview goes whole; one being imported is left to its run.
        Assert.False(await db.ImportBatches.AnyAsync(b => b.Id == abandoned.Id));
        Assert.False(await db.ImportRows.AnyAsync(r => r.ImportBatchId == abandoned.Id));
        Assert.Equal(2, await db.ImportRows.CountAsync(r => r.ImportBatchId == running.Id));
        var found = await DatabaseSearch.FindAsync(db, ["DUPONT-past", "MARTIN-past", "DUPONT-abandoned"]);
        Assert.True(found.Count == 0, "Still in the database: " + string.Join(", ", found));

        Assert.Equal(0, (await new RetentionPurge(db, clock).RunAsync(default)).ImportFiles);
        clock.Now = Start.AddDays(33);
        Assert.Equal(1, (await new RetentionPurge(db, clock).RunAsync(default)).ImportFiles);
        Assert.False(await db.ImportRows.AnyAsync(r => r.ImportBatchId == recent.Id));
    }

    [Fact]
    public async Task A_purge_of_import_files_interrupted_after_one_file_resumes_with_the_others()
    {
        var files = RetentionPurge.BatchSize / 10 + 5;
        await using (var db = Context())
            for (var i = 0; i < files; i++) await ImportFileAsync(db, $"f{i}", ImportStage.Imported, Start, Start);
        var clock = new Clock(Start.AddDays(40));
        using var cts = new CancellationTokenSource();
        await using (var db = Context(new CancelAfterCommit(cts)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RetentionPurge(db, clock).RunAsync(cts.Token));
        await using (var db = Context())
        {
            Assert.Equal(1, await db.ImportBatches.CountAsync(b => b.RowsPurgedAtUtc != null));
            Assert.Equal((files - 1) * 2, await db.ImportRows.CountAsync());
            var done = await new RetentionPurge(db, clock).RunAsync(default);
            Assert.Equal(files - 1, done.ImportFiles);
            Assert.Equal(0, await db.ImportRows.CountAsync());
            Assert.Equal(files, await db.ImportBatches.CountAsync(b => b.RowsPurgedAtUtc != null));
        }
    }
}
