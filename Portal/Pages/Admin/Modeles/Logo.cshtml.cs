using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Templates;
using Portal.Documents;

namespace Portal.Pages.Admin.Modeles;

[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public class LogoModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    private const long UploadLimit = AssociationLogo.MaxBytes + 1024 * 1024;
    public const string Field = "Logo";

    public bool HasLogo { get; private set; }
    public int? ActiveVersion { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// The active logo, for the preview on this page.
    public async Task<IActionResult> OnGetImageAsync(CancellationToken ct)
    {
        var logo = await AssociationLogo.ActiveAsync(db, ct);
        if (logo is null) return NotFound();
        return File(logo, AssociationLogo.ContentType(logo));
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? logo, CancellationToken ct)
    {
        byte[]? content = null;
        if (logo is not { Length: > 0 })
            ModelState.AddModelError(Field, "Choisissez l'image du logo (PNG ou JPEG).");
        else
        {
            using var buffer = new MemoryStream();
            await using (var stream = logo.OpenReadStream())
                await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            if (AssociationLogo.Problem(content.Length, content) is { } problem) ModelState.AddModelError(Field, problem);
        }
        if (!ModelState.IsValid || content is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var fileName = logo!.FileName.Split('/', '\\')[^1].Trim();
        if (fileName.Length == 0) fileName = "logo";
        if (fileName.Length > DocumentTemplate.MaxFileNameLength) fileName = fileName[^DocumentTemplate.MaxFileNameLength..];
        var next = (await db.DocumentTemplates.Where(t => t.Kind == AssociationLogo.Kind).MaxAsync(t => (int?)t.Version, ct) ?? 0) + 1;
        db.DocumentTemplates.Add(DocumentTemplate.Uploaded(AssociationLogo.Kind, next, fileName, content, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(Field, "Un autre logo vient d'être déposé au même moment : déposez à nouveau votre image.");
            await LoadAsync(ct);
            return Page();
        }
        await TemplateStore.ActivateAsync(db, AssociationLogo.Kind, next, ct);
        StatusMessage = "Le logo est enregistré : il figure désormais en tête des documents générés.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await TemplateStore.ActivateAsync(db, AssociationLogo.Kind, null, ct);
        StatusMessage = "Les documents sont désormais générés sans logo.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ActiveVersion = await db.DocumentTemplates.AsNoTracking()
            .Where(t => t.Kind == AssociationLogo.Kind && t.IsActive).Select(t => (int?)t.Version).SingleOrDefaultAsync(ct);
        HasLogo = ActiveVersion is not null;
    }
}
