using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Testing;

namespace Portal.Tests.Data;

/// The Diagnostics migration moves each measure's diagnostic out of the journal text (« Diagnostic
/// initial : … (mesure n° N) ») into its record, on the provider under test, and leaves the journal
/// the event without the text.
public class DiagnosticsMigrationTests
{
    [Fact]
    public async Task A_diagnostic_written_in_the_journal_becomes_the_measure_record_and_the_journal_keeps_the_event()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Context(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("Partners");

        var start = new DateOnly(2026, 3, 2);
        var household = new Household { Name = "DURAND Marie", SearchName = "DURAND MARIE", CreatedAtUtc = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc) };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        // Written as the schema of that time holds them (the model of today has later columns).
        async Task<long> MeasureAsync(SupportKind kind)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "SupportMeasures" ("HouseholdId", "Kind", "Funder", "StartsOn", "InitialMonths", "TotalMonths", "EndsOn", "Status")
                VALUES ({household.Id}, {(int)kind}, {(int)Funder.FslDepartment}, {start}, 12, 12, {start.AddMonths(12)}, {(int)MeasureStatus.Active})
                """);
            return await db.Database.SqlQuery<long>($"""SELECT MAX("Id") AS "Value" FROM "SupportMeasures" """).SingleAsync();
        }
        var measureId = await MeasureAsync(SupportKind.Asll);
        var otherId = await MeasureAsync(SupportKind.Masp);
        var secret = "Violences conjugales ; dettes de loyer anciennes.\nRessources stables.";
        JournalEntry Entry(string text, bool confidential = false) => new()
        {
            HouseholdId = household.Id, Kind = JournalKind.Interview, OccurredOn = start, AuthorId = "worker-1", AuthorName = "Awa DIALLO",
            Text = text, IsConfidential = confidential, CreatedAtUtc = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
        };
        var note = Entry("Entretien de suivi : tout va bien.");
        db.JournalEntries.AddRange(Entry($"Diagnostic initial : {secret}\n(mesure n° {measureId})", confidential: true), note,
            Entry($"Diagnostic initial : un second texte\n(mesure n° {measureId})"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await migrator.MigrateAsync();

        var diagnostic = await db.Diagnostics.SingleAsync();
        Assert.Equal((measureId, secret, true, "Awa DIALLO", start), (diagnostic.SupportMeasureId, diagnostic.Text, diagnostic.IsConfidential, diagnostic.AuthorName, diagnostic.WrittenOn));
        var journal = await db.JournalEntries.OrderBy(j => j.Id).Select(j => j.Text).ToListAsync();
        Assert.Equal([$"Diagnostic initial écrit (mesure n° {measureId}).", note.Text, $"Diagnostic initial : un second texte\n(mesure n° {measureId})"], journal);
        Assert.DoesNotContain(journal, t => t.Contains("Violences"));
        Assert.Null((await db.SupportMeasures.Include(m => m.Diagnostic).SingleAsync(m => m.Id == otherId)).Diagnostic);
    }

    private static PortalDbContext Context(TestDatabase database) => database.Provider == "Postgres"
        ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(database.ConnectionString)
            .UseApplicationServiceProvider(IdentitySchema.Services).Options)
        : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(database.ConnectionString)
            .UseApplicationServiceProvider(IdentitySchema.Services).Options);
}
