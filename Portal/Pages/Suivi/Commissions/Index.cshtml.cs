using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Housing;
using Portal.Housing;
using Portal.Web;

namespace Portal.Pages.Suivi.Commissions;

/// The committees, their members and their sessions. Managers prepare them; social workers read
/// the sessions and propose situations on the session page.
public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(long Id, string Name, string? Organisation, string? Role, bool IsStaff, bool IsActive);
    public sealed record CommitteeRow(long Id, string Name, CommitteeKind Kind, IReadOnlyList<MemberRow> Members);
    public sealed record SessionRow(long Id, string CommitteeName, DateOnly HeldOn, SessionStatus Status, int Items, int Decided);
    public sealed record StaffOption(string Id, string Name);

    public IReadOnlyList<CommitteeRow> Committees { get; private set; } = [];
    public IReadOnlyList<SessionRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<SessionRow> Past { get; private set; } = [];
    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];
    public bool IsManager { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public CommitteeInput NewCommittee { get; set; } = new();
    [BindProperty] public MemberInput NewMember { get; set; } = new();
    [BindProperty] public SessionInput NewSession { get; set; } = new();

    [TempData] public string? StatusMessage { get; set; }

    public class CommitteeInput
    {
        [Required(ErrorMessage = "Indiquez le nom de l'instance.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Nom de l'instance")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Choisissez le type d'instance.")]
        [FrenchValue]
        [Display(Name = "Type d'instance")]
        public CommitteeKind? Kind { get; set; }
    }

    public class MemberInput
    {
        [FrenchValue]
        public long? CommitteeId { get; set; }

        [Display(Name = "Membre de l'équipe")]
        public string? UserId { get; set; }

        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Ou partenaire : nom")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "L'organisme ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Organisme (facultatif)")]
        public string? Organisation { get; set; }

        [StringLength(200, ErrorMessage = "La fonction ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Fonction (facultatif)")]
        public string? Role { get; set; }
    }

    public class SessionInput
    {
        [Required(ErrorMessage = "Choisissez l'instance.")]
        [FrenchValue]
        [Display(Name = "Instance")]
        public long? CommitteeId { get; set; }

        [Required(ErrorMessage = "Indiquez la date de la séance.")]
        [FrenchValue]
        [Display(Name = "Date de la séance")]
        public DateOnly? HeldOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        NewSession.HeldOn ??= Today;
    }

    public IActionResult OnPost() => RedirectToPage();

    public async Task<IActionResult> OnPostCommitteeAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        Only(nameof(NewCommittee));
        if (ModelState.IsValid && await db.Committees.AnyAsync(c => c.Name == NewCommittee.Name!.Trim(), ct))
            ModelState.AddModelError("NewCommittee.Name", "Une instance porte déjà ce nom.");
        if (ModelState.IsValid)
        {
            try
            {
                var committee = new Committee(NewCommittee.Name!, NewCommittee.Kind!.Value);
                db.Committees.Add(committee);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"L'instance « {committee.Name} » est créée : ajoutez ses membres.";
                return RedirectToPage();
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("NewCommittee.Name", e.Message);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError("NewCommittee.Name", "Une instance porte déjà ce nom.");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        Only(nameof(NewMember));
        var committeeId = NewMember.CommitteeId;
        if (committeeId is null || !await db.Committees.AnyAsync(c => c.Id == committeeId, ct)) return NotFound();
        await LoadAsync(ct);
        CommitteeMember? member = null;
        if (ModelState.IsValid)
        {
            if (!string.IsNullOrWhiteSpace(NewMember.UserId))
            {
                if (Staff.FirstOrDefault(s => s.Id == NewMember.UserId) is not { } staff)
                    ModelState.AddModelError($"NewMember.UserId-{committeeId}", "Choisissez un membre de l'équipe dans la liste.");
                else if (await db.CommitteeMembers.AnyAsync(m => m.CommitteeId == committeeId && m.UserId == staff.Id, ct))
                    ModelState.AddModelError($"NewMember.UserId-{committeeId}", $"{staff.Name} est déjà membre de cette instance.");
                else
                    member = new CommitteeMember { CommitteeId = committeeId.Value, UserId = staff.Id, Name = staff.Name, Role = NewMember.Role?.Trim() };
            }
            else if (!string.IsNullOrWhiteSpace(NewMember.Name))
                member = new CommitteeMember
                {
                    CommitteeId = committeeId.Value, Name = NewMember.Name.Trim(),
                    Organisation = string.IsNullOrWhiteSpace(NewMember.Organisation) ? null : NewMember.Organisation.Trim(),
                    Role = string.IsNullOrWhiteSpace(NewMember.Role) ? null : NewMember.Role.Trim(),
                };
            else
                ModelState.AddModelError($"NewMember.UserId-{committeeId}", "Choisissez un membre de l'équipe, ou indiquez le nom d'un partenaire.");
        }
        if (member is not null)
        {
            db.CommitteeMembers.Add(member);
            await db.SaveChangesAsync(ct);
            StatusMessage = $"{member.Name} est ajouté(e) aux membres.";
            return RedirectToPage();
        }
        FailedCommitteeId = committeeId;
        return Page();
    }

    /// Deactivates a member who left the committee (no longer offered in the attendance of new
    /// sessions, still listed where they were present) or brings them back.
    public async Task<IActionResult> OnPostMemberActiveAsync(long? memberId, bool active, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        var member = await db.CommitteeMembers.SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null) return NotFound();
        member.IsActive = active;
        await db.SaveChangesAsync(ct);
        StatusMessage = active
            ? $"{member.Name} est de nouveau membre actif : il ou elle sera proposé(e) dans les présences des séances."
            : $"{member.Name} n'est plus membre actif : il ou elle n'est plus proposé(e) dans les présences des nouvelles séances.";
        return RedirectToPage();
    }

    public long? FailedCommitteeId { get; private set; }

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        Only(nameof(NewSession));
        if (ModelState.IsValid && !await db.Committees.AnyAsync(c => c.Id == NewSession.CommitteeId, ct))
            ModelState.AddModelError("NewSession.CommitteeId", "Choisissez l'instance dans la liste.");
        if (ModelState.IsValid)
        {
            var session = new CommitteeSession(NewSession.CommitteeId!.Value, NewSession.HeldOn!.Value);
            db.CommitteeSessions.Add(session);
            await db.SaveChangesAsync(ct);
            StatusMessage = $"La séance du {Portal.Domain.Formatting.French.Date(session.HeldOn)} est prévue : composez son ordre du jour.";
            return RedirectToPage("Seance", new { id = session.Id });
        }
        await LoadAsync(ct);
        return Page();
    }

    /// Several forms share the page: only the posted one's errors count.
    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsManager = User.IsInRole(Roles.Manager);
        Today = StockQueries.Today(clock);
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var members = await db.CommitteeMembers.AsNoTracking().OrderByDescending(m => m.IsActive).ThenBy(m => m.Name)
            .Select(m => new { m.CommitteeId, Row = new MemberRow(m.Id, m.Name, m.Organisation, m.Role, m.UserId != null, m.IsActive) }).ToListAsync(ct);
        Committees = committees.Select(c => new CommitteeRow(c.Id, c.Name, c.Kind,
            members.Where(m => m.CommitteeId == c.Id).Select(m => m.Row).ToList())).ToList();
        var names = committees.ToDictionary(c => c.Id, c => c.Name);
        var sessions = await db.CommitteeSessions.AsNoTracking()
            .Select(s => new { s.Id, s.CommitteeId, s.HeldOn, s.Status, Items = s.Items.Count, Decided = s.Items.Count(i => i.Decision != null) })
            .ToListAsync(ct);
        var rows = sessions.Select(s => new SessionRow(s.Id, names.GetValueOrDefault(s.CommitteeId, ""), s.HeldOn, s.Status, s.Items, s.Decided)).ToList();
        Upcoming = rows.Where(s => s.Status == SessionStatus.Planned).OrderBy(s => s.HeldOn).ToList();
        Past = rows.Where(s => s.Status == SessionStatus.Closed).OrderByDescending(s => s.HeldOn).Take(30).ToList();
        if (IsManager)
        {
            var staff = (await users.GetUsersInRoleAsync(Roles.Manager)).Concat(await users.GetUsersInRoleAsync(Roles.SocialWorker));
            Staff = staff.DistinctBy(u => u.Id).Select(u => new StaffOption(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.Id : u.FullName))
                .OrderBy(u => u.Name).ToList();
        }
    }
}
