using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Work;

namespace Portal.Pages.Admin;

public class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record RoleCount(string Role, int Count);
    public sealed record FailedEmail(long Id, string To, string Subject, int Attempts, string? LastError, DateTime CreatedAtUtc);

    public IReadOnlyList<RoleCount> Roles { get; private set; } = [];
    public int PendingEmails { get; private set; }
    public int SentEmails { get; private set; }
    public IReadOnlyList<FailedEmail> Problems { get; private set; } = [];
    public int PendingDocuments { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            group ur by r.Name into g
                            select new { Role = g.Key!, Count = g.Count() }).ToListAsync(ct);
        Roles = Domain.Accounts.Roles.All.Select(r => new RoleCount(r, counts.FirstOrDefault(c => c.Role == r)?.Count ?? 0)).ToList();
        PendingEmails = await db.OutboundEmails.CountAsync(e => e.Status == WorkStatus.Pending || e.Status == WorkStatus.Running, ct);
        SentEmails = await db.OutboundEmails.CountAsync(e => e.Status == WorkStatus.Done, ct);
        PendingDocuments = await db.DocumentRequests.CountAsync(e => e.Status == WorkStatus.Pending || e.Status == WorkStatus.Running, ct);
        // Emails that failed at least once and are not delivered yet: the admin should know before a resident calls.
        Problems = await db.OutboundEmails.AsNoTracking()
            .Where(e => e.Status == WorkStatus.Failed || (e.Status == WorkStatus.Pending && e.LastError != null))
            .OrderByDescending(e => e.Id)
            .Take(20)
            .Select(e => new FailedEmail(e.Id, e.ToAddress, e.Subject, e.Attempts, e.LastError, e.CreatedAtUtc))
            .ToListAsync(ct);
    }
}
