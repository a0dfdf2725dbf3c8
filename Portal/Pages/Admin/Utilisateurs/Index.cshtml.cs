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

namespace Portal.Pages.Admin.Utilisateurs;

public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, AccountEmails emails, TimeProvider clock, Portal.Accounts.UserSessions sessions, Portal.Accounts.AccountAudit accountAudit, Portal.Privacy.StaffDeparture departure) : PageModel
{
    private const int PageSize = 50;

    public sealed record UserRow(string Id, string FullName, string Email, string Role, string? Team, bool Confirmed, bool LockedOut, bool HasSecondFactor);

    public const string ResetFactorAction = "Réinitialisation de la double authentification";
    public const string ChangeRoleAction = "Changement de profil";
    public sealed record TeamOption(int Id, string Name, int Members);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];

    // Two forms on one page: each handler binds only its own form (an explicit prefix, so an absent
    // form never falls back to binding the other one's fields).
    public InviteInput Invite { get; set; } = new();

    public TeamInput NewTeam { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class InviteInput
    {
        [Required(ErrorMessage = "Indiquez le nom et le prénom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Nom et prénom")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez l'adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un profil.")]
        [Display(Name = "Profil")]
        public string Role { get; set; } = Roles.SocialWorker;

        [Display(Name = "Équipe")]
        public int? TeamId { get; set; }
    }

    public class TeamInput
    {
        [Required(ErrorMessage = "Indiquez le nom de l'équipe.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        [Display(Name = "Nom de la nouvelle équipe")]
        public string Name { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync([Bind(Prefix = nameof(Invite))] InviteInput invite, CancellationToken ct)
    {
        Invite = invite;
        Invite.Email = Invite.Email?.Trim() ?? "";
        Invite.FullName = Invite.FullName?.Trim() ?? "";
        if (!Roles.Staff.Contains(Invite.Role))
            ModelState.AddModelError("Invite.Role", "Choisissez un profil dans la liste.");
        if (Invite.Role == Roles.SocialWorker && Invite.TeamId is null)
            ModelState.AddModelError("Invite.TeamId", "Un travailleur social doit appartenir à une équipe.");
        if (Invite.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
            ModelState.AddModelError("Invite.TeamId", "Cette équipe n'existe pas.");
        if (ModelState.IsValid && await users.FindByEmailAsync(Invite.Email) is not null)
            ModelState.AddModelError("Invite.Email", "Un compte existe déjà avec cette adresse électronique.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var user = new PortalUser
        {
            UserName = Invite.Email,
            Email = Invite.Email,
            FullName = Invite.FullName,
            TeamId = Invite.TeamId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await emails.CreateInvitedAsync(user, Invite.Role, Roles.Label(Invite.Role), ct);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("Invite.Email", e.Description);
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage = $"Le compte de {user.FullName} est créé ; une invitation a été envoyée à {user.Email}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTeamAsync([Bind(Prefix = nameof(NewTeam))] TeamInput newTeam, CancellationToken ct)
    {
        NewTeam = newTeam;
        NewTeam.Name = NewTeam.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Teams.AnyAsync(t => t.Name == NewTeam.Name, ct))
            ModelState.AddModelError("NewTeam.Name", "Une équipe porte déjà ce nom.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.Teams.Add(new Team { Name = NewTeam.Name });
        await db.SaveChangesAsync(ct);
        StatusMessage = $"L'équipe {NewTeam.Name} est créée.";
        return RedirectToPage();
    }

    /// For a person who lost their phone and their codes: they enrol again at their next sign-in.
    /// Every session of the account ends.
    public async Task<IActionResult> OnPostResetFactorAsync(string? id, CancellationToken ct)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await Portal.Accounts.SecondFactor.ResetAsync(users, user);
        await sessions.EndAllAsync(user.Id);
        Audit(ResetFactorAction, user);
        await db.SaveChangesAsync(ct);
        await accountAudit.RecordAsync(Portal.Accounts.AccountAudit.FactorReset, user, "par un administrateur");
        StatusMessage = $"La double authentification de {user.FullName} est réinitialisée : ses sessions sont fermées et un second facteur lui sera demandé à sa prochaine connexion.";
        return RedirectToPage();
    }

    /// A staff account changes profile (and team); its sessions end, so the new rights apply at once.
    public async Task<IActionResult> OnPostChangeRoleAsync(string? id, string? newRole, int? newTeamId, CancellationToken ct)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var current = await users.GetRolesAsync(user);
        string? error = null;
        if (!current.Any(r => Roles.Staff.Contains(r))) error = "Seul le profil d'un membre de l'équipe peut être changé.";
        else if (newRole is null || !Roles.Staff.Contains(newRole)) error = "Choisissez un profil dans la liste.";
        else if (newRole == Roles.SocialWorker && newTeamId is null) error = "Un travailleur social doit appartenir à une équipe.";
        else if (newTeamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct)) error = "Cette équipe n'existe pas.";
        else if (user.Id == users.GetUserId(User) && newRole != Roles.Admin) error = "Vous ne pouvez pas retirer votre propre profil d'administrateur.";
        if (error is not null)
        {
            ModelState.AddModelError("Manage", $"{user.FullName} : {error}");
            await LoadAsync(ct);
            return Page();
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, newRole!);
        user.TeamId = newTeamId;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id);
        Audit(ChangeRoleAction, user, $"{string.Join(", ", current.Select(Roles.Label))} → {Roles.Label(newRole!)}");
        await db.SaveChangesAsync(ct);
        StatusMessage = $"{user.FullName} a maintenant le profil {Roles.Label(newRole!)} ; ses sessions sont fermées.";
        return RedirectToPage();
    }

    /// A staff member who leaves: the account goes, and their name wherever the site wrote it down
    /// becomes « ancien membre de l'équipe ». Upcoming appointments and workshops are handed over first.
    public async Task<IActionResult> OnPostDeleteAsync(string? id, bool confirm, CancellationToken ct)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var roles = await users.GetRolesAsync(user);
        string? error = null;
        if (!roles.Any(r => Roles.Staff.Contains(r))) error = "Seul le compte d'un membre de l'équipe se supprime ici ; une personne accompagnée demande l'effacement depuis son espace.";
        else if (user.Id == users.GetUserId(User)) error = "Vous ne pouvez pas supprimer votre propre compte.";
        else if (!confirm) error = "Cochez la case pour confirmer la suppression.";
        else error = await departure.BlockerAsync(user.Id, ct);
        if (error is not null)
        {
            ModelState.AddModelError("Manage", $"{user.FullName} : {error}");
            await LoadAsync(ct);
            return Page();
        }
        var label = string.Join(", ", roles.Select(Roles.Label));
        var team = user.TeamId is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var name = user.FullName;
        await departure.ApplyAsync(user.Id, ct);
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserId = users.GetUserId(User) ?? "", UserName = User.Identity?.Name ?? "",
            Action = Portal.Privacy.StaffDeparture.DeletedAction,
            Detail = $"Compte n° {user.Id} ({label}{(team is null ? "" : $", équipe {team}")}) : son nom est remplacé par « {Portal.Privacy.StaffDeparture.FormerStaff} »",
        });
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Le compte de {name} est supprimé ; ses actions passées sont attribuées à « {Portal.Privacy.StaffDeparture.FormerStaff} ».";
        return RedirectToPage();
    }

    private void Audit(string action, PortalUser target, string? detail = null) => db.AuditEntries.Add(new AuditEntry
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserId = users.GetUserId(User) ?? "",
        UserName = User.Identity?.Name ?? "",
        Action = action,
        Detail = $"Compte {target.Email}" + (detail is null ? "" : $" : {detail}"),
    });

    private async Task LoadAsync(CancellationToken ct)
    {
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamOption(t.Id, t.Name, t.Members.Count)).ToListAsync(ct);

        var query = from u in db.Users.AsNoTracking()
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    select new { u, Role = r.Name! };
        if (!string.IsNullOrWhiteSpace(Role) && Roles.All.Contains(Role))
            query = query.Where(x => x.Role == Role);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            query = query.Where(x => x.u.NormalizedEmail!.Contains(q) || x.u.FullName.ToUpper().Contains(q));
        }
        Total = await query.CountAsync(ct);
        var now = clock.GetUtcNow();
        Rows = await query.OrderBy(x => x.u.FullName).Take(PageSize)
            .Select(x => new UserRow(x.u.Id, x.u.FullName, x.u.Email!, x.Role, x.u.Team != null ? x.u.Team.Name : null,
                x.u.EmailConfirmed, x.u.LockoutEnd != null && x.u.LockoutEnd > now,
                x.u.TwoFactorEnabled || db.UserPasskeys.Any(p => p.UserId == x.u.Id)))
            .ToListAsync(ct);
    }
}
