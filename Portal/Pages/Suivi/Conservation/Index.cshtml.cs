using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Privacy;

namespace Portal.Pages.Suivi.Conservation;

/// What the nightly retention purge will delete or anonymise in the next 30 days, and the legal
/// holds that keep a request or a file out of it. Managers only: they answer for the whole service.
[Authorize(Roles = Roles.Manager)]
public class IndexModel(PortalDbContext db, TimeProvider clock, RetentionPurge purge) : PageModel
{
    public const int LookAheadDays = 30;
    public const string HoldAction = "Gel de conservation";
    public const string LiftAction = "Levée du gel de conservation";

    public sealed record DueRow(string Kind, long Id, string Label, DateTime LastActivityUtc, DateTime DueUtc, HoldRow? Hold);
    public sealed record HoldRow(long Id, long? RequestId, long? HouseholdId, string Label, string Reason, string PlacedBy, DateTime PlacedAtUtc);

    public sealed class InputModel
    {
        public long? RequestId { get; set; }
        public long? HouseholdId { get; set; }

        [Required(ErrorMessage = "Indiquez pourquoi ce dossier doit être gardé.")]
        [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
        [Display(Name = "Motif du gel")]
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<DueRow> Due { get; private set; } = [];
    public IReadOnlyList<HoldRow> Holds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct)
    {
        var exists = Input.RequestId is { } rid ? await db.HousingRequests.AnyAsync(r => r.Id == rid, ct)
            : Input.HouseholdId is { } hid && await db.Households.AnyAsync(h => h.Id == hid, ct);
        if (!exists) return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var scope = await StaffScope.ForAsync(User, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = Input.Reason!.Trim();
        db.LegalHolds.Add(new LegalHold
        {
            HousingRequestId = Input.RequestId, HouseholdId = Input.RequestId is null ? Input.HouseholdId : null,
            Reason = reason, PlacedById = scope.UserId, PlacedByName = scope.UserName, PlacedAtUtc = now,
        });
        scope.Audit(db, HoldAction, Input.RequestId is null ? Input.HouseholdId : null, now, Input.RequestId is { } r ? $"Demande n° {r} : {reason}" : reason);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Le gel est posé : ce dossier ne sera pas supprimé tant qu'il n'est pas levé.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLiftAsync(long holdId, CancellationToken ct)
    {
        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId && h.LiftedAtUtc == null, ct);
        if (hold is null) return NotFound();
        var scope = await StaffScope.ForAsync(User, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        hold.LiftedAtUtc = now;
        scope.Audit(db, LiftAction, hold.HouseholdId, now, hold.HousingRequestId is { } r ? $"Demande n° {r}" : null);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Le gel est levé : le dossier suivra de nouveau les durées de conservation.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(LookAheadDays);
        Holds = await db.LegalHolds.AsNoTracking().Where(h => h.LiftedAtUtc == null).OrderBy(h => h.PlacedAtUtc)
            .Select(h => new HoldRow(h.Id, h.HousingRequestId, h.HouseholdId,
                h.HousingRequestId != null
                    ? "Demande " + (db.HousingRequests.Where(r => r.Id == h.HousingRequestId).Select(r => r.Reference ?? r.ApplicantName).FirstOrDefault() ?? "")
                    : "Dossier " + (db.Households.Where(x => x.Id == h.HouseholdId).Select(x => x.Name).FirstOrDefault() ?? ""),
                h.Reason, h.PlacedByName, h.PlacedAtUtc))
            .ToListAsync(ct);
        var requests = await purge.DueRequestRows(horizon, includeHeld: true).Take(200)
            .Select(r => new { r.Id, Label = r.Reference ?? ("Brouillon de " + r.ApplicantName), r.UpdatedAtUtc }).ToListAsync(ct);
        var households = await purge.DueHouseholdRows(horizon, includeHeld: true).Take(200)
            .Select(h => new { h.Id, h.Name, h.ExitedOn }).ToListAsync(ct);
        var rule = RetentionPolicy.UnfollowedRequests;
        var due = requests.Select(r => new DueRow("Demande non suivie", r.Id, r.Label, r.UpdatedAtUtc,
            rule.End(r.UpdatedAtUtc), Holds.FirstOrDefault(h => h.RequestId == r.Id))).ToList();
        var closed = RetentionPolicy.ClosedHouseholds;
        due.AddRange(households.Select(h =>
        {
            var exited = h.ExitedOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return new DueRow("Dossier clos (anonymisation)", h.Id, h.Name, exited, closed.End(exited).AddDays(1), Holds.FirstOrDefault(x => x.HouseholdId == h.Id));
        }));
        Due = due.OrderBy(d => d.DueUtc).ToList();
    }
}
