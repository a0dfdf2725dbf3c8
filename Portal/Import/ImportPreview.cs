using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Formatting;

namespace Portal.Import;

/// Checks the rows of a batch: each row's problems at the cell and the person it probably
/// duplicates, kept on the row so the preview pages through them without checking again.
public sealed class ImportPreview(PortalDbContext db, TimeProvider clock)
{
    public sealed record Counts(int Rows, int WithErrors, int Duplicates, int Undecided);

    /// Stores an uploaded file as a batch and its non-empty rows, with the columns of a saved mapping if any.
    public async Task<ImportBatch> StoreAsync(SpreadsheetContent content, string fileName, string userId, string userName, ImportMapping? saved, CancellationToken ct)
    {
        var batch = new ImportBatch
        {
            FileName = fileName, UploadedById = userId, UploadedByName = userName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Headers = ImportColumns.Json([.. content.Headers]),
            Fields = saved?.Fields,
            DefaultTeamId = saved?.DefaultTeamId,
            Stage = saved is null ? ImportStage.Mapping : ImportStage.Preview,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        var rows = 0;
        for (var i = 0; i < content.Rows.Count; i++)
        {
            var cells = content.Rows[i];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            // The header is line 1: a row's line is where Excel shows it.
            db.ImportRows.Add(new ImportRow { ImportBatchId = batch.Id, Line = i + 2, Cells = ImportColumns.Json(cells) });
            rows++;
        }
        batch.RowCount = rows;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return batch;
    }

    public async Task<ImportRowCheck> CheckerAsync(ImportBatch batch, CancellationToken ct)
    {
        var width = ImportColumns.Strings(batch.Headers).Length;
        var teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => (t.Id, t.Name)).ToList();
        var today = DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));
        return new ImportRowCheck(ImportColumns.FromJson(batch.Fields, width), teams, batch.DefaultTeamId, today);
    }

    /// Checks every row again (after the columns were matched). Saves the rows that changed.
    public async Task AnalyseAsync(ImportBatch batch, CancellationToken ct)
    {
        var check = await CheckerAsync(batch, ct);
        var index = await DuplicateIndex.BuildAsync(db, ct);
        var rows = await db.ImportRows.Where(r => r.ImportBatchId == batch.Id && r.Outcome == ImportOutcome.Pending).ToListAsync(ct);
        foreach (var row in rows) Apply(row, check, index);
        await db.SaveChangesAsync(ct);
    }

    /// Corrects one cell, then checks its row again. The duplicate is looked for again only when a
    /// cell it depends on changed.
    public async Task EditAsync(ImportBatch batch, ImportRow row, int column, string value, CancellationToken ct)
    {
        var check = await CheckerAsync(batch, ct);
        var cells = ImportColumns.Strings(row.Cells);
        if (column < 0 || column >= cells.Length) return;
        var text = value.Trim();
        cells[column] = text.Length > SpreadsheetFile.MaxCellLength ? text[..SpreadsheetFile.MaxCellLength] : text;
        row.Cells = ImportColumns.Json(cells);
        var identifying = check.Fields[column] is ImportField.LastName or ImportField.FirstName or ImportField.BirthDate or ImportField.Phone or ImportField.Email;
        var index = identifying ? await DuplicateIndex.BuildAsync(db, ct) : null;
        Apply(row, check, index);
        batch.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// Checks a row; with an index, looks for its duplicate too (a different one resets the decision).
    public static RowCheckResult Apply(ImportRow row, ImportRowCheck check, DuplicateIndex? index)
    {
        var result = check.Check(ImportColumns.Strings(row.Cells));
        row.Problems = result.Problems.Count == 0 ? null : ImportRowCheck.ProblemsJson(result.Problems);
        row.HasErrors = result.Problems.Count > 0;
        if (index is not null)
        {
            var p = result.Person;
            var found = p.LastName.Length == 0 ? null : index.Find(p.FirstName, p.LastName, p.BirthDate, p.Phone, p.Email);
            if (found?.PersonId != row.DuplicatePersonId) row.Decision = DuplicateDecision.Undecided;
            row.DuplicateHouseholdId = found?.HouseholdId;
            row.DuplicatePersonId = found?.PersonId;
        }
        return result;
    }

    public async Task<Counts> CountsAsync(long batchId, CancellationToken ct)
    {
        var rows = db.ImportRows.Where(r => r.ImportBatchId == batchId);
        var counts = await rows.GroupBy(r => 1).Select(g => new
        {
            Rows = g.Count(),
            Errors = g.Count(r => r.HasErrors),
            Duplicates = g.Count(r => r.DuplicateHouseholdId != null),
            Undecided = g.Count(r => r.DuplicateHouseholdId != null && r.Decision == DuplicateDecision.Undecided),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? new Counts(0, 0, 0, 0) : new Counts(counts.Rows, counts.Errors, counts.Duplicates, counts.Undecided);
    }
}
