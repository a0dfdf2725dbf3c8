using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;

namespace Portal.Pages.Suivi;

public class IndexModel(PortalDbContext db, UserManager<PortalUser> users) : PageModel
{
    public sealed record MemberRow(string FullName, string Email);
    public sealed record TeamRow(string Name, IReadOnlyList<MemberRow> Members);

    public PortalUser Me { get; private set; } = null!;
    public bool IsManager { get; private set; }
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = (await users.GetUserAsync(User))!;
        IsManager = User.IsInRole(Roles.Manager);
        // A social worker sees their own team; a manager sees every team.
        var query = db.Teams.AsNoTracking();
        if (!IsManager) query = query.Where(t => t.Id == Me.TeamId);
        Teams = await query
            .OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Name, t.Members.OrderBy(m => m.FullName).Select(m => new MemberRow(m.FullName, m.Email!)).ToList()))
            .ToListAsync(ct);
    }
}
