using Portal.Accounts;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Pages.Admin.Partenaires;

/// One partner organisation: its details, its people (invited like staff, with the role Partner
/// attached to it), and whether it may still orient households.
public class OrganisationModel(PortalDbContext db, UserManager<PortalUser> users, AccountEmails emails, TimeProvider clock) : PageModel
{
    public sealed record Member(string Id, string FullName, string Email, bool Confirmed);

    public PartnerOrganisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class InviteInput
    {
        [Required(ErrorMessage = "Indiquez le nom et le prénom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Nom et prénom")]
        public string? FullName { get; set; }

        [Required(ErrorMessage = "Indiquez l'adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
        [Display(Name = "Adresse électronique")]
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new OrganisationInput { Name = Organisation.Name, Kind = Organisation.Kind, Town = Organisation.Town, Email = Organisation.Email, Phone = Organisation.Phone };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Only("Input");
        if (Input.Kind is { } kind && !OrganisationInput.Kinds.Contains(kind)) ModelState.AddModelError("Input.Kind", "Choisissez un type dans la liste.");
        var name = Input.Name?.Trim();
        if (ModelState.IsValid && await db.PartnerOrganisations.AnyAsync(o => o.Name == name && o.Id != id, ct))
            ModelState.AddModelError("Input.Name", "Une autre organisation porte déjà ce nom.");
        if (!ModelState.IsValid) return Page();
        var org = await db.PartnerOrganisations.SingleAsync(o => o.Id == id, ct);
        Input.ApplyTo(org);
        await db.SaveChangesAsync(ct);
        StatusMessage = $"L'organisation {org.Name} est enregistrée.";
        return RedirectToPage(new { id });
    }

    /// A deactivated organisation's people reach nothing in /partenaire; its orientations stay.
    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, CancellationToken ct)
    {
        var org = await db.PartnerOrganisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        org.IsActive = active;
        await db.SaveChangesAsync(ct);
        StatusMessage = active ? $"{org.Name} est réactivée." : $"{org.Name} est désactivée : ses comptes n'accèdent plus à l'espace partenaire.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Only("Invite");
        var email = Invite.Email?.Trim() ?? "";
        if (ModelState.IsValid && await users.FindByEmailAsync(email) is not null)
            ModelState.AddModelError("Invite.Email", "Un compte existe déjà avec cette adresse électronique.");
        if (!ModelState.IsValid) return Page();

        var user = new PortalUser
        {
            UserName = email, Email = email, FullName = Invite.FullName!.Trim(), PartnerOrganisationId = id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await emails.CreateInvitedAsync(user, Roles.Partner, $"{Roles.Label(Roles.Partner)} — {Organisation.Name}", ct);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("Invite.Email", e.Description);
            return Page();
        }
        StatusMessage = $"Le compte de {user.FullName} ({Organisation.Name}) est créé ; une invitation a été envoyée à {email}.";
        return RedirectToPage(new { id });
    }

    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var org = await db.PartnerOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return false;
        Organisation = org;
        Members = await db.Users.AsNoTracking().Where(u => u.PartnerOrganisationId == id).OrderBy(u => u.FullName)
            .Select(u => new Member(u.Id, u.FullName, u.Email!, u.EmailConfirmed)).ToListAsync(ct);
        return true;
    }
}
