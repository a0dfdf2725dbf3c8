using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Import;

namespace Portal.Pages.Admin.Import;

/// Matches each column of the file to a field of Passerelle. Saved for the layout, so the next file
/// with the same headers skips this step.
public class ColonnesModel(PortalDbContext db, ImportPreview preview, TimeProvider clock) : PageModel
{
    public sealed record Column(int Index, string Header, IReadOnlyList<string> Samples);

    public ImportBatch Batch { get; private set; } = null!;
    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    [BindProperty] public List<ImportField> Fields { get; set; } = [];
    [BindProperty] public int? DefaultTeamId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Batch.Stage is ImportStage.Importing or ImportStage.Imported) return RedirectToPage("Lot", new { id });
        Fields = [.. Batch.Fields is null ? ImportColumns.Guess(Columns.Select(c => c.Header).ToList()) : ImportColumns.FromJson(Batch.Fields, Columns.Count)];
        DefaultTeamId = Batch.DefaultTeamId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Batch.Stage is ImportStage.Importing or ImportStage.Imported) return RedirectToPage("Lot", new { id });
        var fields = Enumerable.Range(0, Columns.Count)
            .Select(i => i < Fields.Count && Enum.IsDefined(Fields[i]) ? Fields[i] : ImportField.Ignored).ToArray();
        Fields = [.. fields];
        if (!fields.Contains(ImportField.LastName))
            ModelState.AddModelError(nameof(Fields), "Associez une colonne au nom des personnes : c'est le seul champ obligatoire.");
        foreach (var twice in fields.Where(f => f != ImportField.Ignored).GroupBy(f => f).Where(g => g.Count() > 1))
            ModelState.AddModelError(nameof(Fields), $"« {twice.Key.Label()} » est associé à {twice.Count()} colonnes : gardez-en une seule.");
        if (DefaultTeamId is { } team && !Teams.Any(t => t.Id == team))
            ModelState.AddModelError(nameof(DefaultTeamId), "Choisissez une équipe de la liste.");
        if (!ModelState.IsValid) return Page();

        var scope = await StaffScope.ForAsync(User, db, ct);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == id, ct);
        batch.Fields = ImportColumns.ToJson(fields);
        batch.DefaultTeamId = DefaultTeamId;
        batch.Stage = ImportStage.Preview;
        batch.Version++;
        var key = ImportColumns.HeaderKey(Columns.Select(c => c.Header));
        var mapping = await db.ImportMappings.SingleOrDefaultAsync(m => m.HeaderKey == key, ct);
        if (mapping is null) db.ImportMappings.Add(mapping = new ImportMapping { HeaderKey = key });
        mapping.Headers = batch.Headers;
        mapping.Fields = batch.Fields;
        mapping.DefaultTeamId = DefaultTeamId;
        mapping.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        mapping.UpdatedByName = scope.UserName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins saved the same layout at once, or the batch changed: the preview shows the latest.
            db.ChangeTracker.Clear();
            return RedirectToPage("Lot", new { id });
        }
        await preview.AnalyseAsync(batch, ct);
        return RedirectToPage("Lot", new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is not { } batch) return false;
        Batch = batch;
        var headers = ImportColumns.Strings(batch.Headers);
        var samples = (await db.ImportRows.AsNoTracking().Where(r => r.ImportBatchId == id).OrderBy(r => r.Line).Take(3).Select(r => r.Cells).ToListAsync(ct))
            .Select(ImportColumns.Strings).ToList();
        Columns = headers.Select((h, i) => new Column(i, h, samples.Select(s => i < s.Length ? s[i] : "").Where(s => s.Length > 0).ToList())).ToList();
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        return true;
    }
}
