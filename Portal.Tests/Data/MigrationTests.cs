using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Testing;

namespace Portal.Tests.Data;

[Collection(PortalCollection.Name)]
public class MigrationTests(PortalApp app)
{
    /// A change to the model without its migration would pass on a database built from the model
    /// and fail on a real one: the provider under test must have nothing pending.
    [Fact]
    public async Task The_model_has_no_change_missing_from_the_migrations()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "Run dotnet-ef migrations add for both providers.");
    }

    /// A fresh SQLite file takes every migration without EF warning that one of them cannot run in
    /// its transaction (a table rebuild's "PRAGMA foreign_keys = 0"), and the foreign key holds.
    [Fact]
    public async Task Every_sqlite_migration_runs_in_its_transaction_on_a_fresh_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migrations-{Guid.NewGuid():N}.db");
        var warnings = new List<string>();
        try
        {
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite($"Data Source={file}")
                .UseApplicationServiceProvider(IdentitySchema.Services)
                .LogTo(m => { lock (warnings) warnings.Add(m); }, [RelationalEventId.NonTransactionalMigrationOperationWarning], LogLevel.Warning)
                .Options;
            await using (var db = new SqlitePortalDbContext(options))
            {
                await db.Database.MigrateAsync();
                var fks = await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_list('DocumentRequests')").ToListAsync();
                Assert.Contains("Households", fks);
                // MediationWorkshops rebuilds WorkshopSignups itself, with its new foreign key.
                var signupFks = await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_list('WorkshopSignups')").ToListAsync();
                Assert.Equal(["AspNetUsers", "HouseholdPersons", "Workshops"], signupFks.Order(StringComparer.Ordinal));
            }
            Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
