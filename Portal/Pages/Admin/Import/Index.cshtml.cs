using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Import;

namespace Portal.Pages.Admin.Import;

/// Import households and persons from the association's spreadsheets: upload, then match the
/// columns (once per layout), then the preview. Admins only (DESIGN: « spreadsheet import »); the
/// files it makes are then worked by the teams in /suivi.
// A little above the check's own limit, so that a file just too big gets the French sentence rather than a bare 413.
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public class IndexModel(PortalDbContext db, ImportPreview preview) : PageModel
{
    private const long UploadLimit = SpreadsheetFile.MaxBytes + 2 * 1024 * 1024;

    public sealed record BatchRow(long Id, string FileName, DateTime CreatedAtUtc, string UploadedBy, ImportStage Stage, int Rows, int Created, int Merged, int Skipped);

    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public UploadInput Upload { get; set; } = new();

    [TempData] public string? StatusMessage { get; set; }

    public class UploadInput
    {
        [Display(Name = "Fichier à importer (.xlsx ou .csv)")]
        public IFormFile? File { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync([Bind(Prefix = nameof(Upload))] UploadInput upload, CancellationToken ct)
    {
        const string field = $"{nameof(Upload)}.{nameof(UploadInput.File)}";
        SpreadsheetContent? content = null;
        if (upload.File is not { Length: > 0 } file)
            ModelState.AddModelError(field, "Choisissez le fichier à importer (.xlsx ou .csv).");
        else if (file.Length > SpreadsheetFile.MaxBytes)
            ModelState.AddModelError(field, $"Le fichier fait {file.Length / (1024.0 * 1024.0):0.0} Mo : la taille maximale est de 20 Mo. Découpez-le en plusieurs fichiers.");
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            (content, var problem) = SpreadsheetFile.Read(buffer.ToArray());
            if (problem is not null) ModelState.AddModelError(field, problem);
        }
        if (content is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var scope = await StaffScope.ForAsync(User, db, ct);
        var fileName = upload.File!.FileName.Split('/', '\\')[^1].Trim();
        if (fileName.Length == 0) fileName = "import." + content.Format.ToLowerInvariant();
        if (fileName.Length > 260) fileName = fileName[^260..];
        var saved = await db.ImportMappings.AsNoTracking().SingleOrDefaultAsync(m => m.HeaderKey == ImportColumns.HeaderKey(content.Headers), ct);
        var batch = await preview.StoreAsync(content, fileName, scope.UserId, scope.UserName, saved, ct);

        if (saved is null)
            return RedirectToPage("Colonnes", new { id = batch.Id });
        // The same layout as a file imported before: its columns are matched as they were then.
        await preview.AnalyseAsync(batch, ct);
        StatusMessage = $"Les colonnes ont été associées comme pour le fichier de même présentation importé le {Portal.Domain.Formatting.French.Date(saved.UpdatedAtUtc)}. Vous pouvez les modifier.";
        return RedirectToPage("Lot", new { id = batch.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.CreatedAtUtc).Take(30)
            .Select(b => new BatchRow(b.Id, b.FileName, b.CreatedAtUtc, b.UploadedByName, b.Stage, b.RowCount, b.CreatedCount, b.MergedCount, b.SkippedCount))
            .ToListAsync(ct);
}
