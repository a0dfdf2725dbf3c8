using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Privacy;

namespace Portal.Pages.Compte;

/// A person deletes their own account. When no team holds anything about them (no request sent,
/// no household file), it is done at once, with their password; otherwise the erasure goes through
/// a manager, who checks what the law requires to keep (/espace/donnees). Staff accounts are
/// removed by an admin when the person leaves.
public class SupprimerModel(PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn,
    PersonalDataErasure erasure, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre mot de passe pour confirmer.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez cette case pour confirmer la suppression.")]
        public bool Confirm { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsStaff { get; private set; }
    public ErasurePlan? Plan { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, ct);
        if (IsStaff || Plan is not { NothingHeldByTeams: true }) return Page();
        if (!ModelState.IsValid) return Page();
        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.Password", check.IsLockedOut
                ? "Trop d'essais : réessayez dans 15 minutes."
                : "Ce mot de passe n'est pas le bon.");
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (email, name, id) = (user.Email, user.FullName, user.Id);
        var request = new ErasureRequest { UserId = id, Status = ErasureStatus.Pending, RequestedAtUtc = now };
        db.ErasureRequests.Add(request);
        await db.SaveChangesAsync(ct);
        var plan = await erasure.ApplyAsync(id, ct);
        db.ChangeTracker.Clear();
        var done = await db.ErasureRequests.FindAsync([request.Id], ct);
        done!.Status = ErasureStatus.Applied;
        done.DecidedAtUtc = now;
        done.DecidedByName = "la personne elle-même";
        done.Outcome = PersonalDataErasure.Outcome(plan);
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = id, UserName = PersonalDataErasure.DeletedAccountName, Action = PersonalDataErasure.SelfDeletedAction, Detail = $"Demande d'effacement n° {request.Id} : {done.Outcome}" });
        if (email is not null) PersonalDataErasure.QueueFarewell(db, email, name, plan);
        await db.SaveChangesAsync(ct);
        await signIn.SignOutAsync();
        Done = true;
        return Page();
    }

    private async Task LoadAsync(PortalUser user, CancellationToken ct)
    {
        IsStaff = (await users.GetRolesAsync(user)).Any(r => r != Roles.Resident);
        if (!IsStaff) Plan = await erasure.PlanAsync(user.Id, ct);
    }
}
