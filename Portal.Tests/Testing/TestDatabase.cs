using Npgsql;

namespace Portal.Testing;

/// A fresh database for one test host: a SQLite file in a temp folder, or a new database in the
/// PostgreSQL cluster that ./test.sh started (PORTAL_TEST_POSTGRES).
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? sqliteDir;
    private readonly string? pgAdmin;
    private readonly string? pgName;

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("PORTAL_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private TestDatabase(string provider, string cs, string? sqliteDir, string? pgAdmin, string? pgName)
    {
        Provider = provider;
        ConnectionString = cs;
        this.sqliteDir = sqliteDir;
        this.pgAdmin = pgAdmin;
        this.pgName = pgName;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!UsePostgres)
        {
            var dir = Directory.CreateTempSubdirectory("portal-test-").FullName;
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(dir, "portal.db")}", dir, null, null);
        }
        var admin = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
            throw new InvalidOperationException("PORTAL_TEST_PROVIDER=Postgres needs PORTAL_TEST_POSTGRES (./test.sh sets both).");
        var name = $"portal_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase("Postgres", cs, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteDir, recursive: true); } catch (IOException) { }
        }
        if (pgAdmin is not null && pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(pgAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
