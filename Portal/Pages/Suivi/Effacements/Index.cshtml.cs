using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Privacy;

namespace Portal.Pages.Suivi.Effacements;

/// The erasure requests of residents: what each would erase and keep, and the manager's decision.
/// Managers only, like the retention page: they answer for the whole service.
[Authorize(Roles = Roles.Manager)]
public class IndexModel(PortalDbContext db, TimeProvider clock, PersonalDataErasure erasure, PublicLinks links) : PageModel
{
    public sealed record PendingRow(long Id, string PersonName, string? Email, DateTime RequestedAtUtc, string? Message, ErasurePlan Plan);
    public sealed record DecidedRow(long Id, ErasureStatus Status, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, string? DecidedBy, string? PersonName, string? RefusalReason, string? Outcome);

    public sealed class RefuseInput
    {
        public long Id { get; set; }

        [Required(ErrorMessage = "Indiquez la raison du refus : la personne la lira.")]
        [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
        public string? Reason { get; set; }
    }

    [BindProperty] public RefuseInput Refuse { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<PendingRow> Pending { get; private set; } = [];
    public IReadOnlyList<DecidedRow> Decided { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostApplyAsync(long id, CancellationToken ct)
    {
        var request = await db.ErasureRequests.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (request is null) return NotFound();
        if (request.Status != ErasureStatus.Pending || request.UserId is null)
        {
            StatusMessage = "Cette demande est déjà traitée ou retirée.";
            return RedirectToPage();
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId).Select(u => new { u.Email, u.FullName }).SingleAsync(ct);
        var scope = await StaffScope.ForAsync(User, db, ct);
        var plan = await erasure.ApplyAsync(request.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var applied = await db.ErasureRequests.SingleAsync(e => e.Id == id, ct);
        applied.Status = ErasureStatus.Applied;
        applied.DecidedAtUtc = now;
        applied.DecidedById = scope.UserId;
        applied.DecidedByName = scope.UserName;
        applied.Outcome = Truncate(PersonalDataErasure.Outcome(plan));
        scope.Audit(db, PersonalDataErasure.AppliedAction, null, now, $"Demande d'effacement n° {id} : {applied.Outcome}");
        if (person.Email is not null) PersonalDataErasure.QueueFarewell(db, person.Email, person.FullName, plan);
        await db.SaveChangesAsync(ct);
        StatusMessage = "L'effacement est appliqué : le compte est supprimé et la personne est prévenue par courriel.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken ct)
    {
        var request = await db.ErasureRequests.SingleOrDefaultAsync(e => e.Id == Refuse.Id, ct);
        if (request is null) return NotFound();
        if (request.Status != ErasureStatus.Pending || request.UserId is null)
        {
            StatusMessage = "Cette demande est déjà traitée ou retirée.";
            return RedirectToPage();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId).Select(u => new { u.Email, u.FullName }).SingleAsync(ct);
        var scope = await StaffScope.ForAsync(User, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = Refuse.Reason!.Trim();
        request.Status = ErasureStatus.Refused;
        request.DecidedAtUtc = now;
        request.DecidedById = scope.UserId;
        request.DecidedByName = scope.UserName;
        request.RefusalReason = reason;
        scope.Audit(db, PersonalDataErasure.RefusedAction, null, now, $"Demande d'effacement n° {request.Id} : {reason}");
        if (person.Email is not null)
            EmailOutbox.Queue(db, person.Email, person.FullName, EmailTemplates.ErasureRefused(person.FullName, reason, links.Absolute("/espace/donnees#effacement")));
        await db.SaveChangesAsync(ct);
        StatusMessage = "Le refus est enregistré ; la personne le lit dans son espace et le reçoit par courriel.";
        return RedirectToPage();
    }

    private static string Truncate(string s) => s.Length > 2000 ? s[..2000] : s;

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = await db.ErasureRequests.AsNoTracking().Where(e => e.Status == ErasureStatus.Pending && e.UserId != null)
            .OrderBy(e => e.RequestedAtUtc).Take(100)
            .Select(e => new { e.Id, e.UserId, e.User!.FullName, e.User.Email, e.RequestedAtUtc, e.Message }).ToListAsync(ct);
        var rows = new List<PendingRow>();
        foreach (var p in pending)
            rows.Add(new PendingRow(p.Id, p.FullName, p.Email, p.RequestedAtUtc, p.Message, await erasure.PlanAsync(p.UserId!, ct)));
        Pending = rows;
        Decided = await db.ErasureRequests.AsNoTracking().Where(e => e.Status != ErasureStatus.Pending)
            .OrderByDescending(e => e.DecidedAtUtc).Take(50)
            .Select(e => new DecidedRow(e.Id, e.Status, e.RequestedAtUtc, e.DecidedAtUtc, e.DecidedByName, e.User != null ? e.User.FullName : null, e.RefusalReason, e.Outcome))
            .ToListAsync(ct);
    }
}
