using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.CaseFiles;
using Portal.Data;
using HouseholdsBench;

// Times the household search (/suivi/menages) over 100,000 households with the very query code the
// page runs (HouseholdsQuery.PageAsync: prefix search on the accent-free name, keyset paging on
// (SearchName, Id), the user's scope), on a fresh SQLite file and, when PORTAL_BENCH_POSTGRES (or
// PORTAL_TEST_POSTGRES) holds an admin connection string, on a throw-away PostgreSQL database.

var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
const int Iterations = 30;
var results = new List<string>();

var sqliteDir = Directory.CreateTempSubdirectory("households-bench-").FullName;
try
{
    var cs = $"Data Source={Path.Combine(sqliteDir, "bench.db")}";
    var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(cs).Options;
    await RunAsync("SQLite", () => new SqlitePortalDbContext(options), db => db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(sqliteDir, recursive: true);
}

if ((Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")) is { Length: > 0 } admin)
{
    var name = $"households_bench_{Guid.NewGuid():N}";
    await using (var conn = new NpgsqlConnection(admin))
    {
        await conn.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn).ExecuteNonQueryAsync();
    }
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(cs).Options;
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

async Task RunAsync(string provider, Func<PortalDbContext> newDb, Func<PortalDbContext, Task> afterLoad)
{
    await using (var db = newDb())
    {
        var sw = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        Console.WriteLine($"[{provider}] migrated in {sw.ElapsedMilliseconds} ms");
    }
    var loaded = await Load.InsertAsync(newDb, count, provider);
    await using (var db = newDb()) await afterLoad(db);
    await MeasureAsync(provider, newDb, loaded);
}

async Task MeasureAsync(string provider, Func<PortalDbContext> newDb, Load.Loaded loaded)
{
    var manager = new StaffScope("bench-manager", "Responsable", IsManager: true, TeamId: null);
    var worker = new StaffScope(loaded.NordWorkerId, "Travailleur Nord", IsManager: false, TeamId: loaded.Nord);

    // A cursor deep in the alphabet: the last household whose name starts with R.
    long deepCursor;
    await using (var db = newDb())
        deepCursor = await db.Households.Where(h => string.Compare(h.SearchName, "S") < 0)
            .OrderByDescending(h => h.SearchName).ThenByDescending(h => h.Id).Select(h => h.Id).FirstAsync();

    var cases = new (string Name, StaffScope Scope, HouseholdFilters Filters, bool NextPage, long? After)[]
    {
        ("manager, no search, first page", manager, new(), false, null),
        ("manager, no search, page after « R… »", manager, new(), false, deepCursor),
        ("manager, « mar » (prefix), first page", manager, new() { Q = "mar" }, false, null),
        ("manager, « mar » (prefix), next page", manager, new() { Q = "mar" }, true, null),
        ("manager, « lefèvre »", manager, new() { Q = "lefèvre" }, false, null),
        ("manager, « émilie rousseau » (either order)", manager, new() { Q = "émilie rousseau" }, false, null),
        ("manager, team Sud, « d », next page", manager, new() { Q = "d", Team = loaded.Sud }, true, null),
        ("manager, status Sorti, first page", manager, new() { Status = HouseholdStatus.Exited }, false, null),
        ("worker Nord, no search, first page", worker, new(), false, null),
        ("worker Nord, no search, page after « R… »", worker, new(), false, deepCursor),
        ("worker Nord, « dup », first page", worker, new() { Q = "dup" }, false, null),
        ("worker Nord, « dup », next page", worker, new() { Q = "dup" }, true, null),
        ("worker Nord, « zz » (no match)", worker, new() { Q = "zz" }, false, null),
        ("worker Nord, mes ménages, first page", worker, new() { Mine = true }, false, null),
    };

    results.Add($"{provider}, {count:N0} households — p50 / p95 of {Iterations} runs (one page of {HouseholdsQuery.PageSize} rows + 1, fresh DbContext each)");
    results.Add("| query | rows | p50 ms | p95 ms |");
    results.Add("|---|---:|---:|---:|");
    foreach (var (name, scope, filters, nextPage, after) in cases)
    {
        long? cursor = after;
        if (nextPage)
        {
            await using var db = newDb();
            cursor = (await HouseholdsQuery.PageAsync(db, filters, scope, null, null)).NextAfter
                ?? throw new InvalidOperationException($"{name}: no next page");
        }
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < Iterations + 3; i++)
        {
            await using var db = newDb();
            var sw = Stopwatch.StartNew();
            var page = await HouseholdsQuery.PageAsync(db, filters, scope, cursor, null);
            sw.Stop();
            rows = page.Rows.Count;
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var p50 = times[times.Count / 2];
        var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
        results.Add($"| {name} | {rows} | {p50:0.0} | {p95:0.0} |");
        Console.WriteLine($"[{provider}] {name}: {rows} rows, p50 {p50:0.0} ms, p95 {p95:0.0} ms");
    }
    results.Add("");
}
