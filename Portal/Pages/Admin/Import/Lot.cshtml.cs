using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Work;
using Portal.Import;

namespace Portal.Pages.Admin.Import;

/// The preview of an uploaded file, then its import and report. Every row's problems are shown in
/// their cell and corrected in place; a probable duplicate is shown beside the person already
/// known, to merge, link, keep apart or leave out. The import runs in the background.
public class LotModel(PortalDbContext db, ImportPreview preview, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const string ToReview = "a-revoir";
    public const string All = "toutes";
    public const string NotImported = "non-importees";
    public const string CompareAction = "Comparaison de doublons à l'import";

    public sealed record DisplayColumn(int Index, string Header, ImportField Field);
    public sealed record Known(long HouseholdId, string HouseholdName, string? Team, HouseholdStatus Status, string PersonName, DateOnly? BirthDate, string? Phone, string? Email, string? Town);
    public sealed record RowView(long Id, int Line, string[] Cells, IReadOnlyDictionary<int, string> Problems, ImportedPerson Person,
        Known? Duplicate, DuplicateDecision Decision, ImportOutcome Outcome, string? OutcomeNote);
    public sealed record RowPartial(RowView Row, IReadOnlyList<DisplayColumn> Columns, long BatchId, string View, int PageNumber, bool Editable);

    public ImportBatch Batch { get; private set; } = null!;
    public IReadOnlyList<DisplayColumn> Columns { get; private set; } = [];
    public IReadOnlyList<RowView> Rows { get; private set; } = [];
    public ImportPreview.Counts Counts { get; private set; } = new(0, 0, 0, 0);
    public string View { get; private set; } = ToReview;
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Filtered { get; private set; }
    public ImportRun? Run { get; private set; }
    public bool Editable => Batch.Stage == ImportStage.Preview;

    [TempData] public string? StatusMessage { get; set; }

    public static string StageLabel(ImportStage stage) => stage switch
    {
        ImportStage.Mapping => "Colonnes à associer",
        ImportStage.Preview => "Aperçu à vérifier",
        ImportStage.Importing => "Import en cours",
        ImportStage.Imported => "Importé",
        _ => stage.ToString(),
    };

    public static string StageBadge(ImportStage stage) => stage switch
    {
        ImportStage.Importing => "badge-running",
        ImportStage.Imported => "badge-done",
        _ => "badge-pending",
    };

    public static string DecisionLabel(DuplicateDecision decision) => decision switch
    {
        DuplicateDecision.Merge => "Fusionner avec la personne déjà suivie (compléter son dossier)",
        DuplicateDecision.Link => "Créer un nouveau dossier, lié au dossier existant",
        DuplicateDecision.Separate => "Garder à part : ce n'est pas la même personne",
        DuplicateDecision.Ignore => "Ne pas importer cette ligne",
        _ => "Pas encore de choix",
    };

    public async Task<IActionResult> OnGetAsync(long id, string? vue, int p = 1, CancellationToken ct = default)
    {
        if (!await LoadBatchAsync(id, ct)) return NotFound();
        if (Batch.Stage == ImportStage.Mapping) return RedirectToPage("Colonnes", new { id });
        View = vue is All or NotImported or ToReview ? vue : Batch.Stage == ImportStage.Imported ? NotImported : ToReview;
        PageNumber = Math.Max(1, p);
        await LoadRowsAsync(ct);
        // An admin does not read case files: the few identity fields shown beside a duplicate are logged.
        var shown = Rows.Where(r => r.Duplicate is not null).Select(r => r.Duplicate!.HouseholdId).Distinct().ToList();
        if (shown.Count > 0)
        {
            var scope = await StaffScope.ForAsync(User, db, ct);
            scope.Audit(db, CompareAction, null, clock.GetUtcNow().UtcDateTime,
                $"Import n° {Batch.Id} : dossiers comparés aux lignes du fichier, n° {string.Join(", ", shown)}.");
            await db.SaveChangesAsync(ct);
        }
        return Page();
    }

    /// The progress of a running import, polled by the page; once done, the page reloads for the report.
    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct)
    {
        if (!await LoadBatchAsync(id, ct)) return NotFound();
        if (Batch.Stage == ImportStage.Imported && Request.IsHtmx())
        {
            Response.Htmx(h => h.Refresh());
            return new NoContentResult();
        }
        return Request.IsHtmx() ? Partial("_Progress", this) : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCellAsync(long id, long rowId, int column, string? value, string? vue, int p = 1, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        var row = await db.ImportRows.SingleOrDefaultAsync(r => r.Id == rowId && r.ImportBatchId == id, ct);
        if (batch is null || row is null) return NotFound();
        if (batch.Stage == ImportStage.Preview && column >= 0 && column < ImportColumns.Strings(batch.Headers).Length)
        {
            await preview.EditAsync(batch, row, column, value ?? "", ct);
        }
        return await RowAnswerAsync(id, rowId, vue, p, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, long rowId, DuplicateDecision decision, string? vue, int p = 1, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        var row = await db.ImportRows.SingleOrDefaultAsync(r => r.Id == rowId && r.ImportBatchId == id, ct);
        if (batch is null || row is null) return NotFound();
        if (batch.Stage == ImportStage.Preview && row.DuplicateHouseholdId is not null && Enum.IsDefined(decision))
        {
            row.Decision = decision;
            batch.Version++;
            await db.SaveChangesAsync(ct);
        }
        return await RowAnswerAsync(id, rowId, vue, p, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(long id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return NotFound();
        if (batch.Stage != ImportStage.Preview) return RedirectToPage(new { id });
        var scope = await StaffScope.ForAsync(User, db, ct);
        batch.Stage = ImportStage.Importing;
        batch.Version++;
        db.ImportRuns.Add(new ImportRun { ImportBatchId = id, RequestedById = scope.UserId, RequestedByName = scope.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same click twice (or from two tabs): the first one launched it.
            db.ChangeTracker.Clear();
        }
        StatusMessage = "L'import est lancé : il se poursuit en arrière-plan, même si vous quittez cette page.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return NotFound();
        if (batch.Stage == ImportStage.Importing)
        {
            StatusMessage = "Ce fichier est en cours d'import : il pourra être supprimé une fois l'import terminé.";
            return RedirectToPage(new { id });
        }
        db.ImportBatches.Remove(batch);
        await db.SaveChangesAsync(ct);
        TempData[nameof(StatusMessage)] = $"Le fichier « {batch.FileName} » et ses lignes ont été supprimés de Passerelle (les dossiers déjà importés restent).";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> RowAnswerAsync(long id, long rowId, string? vue, int p, CancellationToken ct)
    {
        if (!Request.IsHtmx())
            return Redirect(Url.Page("Lot", new { id, vue, p }) + $"#ligne-{rowId}");
        await LoadBatchAsync(id, ct);
        View = vue ?? ToReview;
        PageNumber = Math.Max(1, p);
        var row = await db.ImportRows.AsNoTracking().Where(r => r.Id == rowId).ToListAsync(ct);
        var view = (await ViewsAsync(row, ct)).Single();
        return Partial("_Row", new RowPartial(view, Columns, id, View, PageNumber, Editable));
    }

    private async Task<bool> LoadBatchAsync(long id, CancellationToken ct)
    {
        if (await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is not { } batch) return false;
        Batch = batch;
        var headers = ImportColumns.Strings(batch.Headers);
        var fields = ImportColumns.FromJson(batch.Fields, headers.Length);
        Columns = headers.Select((h, i) => new DisplayColumn(i, h, fields[i])).Where(c => c.Field != ImportField.Ignored).ToList();
        Counts = await preview.CountsAsync(id, ct);
        Run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.ImportBatchId == id, ct);
        return true;
    }

    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var rows = db.ImportRows.AsNoTracking().Where(r => r.ImportBatchId == Batch.Id);
        rows = View switch
        {
            ToReview => rows.Where(r => r.HasErrors || r.DuplicateHouseholdId != null),
            NotImported => rows.Where(r => r.Outcome == ImportOutcome.Skipped),
            _ => rows,
        };
        Filtered = await rows.CountAsync(ct);
        PageCount = Math.Max(1, (Filtered + PageSize - 1) / PageSize);
        PageNumber = Math.Min(PageNumber, PageCount);
        var page = await rows.OrderBy(r => r.Line).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Rows = await ViewsAsync(page, ct);
    }

    private async Task<IReadOnlyList<RowView>> ViewsAsync(List<ImportRow> rows, CancellationToken ct)
    {
        var check = await preview.CheckerAsync(Batch, ct);
        var ids = rows.Where(r => r.DuplicatePersonId is not null).Select(r => r.DuplicatePersonId!.Value).Distinct().ToList();
        var known = ids.Count == 0 ? [] : await db.HouseholdPersons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Join(db.Households, p => p.HouseholdId, h => h.Id, (p, h) => new { Person = p, h.Id, h.Name, Team = db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(), h.Status, h.Phone, h.Email, h.Town })
            .ToDictionaryAsync(x => x.Person.Id, x => new Known(x.Id, x.Name, x.Team, x.Status,
                Portal.Domain.Formatting.French.PersonName(x.Person.LastName, x.Person.FirstName), x.Person.BirthDate, x.Phone, x.Email, x.Town), ct);
        return rows.Select(r =>
        {
            var cells = ImportColumns.Strings(r.Cells);
            var person = check.Check(cells).Person;
            var problems = ImportRowCheck.ProblemsFrom(r.Problems).Where(x => x.Column >= 0).GroupBy(x => x.Column).ToDictionary(g => g.Key, g => g.First().Message);
            var duplicate = r.DuplicatePersonId is { } pid && known.TryGetValue(pid, out var k) ? k : null;
            return new RowView(r.Id, r.Line, cells, problems, person, duplicate, r.Decision, r.Outcome, r.OutcomeNote);
        }).ToList();
    }

    public bool RunHasTrouble => Run is { LastError: not null } || Run?.Status == WorkStatus.Failed;
}
