using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Npgsql;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Import;

// Times the import of a spreadsheet of 20,000 rows (one person a row, households grouped by an
// identifier column) with the very code the pages and the job run: reading the file, storing its
// rows, checking them and looking for duplicates among 10,000 files already there, then the
// background import itself. On a fresh SQLite file and, when PORTAL_BENCH_POSTGRES (or
// PORTAL_TEST_POSTGRES) holds an admin connection string, on a throw-away PostgreSQL database.

var rows = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
const int Existing = 10_000;
var results = new List<string>();
// The site's Identity schema (passkeys), so the model is the one the migrations describe.
var identity = new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider();
var csv = Sample.Csv(rows);
var xlsx = Sample.Xlsx(csv);
Console.WriteLine($"File: {rows:N0} rows, CSV {csv.Length / 1024} KB, XLSX {xlsx.Length / 1024} KB");

var sqliteDir = Directory.CreateTempSubdirectory("import-bench-").FullName;
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
    var name = $"import_bench_{Guid.NewGuid():N}";
    await using (var conn = new NpgsqlConnection(admin))
    {
        await conn.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn).ExecuteNonQueryAsync();
    }
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(cs).UseApplicationServiceProvider(identity).Options;
        await RunAsync("PostgreSQL", () => new PostgresPortalDbContext(options), _ => Task.CompletedTask);
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

async Task RunAsync(string provider, Func<PortalDbContext> newDb, Func<PortalDbContext, Task> afterMigrate)
{
    await using (var db = newDb())
    {
        await db.Database.MigrateAsync();
        await afterMigrate(db);
        db.Teams.AddRange(new Team { Name = "Nord" }, new Team { Name = "Sud" });
        await db.SaveChangesAsync();
        await Sample.ExistingAsync(db, Existing);
    }
    var clock = TimeProvider.System;
    var phases = new List<(string, double)>();
    var total = Stopwatch.StartNew();
    var sw = Stopwatch.StartNew();
    var (content, problem) = SpreadsheetFile.Read(csv);
    if (content is null) throw new InvalidOperationException(problem);
    phases.Add(("read the CSV", sw.Elapsed.TotalSeconds));

    sw.Restart();
    long batchId;
    await using (var db = newDb())
        batchId = (await new ImportPreview(db, clock).StoreAsync(content, "bench.csv", "bench-admin", "Admin", null, default)).Id;
    phases.Add(("store the rows (upload)", sw.Elapsed.TotalSeconds));

    sw.Restart();
    await using (var db = newDb())
    {
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId);
        batch.Fields = ImportColumns.ToJson(ImportColumns.Guess(content.Headers));
        batch.Stage = ImportStage.Preview;
        await db.SaveChangesAsync();
        await new ImportPreview(db, clock).AnalyseAsync(batch, default);
    }
    phases.Add(("check rows and find duplicates (preview)", sw.Elapsed.TotalSeconds));

    int errors, duplicates;
    await using (var db = newDb())
    {
        errors = await db.ImportRows.CountAsync(r => r.ImportBatchId == batchId && r.HasErrors);
        duplicates = await db.ImportRows.Where(r => r.ImportBatchId == batchId && r.DuplicateHouseholdId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Decision, DuplicateDecision.Merge));
    }

    sw.Restart();
    await using (var db = newDb())
    {
        var run = new ImportRun { ImportBatchId = batchId, RequestedById = "bench-admin", RequestedByName = "Admin", CreatedAtUtc = DateTime.UtcNow };
        await new Importer(db, clock, NullLogger<Importer>.Instance).ImportAsync(run, default);
    }
    phases.Add(("import in the background (job)", sw.Elapsed.TotalSeconds));
    total.Stop();

    ImportBatch done;
    await using (var db = newDb()) done = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId);
    sw.Restart();
    var (fromXlsx, _) = SpreadsheetFile.Read(xlsx);
    var xlsxSeconds = sw.Elapsed.TotalSeconds;

    results.Add($"{provider}: {rows:N0} rows against {Existing:N0} existing files ({errors} rows in error, {duplicates} duplicates merged)");
    results.Add("| phase | seconds |");
    results.Add("|---|---:|");
    foreach (var (phase, seconds) in phases) results.Add($"| {phase} | {seconds:0.00} |");
    results.Add($"| **total, upload to report** | **{total.Elapsed.TotalSeconds:0.00}** |");
    results.Add($"| (reading the same rows from XLSX instead: {fromXlsx!.Rows.Count:N0} rows) | {xlsxSeconds:0.00} |");
    results.Add($"Report: {done.CreatedCount:N0} persons added in {done.HouseholdsCreated:N0} new households, {done.MergedCount} merged, {done.SkippedCount} skipped.");
    results.Add("");
    Console.WriteLine($"[{provider}] total {total.Elapsed.TotalSeconds:0.00} s");
}

