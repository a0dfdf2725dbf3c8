using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

/// A start stopped while migrating leaves EF Core's lock row in the SQLite file; without care every
/// later start waits for it forever and the site never comes up.
public class SqliteMigrationLockTests
{
    [Fact]
    public async Task A_lock_left_by_a_stopped_start_no_longer_stops_the_migrations()
    {
        await WithFileAsync(async db =>
        {
            await LockAsync(db, DateTimeOffset.UtcNow.AddHours(-1));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await SqliteMigrationLock.ClearIfStaleAsync(db, TimeProvider.System, NullLogger.Instance, timeout.Token);
            await db.Database.MigrateAsync(timeout.Token);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await CountLocksAsync(db));
        });
    }

    [Fact]
    public async Task A_recent_lock_is_waited_for_not_removed()
    {
        await WithFileAsync(async db =>
        {
            await LockAsync(db, DateTimeOffset.UtcNow.AddMinutes(-1));

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                SqliteMigrationLock.ClearIfStaleAsync(db, TimeProvider.System, NullLogger.Instance, patience.Token));

            Assert.Equal(1, await CountLocksAsync(db));
        });
    }

    private static async Task LockAsync(PortalDbContext db, DateTimeOffset takenAt)
    {
        await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);""");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, {0});""", takenAt.ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task<int> CountLocksAsync(PortalDbContext db) =>
        db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "__EFMigrationsLock" """).SingleAsync();

    private static async Task WithFileAsync(Func<PortalDbContext, Task> test)
    {
        var file = Path.Combine(Path.GetTempPath(), $"migration-lock-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite($"Data Source={file}")
                .UseApplicationServiceProvider(IdentitySchema.Services)
                .Options;
            await using var db = new SqlitePortalDbContext(options);
            await test(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
