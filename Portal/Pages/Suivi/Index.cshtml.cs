using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.CaseFiles;

namespace Portal.Pages.Suivi;

public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(string FullName, string Email);
    public sealed record TeamRow(string Name, IReadOnlyList<MemberRow> Members);
    public sealed record StatusCount(RequestStatus Status, int Count);

    /// The steps where a request waits for the staff, in the order they usually come.
    public static readonly IReadOnlyList<RequestStatus> NeedingAction =
    [
        RequestStatus.Submitted,
        RequestStatus.DocumentsRequested,
        RequestStatus.UnderReview,
        RequestStatus.PresentedToCommittee,
    ];

    /// The person's name (or email), for the greeting.
    public string MyName { get; private set; } = "";
    public bool IsManager { get; private set; }
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    public IReadOnlyList<StatusCount> RequestCounts { get; private set; } = [];
    /// Requests no team covers (managers only): they wait to be dispatched.
    public int WithoutTeam { get; private set; }
    /// The case files: my caseload, stays ending within a month, reviews late and due (over every household the person may open).
    public HouseholdsPortfolio.Counts CaseFiles { get; private set; } = new(0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read with the session at this request (no query of its own).
        var scope = await StaffScope.ForAsync(User, db, ct);
        MyName = scope.UserName;
        IsManager = scope.IsManager;
        // A social worker sees their own team; a manager sees every team.
        var query = db.Teams.AsNoTracking();
        if (!IsManager) query = query.Where(t => t.Id == scope.TeamId);
        Teams = await query
            .OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Name, t.Members.OrderBy(m => m.FullName).Select(m => new MemberRow(m.FullName, m.Email!)).ToList()))
            .ToListAsync(ct);

        // Kept per team and status by the database (RequestCounts): a few rows, not the team's requests.
        var counts = await scope.Visible(db.RequestCounts.AsNoTracking())
            .Where(c => NeedingAction.Contains(c.Status))
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        RequestCounts = NeedingAction
            .Select(s => new StatusCount(s, counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0))
            .ToList();
        if (IsManager)
            WithoutTeam = await scope.Visible(db.RequestCounts.AsNoTracking())
                .Where(c => c.TeamKey == RequestCount.NoTeam && c.Status != RequestStatus.Closed && c.Status != RequestStatus.Refused && c.Status != RequestStatus.MovedIn)
                .SumAsync(c => c.Count, ct);

        CaseFiles = await HouseholdsPortfolio.CountsAsync(db, scope, clock.GetUtcNow().UtcDateTime, ct);
    }
}
