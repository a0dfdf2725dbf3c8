using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Privacy;

// Times the nightly retention purge (RetentionPurge.RunAsync, the code the job runs) over N
// households (default 100,000), all exited more than two years ago, each with two people, two
// journal entries and the housing request it came from (a member, an upload, a message), plus as
// many unfollowed requests: so the run anonymises N files and deletes 2 × N requests. On a fresh
// SQLite file and, when PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) holds an admin connection
// string, on a throw-away PostgreSQL database.

// The site's Identity schema (version 3, passkeys), as the migrations were made with.
var identity = new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider();
var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
var results = new List<string>();

var sqliteDir = Directory.CreateTempSubdirectory("retention-bench-").FullName;
try
{
    var cs = $"Data Source={Path.Combine(sqliteDir, "bench.db")}";
    var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(cs).UseApplicationServiceProvider(identity).Options;
    await RunAsync("SQLite", () => new SqlitePortalDbContext(options), db => db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(sqliteDir, recursive: true);
}

if ((Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")) is { Length: > 0 } admin)
{
    var name = $"retention_bench_{Guid.NewGuid():N}";
    await using (var conn = new NpgsqlConnection(admin))
    {
        await conn.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn).ExecuteNonQueryAsync();
    }
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(cs).UseApplicationServiceProvider(identity).Options;
        await RunAsync("PostgreSQL", () => new PostgresPortalDbContext(options), db => db.Database.ExecuteSqlRawAsync("ANALYZE;"));
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn).ExecuteNonQueryAsync();
    }
}
else
{
    Console.WriteLine("(PORTAL_BENCH_POSTGRES not set: PostgreSQL skipped)");
}

Console.WriteLine();
foreach (var line in results) Console.WriteLine(line);

async Task RunAsync(string label, Func<PortalDbContext> context, Func<PortalDbContext, Task> prepare)
{
    var start = new DateTime(2022, 1, 10, 9, 0, 0, DateTimeKind.Utc);
    string applicantId;
    await using (var db = context())
    {
        await db.Database.MigrateAsync();
        await prepare(db);
        var applicant = new PortalUser { UserName = "bench@test.fr", Email = "bench@test.fr", FullName = "Bench", CreatedAtUtc = start };
        db.Users.Add(applicant);
        await db.SaveChangesAsync();
        applicantId = applicant.Id;
    }
    var load = Stopwatch.StartNew();
    const int Chunk = 2000;
    for (var offset = 0; offset < count; offset += Chunk)
    {
        await using var db = context();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var applicant = new PortalUser { Id = applicantId };
        db.Users.Attach(applicant);
        // The household file keeps its request's id only: the requests are saved first.
        var households = new List<(HousingRequest Followed, Household Household)>();
        for (var i = offset; i < Math.Min(count, offset + Chunk); i++)
        {
            HousingRequest Request()
            {
                var r = HousingRequest.NewDraft(applicantId, "x", null, start);
                r.DescribeHousehold([new MemberDetails(null, "Prénom", $"NOM{i}", new DateOnly(1990, 1, 1), Relationship.Applicant)], false, null, null, null);
                r.ShowApplicantAs($"NOM{i}", $"NOM{i}");
                r.AddDocument(new RequestDocument(default, "avis.pdf", "application/pdf", new byte[2048], applicantId, start), start);
                r.Write(applicantId, "x", "Bonjour", fromStaff: false, withPartner: false, start);
                return r;
            }
            var followed = Request();
            db.HousingRequests.Add(followed);
            db.HousingRequests.Add(Request());
            var household = new Household { Name = $"NOM{i}", SearchName = $"NOM{i}", Phone = "0600000000", CreatedAtUtc = start, UpdatedAtUtc = start };
            var exitedOn = DateOnly.FromDateTime(start);
            household.RecordExit(Exit.Record(0, exitedOn, exitedOn, ExitDestination.SocialLandlord, null, [], [], []), start);
            household.Persons.Add(new HouseholdPerson { FirstName = "A", LastName = $"NOM{i}", Relationship = Relationship.Applicant });
            household.Persons.Add(new HouseholdPerson { FirstName = "B", LastName = $"NOM{i}", Relationship = Relationship.Child, Position = 1 });
            household.Journal.Add(new JournalEntry { OccurredOn = DateOnly.FromDateTime(start), AuthorId = applicantId, AuthorName = "x", Text = "Entretien", CreatedAtUtc = start });
            household.Journal.Add(new JournalEntry { OccurredOn = DateOnly.FromDateTime(start), AuthorId = applicantId, AuthorName = "x", Text = "Visite", CreatedAtUtc = start });
            households.Add((followed, household));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        foreach (var (followed, household) in households)
        {
            household.HousingRequestId = followed.Id;
            db.Households.Add(household);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
    // One imported spreadsheet per 100 households, its 100 rows still there: the purge deletes the rows.
    for (var offset = 0; offset < count; offset += Chunk)
    {
        await using var db = context();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var b = offset; b < Math.Min(count, offset + Chunk); b += 100)
        {
            var batch = new ImportBatch
            {
                FileName = $"menages-{b}.xlsx", UploadedById = applicantId, UploadedByName = "Bench", CreatedAtUtc = start, ImportedAtUtc = start,
                Stage = ImportStage.Imported, RowCount = 100, CreatedCount = 100,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            for (var line = 0; line < 100; line++)
                db.ImportRows.Add(new ImportRow { ImportBatchId = batch.Id, Line = line + 2, Cells = $"[\"NOM{b + line}\",\"Prénom\",\"01/01/1990\"]", Outcome = ImportOutcome.Created });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
    await using (var db = context()) await prepare(db);
    Console.WriteLine($"{label}: loaded {count:N0} households, {2 * count:N0} requests and {count / 100:N0} import files of 100 rows in {load.Elapsed.TotalSeconds:F0} s");

    var clock = new FixedClock(start.AddYears(3));
    var run = Stopwatch.StartNew();
    RetentionPurge.Counts done;
    await using (var db = context()) done = await new RetentionPurge(db, clock).RunAsync(CancellationToken.None);
    var first = run.Elapsed;
    run.Restart();
    await using (var db = context()) await new RetentionPurge(db, clock).RunAsync(CancellationToken.None);
    var again = run.Elapsed;
    results.Add($"{label}: purge of {count:N0} households ({done.Households:N0} anonymised, {done.Requests:N0} requests deleted with their uploads, {done.ImportFiles:N0} import files emptied) in {first.TotalSeconds:F1} s " +
                $"({count / first.TotalSeconds:N0} households/s); a second run finding nothing: {again.TotalMilliseconds:F0} ms");
}

sealed class FixedClock(DateTime now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(now);
}