static class Sample
{
    private static readonly string[] Last = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "García", "Konaté", "Nguyen", "Haddad", "Benali", "Rousseau"];
    private static readonly string[] First = ["Marie", "Élodie", "Fatou", "Karim", "Paul", "Léa", "Inès", "Jules", "Anaïs", "Noé", "Sara", "Hugo", "Chloé", "Yanis", "Zoé", "Lucas"];

    public static byte[] Csv(int rows)
    {
        var sb = new StringBuilder("N° ménage;Nom;Prénom;Date de naissance;Lien;Téléphone;E-mail;Adresse;Commune;Équipe;Observations\r\n");
        var random = new Random(42);
        var household = 0;
        for (var i = 0; i < rows; i++)
        {
            // Households of one to four persons; the first is the applicant.
            var first = i == 0 || random.Next(5) < 2;
            if (first) household++;
            var last = $"{Last[household % Last.Length]}{household / Last.Length}";
            var birth = first ? new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28)) : new DateOnly(2005 + random.Next(18), 1 + random.Next(12), 1 + random.Next(28));
            var date = i % 97 == 0 ? "31/02/1990" : i % 3 == 0 ? (birth.ToDateTime(TimeOnly.MinValue).ToOADate()).ToString("0") : birth.ToString("dd/MM/yyyy");
            var name = i % 211 == 0 ? "" : last;
            var team = i % 149 == 0 ? "Est" : household % 2 == 0 ? "Nord" : "sud";
            sb.Append($"M{household};{name};{First[random.Next(First.Length)]};{date};{(first ? "Demandeur" : "Enfant")};06 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)};");
            sb.Append($"{(first ? $"contact{household}@exemple.fr" : "")};{household} rue de la Paix;Lille;{team};{(i % 10 == 0 ? "Suivi repris du tableau de l'équipe" : "")}\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static byte[] Xlsx(byte[] csv)
    {
        var (content, _) = SpreadsheetFile.Read(csv);
        var table = content!.Rows.Select(r => content.Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object)x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }

    /// Files already followed; the file's households 1, 101, 201… are among them (same name and birth
    /// date would be needed for a duplicate, so a share of them are).
    public static async Task ExistingAsync(PortalDbContext db, int count)
    {
        var (content, _) = SpreadsheetFile.Read(Csv(count));
        var teams = await db.Teams.Select(t => t.Id).ToListAsync();
        var random = new Random(7);
        var added = 0;
        foreach (var row in content!.Rows)
        {
            var reuse = added % 50 == 0 && row[1].Length > 0 && ImportRowCheck.ParseDate(row[3]) is { } birth && birth.Year < 2000;
            var lastName = reuse ? row[1] : $"Ancien{added}";
            var firstName = reuse ? row[2] : First[random.Next(First.Length)];
            var name = $"{lastName.ToUpperInvariant()} {firstName}";
            var h = new Household { Name = name, SearchName = Portal.CaseFiles.HouseholdFactory.SearchKey(name), TeamId = teams[added % 2], CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            h.Persons.Add(new HouseholdPerson { LastName = lastName, FirstName = firstName, BirthDate = reuse ? ImportRowCheck.ParseDate(row[3]) : new DateOnly(1980, 1, 1), Relationship = Relationship.Applicant });
            db.Households.Add(h);
            if (++added % 1000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            if (added >= count) break;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
