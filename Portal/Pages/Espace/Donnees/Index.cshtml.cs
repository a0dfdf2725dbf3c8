using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Domain.Work;
using Portal.Privacy;

namespace Portal.Pages.Espace.Donnees;

/// « Mes données »: the person asks for a copy of everything held about them, made in the
/// background; the page shows its progress in place and the download once ready. The person also
/// asks here for their data to be erased, sees what would be erased and what must be kept, and
/// reads the answer.
public class IndexModel(PortalDbContext db, TimeProvider clock, PersonalDataErasure erasure, PublicLinks links) : PageModel
{
    public sealed record ErasureView(long Id, ErasureStatus Status, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, string? RefusalReason);

    public sealed class ErasureInput
    {
        [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
        [Display(Name = "Un mot pour l'équipe (facultatif)")]
        public string? Message { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez cette case pour confirmer que vous demandez l'effacement.")]
        public bool Confirm { get; set; }
    }

    [BindProperty] public ErasureInput Erase { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public ErasurePlan? Plan { get; private set; }
    public ErasureView? Erasure { get; private set; }

    public sealed record ExportView(long Id, WorkStatus Status, DateTime CreatedAtUtc, long? Size, string? FileName);

    public ExportView? Latest { get; private set; }
    public string Key { get; } = Guid.NewGuid().ToString("N");

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Latest = await LatestAsync(null, ct);
        Plan = await erasure.PlanAsync(Me, ct);
        var me = Me;
        Erasure = await db.ErasureRequests.AsNoTracking().Where(e => e.UserId == me).OrderByDescending(e => e.Id)
            .Select(e => new ErasureView(e.Id, e.Status, e.RequestedAtUtc, e.DecidedAtUtc, e.RefusalReason)).FirstOrDefaultAsync(ct);
    }

    /// The person asks for erasure: one pending request at a time, acknowledged by email.
    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        var me = Me;
        if (await db.ErasureRequests.AnyAsync(e => e.UserId == me && e.Status == ErasureStatus.Pending, ct))
        {
            StatusMessage = "Votre demande d'effacement est déjà en cours d'examen.";
            return RedirectToPage();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var user = await db.Users.Where(u => u.Id == me).Select(u => new { u.FullName, u.Email }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = Erase.Message?.Trim();
        db.ErasureRequests.Add(new ErasureRequest { UserId = me, Status = ErasureStatus.Pending, RequestedAtUtc = now, Message = string.IsNullOrEmpty(message) ? null : message });
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = me, UserName = user.FullName, Action = PersonalDataErasure.RequestedAction, Detail = "Demandé par la personne depuis son espace" });
        if (user.Email is not null)
            EmailOutbox.Queue(db, user.Email, user.FullName, EmailTemplates.ErasureReceived(user.FullName, links.Absolute("/espace/donnees#effacement")));
        await db.SaveChangesAsync(ct);
        StatusMessage = "Votre demande d'effacement est envoyée. Un responsable vous répondra par courriel, dans un mois au plus.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var me = Me;
        var pending = await db.ErasureRequests.SingleOrDefaultAsync(e => e.UserId == me && e.Status == ErasureStatus.Pending, ct);
        if (pending is null)
        {
            StatusMessage = "Vous n'avez pas de demande d'effacement en cours.";
            return RedirectToPage();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        pending.Status = ErasureStatus.Withdrawn;
        pending.DecidedAtUtc = now;
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.FullName).SingleAsync(ct);
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = me, UserName = name, Action = PersonalDataErasure.WithdrawnAction });
        await db.SaveChangesAsync(ct);
        StatusMessage = "Votre demande d'effacement est retirée : vos données restent conservées selon les durées habituelles.";
        return RedirectToPage();
    }

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
