using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.CaseFiles;
using Portal.Requests;
using RequestsBench;

// Times the staff queue (/suivi/demandes) over 100,000 requests, with the very query code the page
// runs (RequestQueueQuery.PageAsync: the count and one page of rows), on SQLite and, when
// PORTAL_TEST_POSTGRES is set, on PostgreSQL.

var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
const int Iterations = 30;

var results = new List<string>();
(int Nord, int Sud, string Sample)? lastLoad = null;
var sqliteDir = Directory.CreateTempSubdirectory("requests-bench-").FullName;
try
{
    var cs = $"Data Source={Path.Combine(sqliteDir, "bench.db")}";
    DbContextOptions<SqlitePortalDbContext> options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(cs).Options;
    await RunAsync("SQLite", () => new SqlitePortalDbContext(options), async db =>
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    });
    // The site never runs ANALYZE on SQLite; with statistics the planner picks better indexes.
    await using (var db = new SqlitePortalDbContext(options)) await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    await MeasureAsync("SQLite after ANALYZE", () => new SqlitePortalDbContext(options), lastLoad!.Value);
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(sqliteDir, recursive: true);
}

if (Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } admin)
{
    var name = $"requests_bench_{Guid.NewGuid():N}";
    await using (var conn = new NpgsqlConnection(admin))
    {
        await conn.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn).ExecuteNonQueryAsync();
    }
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        DbContextOptions<PostgresPortalDbContext> options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(cs).Options;
        // autovacuum would analyze the new rows within a minute; do it now rather than wait.
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
    Console.WriteLine("(PORTAL_TEST_POSTGRES not set: PostgreSQL skipped)");
}

Console.WriteLine();
foreach (var line in results) Console.WriteLine(line);

async Task RunAsync(string provider, Func<PortalDbContext> newDb, Func<PortalDbContext, Task> afterLoad)
{
    await using (var db = newDb())
    {
        var sw = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        Console.WriteLine($"[{provider}] migrated in {sw.ElapsedMilliseconds} ms");
    }
    var loaded = await Load.InsertAsync(newDb, count, provider);
    lastLoad = loaded;
    await using (var db = newDb()) await afterLoad(db);
    await MeasureAsync(provider, newDb, loaded);
}

async Task MeasureAsync(string provider, Func<PortalDbContext> newDb, (int Nord, int Sud, string Sample) loaded)
{
    var (nord, sud, sample) = loaded;

    var manager = new StaffScope("bench-manager", "Responsable", IsManager: true, TeamId: null);
    var worker = new StaffScope("bench-worker", "Travailleur Nord", IsManager: false, TeamId: nord);
    var cases = new (string Name, StaffScope Scope, QueueFilters Filters, int Page)[]
    {
        ("manager, no filter, page 1", manager, new(), 1),
        ("manager, no filter, last page", manager, new(), int.MaxValue),
        ("manager, no filter, middle page", manager, new(), 2_000),
        ("manager, status Déposée, page 1", manager, new() { Status = RequestStatus.Submitted }, 1),
        ("manager, status Déposée, last page", manager, new() { Status = RequestStatus.Submitted }, int.MaxValue),
        ("manager, team Sud, page 1", manager, new() { Team = sud }, 1),
        ("manager, no team, page 1", manager, new() { Team = QueueFilters.NoTeam }, 1),
        ("worker Nord, no filter, page 1", worker, new(), 1),
        ("worker Nord, no filter, last page", worker, new(), int.MaxValue),
        ("worker Nord, status Pièces demandées", worker, new() { Status = RequestStatus.DocumentsRequested }, 1),
        ("manager, DALO, page 1", manager, new() { Dalo = true }, 1),
        ("manager, group Jeunes 18–25, page 1", manager, new() { Group = TargetGroups.Young18To25 }, 1),
        ("manager, one month of dates", manager, new() { From = new DateOnly(2025, 3, 1), To = new DateOnly(2025, 3, 31) }, 1),
        ("manager, name « mar » (prefix)", manager, new() { Q = "mar" }, 1),
        ("manager, name « lefèvre »", manager, new() { Q = "lefèvre" }, 1),
        ("manager, name « émilie rousseau »", manager, new() { Q = "émilie rousseau" }, 1),
        ("worker Nord, name « dupont »", worker, new() { Q = "dupont" }, 1),
        ("manager, reference lookup", manager, new() { Q = sample }, 1),
        ("manager, sort by name, page 1", manager, new() { Sort = QueueSort.NameAsc }, 1),
        ("manager, sort by name, page 1000", manager, new() { Sort = QueueSort.NameAsc }, 1_000),
        ("manager, sort by status, page 1", manager, new() { Sort = QueueSort.StatusAsc }, 1),
        ("manager, sort by reference, last page", manager, new() { Sort = QueueSort.ReferenceAsc }, int.MaxValue),
    };

    results.Add($"{provider}, {count:N0} requests — median / p95 of {Iterations} runs (count + one page of 25, fresh DbContext each)");
    results.Add($"| query | total | median ms | p95 ms |");
    results.Add($"|---|---:|---:|---:|");
    foreach (var (name, scope, filters, page) in cases)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = 0; i < Iterations + 3; i++)
        {
            await using var db = newDb();
            var sw = Stopwatch.StartNew();
            var (rows, t, _) = await RequestQueueQuery.PageAsync(db, filters, scope, page);
            sw.Stop();
            total = t;
            if (rows.Count == 0 && t > 0) throw new InvalidOperationException($"{name}: empty page");
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
        results.Add($"| {name} | {total:N0} | {median:0.0} | {p95:0.0} |");
        Console.WriteLine($"[{provider}] {name}: total {total}, median {median:0.0} ms, p95 {p95:0.0} ms");
    }
    results.Add("");
}
