using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents;
using Portal.Domain.Work;
using Portal.Privacy;

namespace Portal.Pages.Espace.Donnees;

/// « Mes données »: the person asks for a copy of everything held about them, made in the
/// background; the page shows its progress in place and the download once ready.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record ExportView(long Id, WorkStatus Status, DateTime CreatedAtUtc, long? Size, string? FileName);

    public ExportView? Latest { get; private set; }
    public string Key { get; } = Guid.NewGuid().ToString("N");

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken ct) => Latest = await LatestAsync(null, ct);

    public async Task<IActionResult> OnPostPrepareAsync(string? key, CancellationToken ct)
    {
        var me = Me;
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.FullName).SingleAsync(ct);
        var request = await FileRequests.AskAsync(db, clock,
            new FileOrder(PersonalDataExport.KindName, PersonalDataExport.PersonSubject(me), "Mes données personnelles", me, null, false, key),
            (r, now) => db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = me, UserName = name, Action = PersonalDataExport.ExportedAction, Detail = "Demandé par la personne depuis son espace" }),
            ct);
        if (!Request.IsHtmx()) return RedirectToPage();
        Latest = await LatestAsync(request.Id, ct);
        return Partial("_ExportStatus", Latest);
    }

    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken ct)
    {
        Latest = await LatestAsync(id, ct);
        if (Latest is null) return NotFound();
        Response.Htmx(h => h.WithVary());
        return Partial("_ExportStatus", Latest);
    }

    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken ct)
    {
        var me = Me;
        var file = await Mine().Where(r => r.Id == id && r.Document != null)
            .Select(r => new { r.Document!.FileName, r.Document.ContentType, r.Document.Content }).SingleOrDefaultAsync(ct);
        if (file is null) return NotFound();
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.FullName).SingleAsync(ct);
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, UserId = me, UserName = name, Action = DocumentDesk.DownloadedAction, Detail = file.FileName });
        await db.SaveChangesAsync(ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// The person's own exports, and only those: asked by them, about them.
    private IQueryable<DocumentRequest> Mine()
    {
        var me = Me;
        var subject = PersonalDataExport.PersonSubject(me);
        return db.DocumentRequests.AsNoTracking().Where(r => r.RequestedById == me && r.Kind == PersonalDataExport.KindName && r.SubjectKey == subject);
    }

    private Task<ExportView?> LatestAsync(long? id, CancellationToken ct) =>
        Mine().Where(r => id == null || r.Id == id).OrderByDescending(r => r.Id)
            .Select(r => new ExportView(r.Id, r.Status, r.CreatedAtUtc, r.Document != null ? r.Document.Content.Length : null, r.Document != null ? r.Document.FileName : null))
            .FirstOrDefaultAsync(ct);
}
