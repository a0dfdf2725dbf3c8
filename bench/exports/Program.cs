using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Exports;

// Times the households export (/suivi/exports, table « menages », every column) with the very code
// the background job runs (ExportCatalog + SpreadsheetWriter), as CSV and as XLSX, at 25,000,
// 50,000 and 100,000 households (two persons and one income each) on a fresh SQLite file. Prints
// the time, the file size and the peak of the managed heap above its level before the export,
// sampled every 5 ms: memory that does not grow with the row count is the point.

var target = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
var steps = new[] { target / 4, target / 2, target };
var dir = Directory.CreateTempSubdirectory("exports-bench-").FullName;
try
{
    var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={Path.Combine(dir, "bench.db")}").Options;
    await using (var db = new SqlitePortalDbContext(options))
    {
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
    var manager = new StaffScope("bench", "Bench", IsManager: true, TeamId: null);
    var seeded = 0;
    Console.WriteLine($"{"households",10} {"format",6} {"seconds",8} {"file MB",8} {"peak heap MB",13}");
    foreach (var step in steps)
    {
        seeded = await SeedAsync(options, seeded, step);
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            await using var db = new SqlitePortalDbContext(options);
            var table = ExportCatalog.Find("menages")!;
            var definition = new ExportDefinition { Table = table.Key, Format = format, Columns = "" };
            var columns = ExportCatalog.Chosen(table, definition.Columns);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                    await Task.Delay(5);
                }
            });
            var output = new CountingStream();
            var watch = Stopwatch.StartNew();
            var rows = table.Rows(db, manager, definition, columns);
            if (format == ExportFormat.Csv) SpreadsheetWriter.WriteCsv(output, columns, rows);
            else SpreadsheetWriter.WriteXlsx(output, [new Sheet(table.Label, columns, rows)]);
            watch.Stop();
            sampling.Cancel();
            await sampler;
            Console.WriteLine($"{step,10:N0} {format,6} {watch.Elapsed.TotalSeconds,8:0.00} {output.Length / 1048576.0,8:0.0} {peak / 1048576.0,13:0.0}");
        }
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

static async Task<int> SeedAsync(DbContextOptions<SqlitePortalDbContext> options, int from, int to)
{
    var now = DateTime.UtcNow;
    for (var start = from; start < to; start += 5000)
    {
        await using var db = new SqlitePortalDbContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = start; i < Math.Min(to, start + 5000); i++)
        {
            var h = new Household
            {
                Name = $"MARTIN{i} Léa", SearchName = $"MARTIN{i} LEA", Phone = "0601020304", Email = $"lea{i}@exemple.test",
                Address = $"{i % 200} rue des Lilas", Town = "Valenciennes", Situation = CurrentSituation.HostedByThirdParty,
                TargetGroups = TargetGroups.Young18To25, CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            h.Persons.Add(new HouseholdPerson { FirstName = "Léa", LastName = $"MARTIN{i}", BirthDate = new DateOnly(1995, 1, 1), Relationship = Relationship.Applicant });
            h.Persons.Add(new HouseholdPerson { FirstName = "Noé", LastName = $"MARTIN{i}", Relationship = Relationship.Child, Position = 1 });
            h.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.Salary, MonthlyAmount = 900 + i % 700 });
            db.Households.Add(h);
        }
        await db.SaveChangesAsync();
    }
    return to;
}

/// Counts what is written and keeps nothing: the bench measures the export's own memory, not the
/// file's (the job holds the finished file once, to store it).
sealed class CountingStream : Stream
{
    private long length;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;
    public override long Position { get => length; set { } }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => length;
    public override void SetLength(long value) => length = value;
    public override void Write(byte[] buffer, int offset, int count) => length += count;
}
