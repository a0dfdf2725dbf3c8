using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Infrastructure;

/// EF Core takes its migration lock on SQLite by writing a row in `__EFMigrationsLock` and deleting it
/// when done. A process stopped in between (killed by a deployment, out of memory, a power cut)
/// leaves the row, and every later start then waits for it forever: the site never comes up again.
/// SQLite serves one node, so the only other holder can be a second start of the Portal on the same
/// file; a lock older than <see cref="StaleAfter"/> is left over and removed, a younger one is
/// waited for, saying so in the log.
public static class SqliteMigrationLock
{
    /// Longer than any migration of this project takes on a large database.
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static async Task ClearIfStaleAsync(PortalDbContext db, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        var loggedAt = DateTimeOffset.MinValue;
        while (true)
        {
            var takenAt = await TakenAtAsync(db, ct);
            if (takenAt is null) return;
            var now = clock.GetUtcNow();
            if (now - takenAt.Value >= StaleAfter)
            {
                log.LogWarning("Removing the SQLite migration lock taken at {TakenAt:O}: a start stopped while migrating left it", takenAt.Value);
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\";", ct);
                return;
            }
            if (now - loggedAt >= TimeSpan.FromSeconds(30))
            {
                log.LogWarning("Waiting for the SQLite migration lock taken at {TakenAt:O} (another start migrating, or a stopped one: it is removed at {StaleAt:O})",
                    takenAt.Value, takenAt.Value + StaleAfter);
                loggedAt = now;
            }
            await Task.Delay(Poll, clock, ct);
        }
    }

    private static async Task<DateTimeOffset?> TakenAtAsync(PortalDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (await cmd.ExecuteScalarAsync(ct) is null) return null;
            cmd.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\" LIMIT 1";
            return await cmd.ExecuteScalarAsync(ct) switch
            {
                string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
                // A row whose time cannot be read is as good as old.
                not null and not DBNull => DateTimeOffset.MinValue,
                _ => null,
            };
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
