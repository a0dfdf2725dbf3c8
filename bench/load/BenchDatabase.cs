using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;

namespace LoadBench;

/// The database the Portal runs on: the demo data (seeded by the site itself at a first start) plus
/// the households and requests of the query benches' loaders. Loading takes minutes, so the loaded
/// database is kept as a snapshot (a file under the temp directory, or a template database in the
/// PostgreSQL cluster) keyed by the last migration and the counts; each run works on a copy.
public sealed class BenchDatabase : IAsyncDisposable
{
    public required string Provider { get; init; }
    /// The Portal's settings for this database (environment variables).
    public required Dictionary<string, string> Settings { get; init; }
    private Func<Task> cleanUp = () => Task.CompletedTask;

    private const string LoaderVersion = "3";

    /// Migrations added later are applied to each run's copy before the Portal starts (see <see cref="MigrateAsync"/>).
    private static string SnapshotKey(int households, int requests) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{households}|{requests}|{LoaderVersion}")))[..12].ToLowerInvariant();

    // The model of a context built without the site's services (Identity's schema version comes
    // from them) differs from the snapshot: the migrations themselves are what the site applies.
    private static void IgnoreModelCheck(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning);

    /// Brings a run's copy to the migrations of this build, outside the Portal's measured start-up.
    private static async Task MigrateAsync(PortalDbContext db)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0) return;
        Console.WriteLine($"Applying {pending.Count} migration(s) added since the snapshot: {string.Join(", ", pending)}");
        await db.Database.MigrateAsync();
    }

    private static string CacheRoot => Path.Combine(Path.GetTempPath(), "passerelle-bench-load");

    public static async Task<BenchDatabase> SqliteAsync(Paths paths, int households, int requests)
    {
        var snapshot = Path.Combine(CacheRoot, "sqlite-" + SnapshotKey(households, requests));
        if (!File.Exists(Path.Combine(snapshot, "ready")))
        {
            if (Directory.Exists(snapshot)) Directory.Delete(snapshot, recursive: true);
            Directory.CreateDirectory(snapshot);
            var file = Path.Combine(snapshot, "passerelle.db");
            var settings = SqliteSettings(file, Path.Combine(snapshot, "keys"));
            await SeedBySiteAsync(paths, settings);
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={file}").Options;
            await LoadAsync("SQLite", () => new SqlitePortalDbContext(options), households, requests);
            await using (var db = new SqlitePortalDbContext(options))
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            SqliteConnection.ClearAllPools();
            await File.WriteAllTextAsync(Path.Combine(snapshot, "ready"), DateTime.UtcNow.ToString("O"));
        }
        var run = Directory.CreateTempSubdirectory("passerelle-load-run-").FullName;
        File.Copy(Path.Combine(snapshot, "passerelle.db"), Path.Combine(run, "passerelle.db"));
        await using (var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={Path.Combine(run, "passerelle.db")}").ConfigureWarnings(IgnoreModelCheck).Options))
            await MigrateAsync(db);
        return new BenchDatabase
        {
            Provider = "SQLite",
            // The key certificate stays with the snapshot: the keys in the database are encrypted with it.
            Settings = SqliteSettings(Path.Combine(run, "passerelle.db"), Path.Combine(snapshot, "keys")),
            cleanUp = () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(run, recursive: true);
                return Task.CompletedTask;
            },
        };
    }

    private static Dictionary<string, string> SqliteSettings(string file, string keys) => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Sqlite"] = $"Data Source={file}",
        ["DataProtection__KeysDirectory"] = keys,
    };

    public static async Task<BenchDatabase> PostgresAsync(Paths paths, string admin, int households, int requests)
    {
        var key = SnapshotKey(households, requests);
        var snapshotName = $"passerelle_load_{key}";
        var keys = Path.Combine(CacheRoot, "postgres-" + key, "keys");
        if (!await ExistsAsync(admin, snapshotName) || !Directory.Exists(keys))
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{snapshotName}\" WITH (FORCE)");
            if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
            await ExecuteAsync(admin, $"CREATE DATABASE \"{snapshotName}\"");
            try
            {
                var cs = Database(admin, snapshotName);
                await SeedBySiteAsync(paths, PostgresSettings(cs, keys));
                var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(cs).Options;
                await LoadAsync("PostgreSQL", () => new PostgresPortalDbContext(options), households, requests);
                await using (var db = new PostgresPortalDbContext(options))
                {
                    // The requests were given their ids: the identity goes on after them.
                    await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"HousingRequests\"', 'Id'), (SELECT MAX(\"Id\") FROM \"HousingRequests\"));");
                    await db.Database.ExecuteSqlRawAsync("ANALYZE;");
                }
                NpgsqlConnection.ClearAllPools();
            }
            catch
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{snapshotName}\" WITH (FORCE)");
                throw;
            }
        }
        var runName = $"passerelle_load_run_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{runName}\" TEMPLATE \"{snapshotName}\"");
        await using (var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(Database(admin, runName)).ConfigureWarnings(IgnoreModelCheck).Options))
            await MigrateAsync(db);
        return new BenchDatabase
        {
            Provider = "PostgreSQL",
            Settings = PostgresSettings(Database(admin, runName), keys),
            cleanUp = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{runName}\" WITH (FORCE)");
            },
        };
    }

    private static Dictionary<string, string> PostgresSettings(string cs, string keys) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = cs,
        ["DataProtection__KeysDirectory"] = keys,
    };

    private static string Database(string admin, string name) => new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();

    private static async Task<bool> ExistsAsync(string admin, string name)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        cmd.Parameters.AddWithValue("n", name);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(string admin, string sql)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// A first start of the site: migrations, roles, demo accounts and their data, as in Staging.
    private static async Task SeedBySiteAsync(Paths paths, Dictionary<string, string> settings)
    {
        Console.WriteLine("Preparing the snapshot: first start of the Portal (migrations and demo data)…");
        await using var portal = await Site.StartAsync("Portal", paths.PortalDll, paths.PortalDirectory, Site.FreePort(),
            paths.PortalEnvironment(settings), "/healthz");
    }

    private static async Task LoadAsync(string provider, Func<PortalDbContext> newDb, int households, int requests)
    {
        (int Nord, int Sud) teams;
        long firstRequestId;
        await using (var db = newDb())
        {
            teams = (await db.Teams.Where(t => t.Name == "Nord").Select(t => t.Id).SingleAsync(),
                await db.Teams.Where(t => t.Name == "Sud").Select(t => t.Id).SingleAsync());
            firstRequestId = (await db.HousingRequests.MaxAsync(r => (long?)r.Id) ?? 0) + 1;
        }
        await HouseholdsBench.Load.InsertAsync(newDb, households, provider, teams);
        await RequestsBench.Load.InsertAsync(newDb, requests, provider, teams, firstRequestId);
    }

    public async ValueTask DisposeAsync() => await cleanUp();
}
