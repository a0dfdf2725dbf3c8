using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Testing;
using Portal.Tests.Pages.Compte;

namespace Portal.Tests.Infrastructure;

/// The SQLite connections kept between signed-in requests reuse the statements they compiled:
/// the results must stay those of the database as it is now, and a connection goes back to the
/// shelf only in a clean state.
public sealed class SqliteStatementCacheTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"passerelle-kept-{Guid.NewGuid():N}");
    private readonly string connectionString;
    private readonly SqliteStatementCache cache;

    public SqliteStatementCacheTests()
    {
        Directory.CreateDirectory(directory);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "t.db") }.ToString();
        using (var setup = new SqliteConnection(connectionString))
        {
            setup.Open();
            Run(setup, "PRAGMA journal_mode=WAL; CREATE TABLE People (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL); INSERT INTO People VALUES (1, 'Aïcha'), (2, 'Bruno');");
        }
        cache = new SqliteStatementCache(() => (new SqliteConnection(connectionString), null), shelfSize: 2);
    }

    public void Dispose()
    {
        cache.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? NameOf(SqliteStatementCache.Kept connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM People WHERE Id = @id";
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = id;
        command.Parameters.Add(p);
        return command.ExecuteScalar() as string;
    }

    [Fact]
    public void The_same_query_is_compiled_once_and_answers_with_each_run_s_own_parameters()
    {
        var connection = cache.Rent();
        Assert.Equal("Aïcha", NameOf(connection, 1));
        Assert.Equal("Bruno", NameOf(connection, 2));
        Assert.Null(NameOf(connection, 3));
        Assert.Equal(1, connection.KeptStatementCount);
        cache.Return(connection);
    }

    [Fact]
    public void A_kept_statement_reads_what_another_connection_wrote_since_and_follows_a_schema_change()
    {
        var connection = cache.Rent();
        Assert.Equal("Bruno", NameOf(connection, 2));
        cache.Return(connection);

        using (var other = new SqliteConnection(connectionString))
        {
            other.Open();
            Run(other, "UPDATE People SET Name = 'Bérénice' WHERE Id = 2; ALTER TABLE People ADD COLUMN Town TEXT;");
        }

        var again = cache.Rent();
        Assert.Same(connection, again);
        Assert.Equal("Bérénice", NameOf(again, 2));
        using var all = again.CreateCommand();
        all.CommandText = "SELECT * FROM People";
        using (var reader = all.ExecuteReader()) Assert.Equal(3, reader.FieldCount);
        cache.Return(again);
    }

    [Fact]
    public void The_same_query_run_while_its_first_reader_is_open_gets_a_statement_of_its_own()
    {
        var connection = cache.Rent();
        using var outer = connection.CreateCommand();
        outer.CommandText = "SELECT Id, Name FROM People ORDER BY Id";
        using var inner = connection.CreateCommand();
        inner.CommandText = outer.CommandText;
        var names = new List<string>();
        using (var first = outer.ExecuteReader())
        {
            while (first.Read())
            {
                using var second = inner.ExecuteReader();
                var count = 0;
                while (second.Read()) count++;
                names.Add($"{first.GetString(1)}:{count}");
            }
        }
        Assert.Equal(["Aïcha:2", "Bruno:2"], names);
        Assert.Equal(1, connection.KeptStatementCount);
        cache.Return(connection);
        Assert.Equal(1, cache.Idle);
    }

    [Fact]
    public void A_connection_left_in_a_transaction_or_with_a_reader_open_is_closed_not_shelved()
    {
        var inTransaction = cache.Rent();
        var transaction = inTransaction.Connection.BeginTransaction();
        Run(inTransaction.Connection, "UPDATE People SET Name = 'X' WHERE Id = 1");
        cache.Return(inTransaction);
        Assert.Equal(0, cache.Idle);
        Assert.Equal(System.Data.ConnectionState.Closed, inTransaction.Connection.State);

        var reading = cache.Rent();
        using var command = reading.CreateCommand();
        command.CommandText = "SELECT Name FROM People ORDER BY Id";
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        cache.Return(reading);
        Assert.Equal(0, cache.Idle);

        // The update of the abandoned transaction never reached the file.
        var check = cache.Rent();
        Assert.Equal("Aïcha", NameOf(check, 1));
        cache.Return(check);
    }

    [Fact]
    public void The_shelf_keeps_a_bounded_number_of_connections()
    {
        var rented = Enumerable.Range(0, 4).Select(_ => cache.Rent()).ToList();
        Assert.Equal(4, rented.Distinct().Count());
        foreach (var c in rented) cache.Return(c);
        Assert.Equal(2, cache.Idle);
        Assert.Equal(2, rented.Count(c => c.Connection.State == System.Data.ConnectionState.Closed));
    }
}

/// Through the site: a signed-in person's pages run on the kept connections, and what they write
/// shows at once on their next page.
[Collection(PortalCollection.Name)]
public class KeptConnectionPageTests(PortalApp app)
{
    [Fact]
    public async Task Signed_in_pages_run_on_kept_connections_and_show_what_was_just_written()
    {
        var cache = app.Factory.Services.GetService<SqliteStatementCache>();
        Assert.True(cache is not null || app.Database.Provider == "Postgres", "SQLite sites keep their connections");

        var email = await app.NewAccountAsync(Portal.Domain.Accounts.Roles.Resident);
        var client = await app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/espace")).StatusCode);
        if (cache is not null) Assert.True(cache.Idle >= 1, "the request gave its connection back");

        if (cache is not null)
        {
            // Made by EF: its SQL's decimal functions are there, as on the connections EF opens itself.
            var kept = cache.Rent();
            using (var command = kept.CreateCommand())
            {
                command.CommandText = "SELECT ef_compare('1.5', '2.25')";
                Assert.Equal(-1L, command.ExecuteScalar());
            }
            cache.Return(kept);
        }

        var renamed = await Forms.PostAsync(client, "/espace", new() { ["Input.FullName"] = "Zoé Kept-Connexion" }, handler: "Profile");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var page = await (await client.GetAsync("/espace")).TextAsync();
        Assert.Contains("Vos informations sont enregistrées.", page);
        Assert.Contains("Zoé Kept-Connexion", page);
    }
}
