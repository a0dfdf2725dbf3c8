using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;

namespace Portal.Pages.Espace.Documents;

/// The documents the team shared with the person: contracts and reviews of their own household.
public class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record Row(long Id, string Title, DateTime CreatedAtUtc, int Version, long Size);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await Mine(db, User).OrderByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Title, r.Document!.CreatedAtUtc, r.Document.Version, r.Document.Content.Length))
            .Take(100).ToListAsync(ct);
    }

    /// Shared, generated documents of the households whose account is this person's.
    public static IQueryable<DocumentRequest> Mine(PortalDbContext db, ClaimsPrincipal user)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var households = db.Households.Where(h => h.ResidentId == me).Select(h => h.Id);
        return db.DocumentRequests.AsNoTracking().Where(r => r.SharedWithResident && r.Status == WorkStatus.Done && r.Document != null
            && r.HouseholdId != null && households.Contains(r.HouseholdId.Value));
    }
}
