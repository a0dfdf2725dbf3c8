using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Templates;

namespace Portal.Pages.Admin.Modeles;

// A little above the check's own limit, so that a file just too big gets the check's French
// sentence rather than a bare 413.
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public class ModeleModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    private const long UploadLimit = TemplateCheck.MaxFileBytes + 2 * 1024 * 1024;

    public sealed record VersionRow(int Version, DateTime UploadedAtUtc, string UploadedBy, string FileName, string? Comment, bool IsActive, long Size);

    public TemplateKind Kind { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public VersionRow? Active => Versions.FirstOrDefault(v => v.IsActive);

    public UploadInput Upload { get; set; } = new();
    public IReadOnlyList<TemplateProblem> Problems { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    /// The version just stored, offered for preview and activation at the top of the page.
    [TempData]
    public int? NewVersion { get; set; }

    public class UploadInput
    {
        [Display(Name = "Fichier du modèle (.docx)")]
        public IFormFile? File { get; set; }

        [StringLength(DocumentTemplate.MaxCommentLength, ErrorMessage = "Le commentaire ne doit pas dépasser 500 caractères.")]
        [Display(Name = "Commentaire (facultatif)")]
        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetActiveAsync(string kind, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        var bytes = await TemplateStore.ActiveTemplateAsync(db, Kind.Kind, ct);
        return File(bytes, DocumentRenderer.DocxContentType, $"modele-{Kind.Slug}.docx");
    }

    public IActionResult OnGetDefault(string kind)
    {
        if (!Find(kind)) return NotFound();
        return File(Kind.DefaultTemplate(), DocumentRenderer.DocxContentType, $"modele-{Kind.Slug}-passerelle.docx");
    }

    public async Task<IActionResult> OnGetVersionAsync(string kind, int version, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        var content = await ContentAsync(version, ct);
        if (content is null) return NotFound();
        return File(content, DocumentRenderer.DocxContentType, $"modele-{Kind.Slug}-v{version}.docx");
    }

    /// The version filled with the demo household, to open in Word before activating it.
    public async Task<IActionResult> OnGetPreviewAsync(string kind, int version, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        var content = await ContentAsync(version, ct);
        if (content is null) return NotFound();
        var filled = DocxTemplate.Render(content, Kind.SampleModel());
        return File(filled, DocumentRenderer.DocxContentType, $"apercu-{Kind.Slug}-v{version}.docx");
    }

    public async Task<IActionResult> OnPostUploadAsync(string kind, [Bind(Prefix = nameof(Upload))] UploadInput upload, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        Upload = upload;
        const string field = $"{nameof(Upload)}.{nameof(UploadInput.File)}";
        byte[]? content = null;
        if (upload.File is not { Length: > 0 } file)
            ModelState.AddModelError(field, "Choisissez le fichier du modèle (.docx).");
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            Problems = TemplateCheck.Check(content, Kind.Dictionary);
        }
        foreach (var p in Problems) ModelState.AddModelError(field, p.Message);
        if (!ModelState.IsValid || content is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        // Some browsers send the whole path of the file on the admin's computer: keep its name only.
        var fileName = upload.File!.FileName.Split('/', '\\')[^1].Trim();
        if (fileName.Length == 0) fileName = $"modele-{Kind.Slug}.docx";
        if (fileName.Length > DocumentTemplate.MaxFileNameLength) fileName = fileName[^DocumentTemplate.MaxFileNameLength..];
        var next = (await db.DocumentTemplates.Where(t => t.Kind == Kind.Kind).MaxAsync(t => (int?)t.Version, ct) ?? 0) + 1;
        db.DocumentTemplates.Add(DocumentTemplate.Uploaded(Kind.Kind, next, fileName, content, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime, upload.Comment));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin stored a version of this kind at the same moment: same number, refused.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(field, "Un autre modèle vient d'être déposé au même moment : déposez à nouveau votre fichier.");
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage = $"Le modèle est vérifié et enregistré comme version {next}. Prévisualisez-le avec le ménage de démonstration, puis activez-le.";
        NewVersion = next;
        return RedirectToPage(new { kind = Kind.Slug });
    }

    public async Task<IActionResult> OnPostActivateAsync(string kind, int version, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        if (!await TemplateStore.ActivateAsync(db, Kind.Kind, version, ct)) return NotFound();
        StatusMessage = $"La version {version} est désormais le modèle utilisé pour « {Kind.Title} ».";
        return RedirectToPage(new { kind = Kind.Slug });
    }

    public async Task<IActionResult> OnPostRevertAsync(string kind, CancellationToken ct)
    {
        if (!Find(kind)) return NotFound();
        await TemplateStore.ActivateAsync(db, Kind.Kind, null, ct);
        StatusMessage = $"Le modèle fourni par Passerelle est de nouveau utilisé pour « {Kind.Title} ».";
        return RedirectToPage(new { kind = Kind.Slug });
    }

    private bool Find(string kind)
    {
        if (TemplateKinds.BySlug(kind) is not { } found) return false;
        Kind = found;
        return true;
    }

    private Task<byte[]?> ContentAsync(int version, CancellationToken ct) =>
        db.DocumentTemplates.AsNoTracking()
            .Where(t => t.Kind == Kind.Kind && t.Version == version)
            .Select(t => t.Content)
            .SingleOrDefaultAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await db.DocumentTemplates.AsNoTracking()
            .Where(t => t.Kind == Kind.Kind)
            .OrderByDescending(t => t.Version)
            .Select(t => new VersionRow(t.Version, t.UploadedAtUtc, t.UploadedBy != null ? t.UploadedBy.FullName : "", t.FileName, t.Comment, t.IsActive, t.Content.Length))
            .ToListAsync(ct);
    }
}
