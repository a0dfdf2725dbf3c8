using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Pages.Suivi.Demandes;

/// Opens the household file from an accepted request (once: a second press leads to the same file).
public class DossierMenageModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    /// Nothing to show here: the request's page has the button (for whoever may see the request).
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await users.GetUserAsync(User) is { } me && await StaffScope.For(User, me).Visible(db.HousingRequests).AnyAsync(r => r.Id == id, ct)
            ? RedirectToPage("Details", new { id })
            : NotFound();

    public async Task<IActionResult> OnPostOpenHouseholdAsync(long id, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        var scope = StaffScope.For(User, me);
        var request = await scope.Visible(db.HousingRequests.AsNoTracking())
            .Where(r => r.Id == id).Select(r => new { r.Id, r.Status, r.ReferentId }).SingleOrDefaultAsync(ct);
        if (request is null) return NotFound();
        if (request.Status is not (RequestStatus.Accepted or RequestStatus.HousingOffered or RequestStatus.MovedIn))
        {
            TempData["StatusMessage"] = "Le dossier ménage s'ouvre une fois la demande acceptée.";
            return RedirectToPage("Details", new { id });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var household = await HouseholdFactory.FromRequestAsync(db, id, now, request.ReferentId ?? scope.UserId, ct);
        if (db.Entry(household).State == EntityState.Added)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                scope.Audit(db, AuditActions.ChangedFile, household.Id, now, $"Dossier ouvert depuis la demande {id}");
                await db.SaveChangesAsync(ct);
                TempData["StatusMessage"] = $"Le dossier du ménage {household.Name} est ouvert, avec les personnes et les ressources de la demande.";
            }
            catch (DbUpdateException)
            {
                // Someone opened it at the same moment: theirs is the file.
                db.ChangeTracker.Clear();
                household = await db.Households.AsNoTracking().SingleAsync(h => h.HousingRequestId == id, ct);
            }
        }
        return RedirectToPage("/Suivi/Menages/Dossier", new { id = household.Id });
    }
}
