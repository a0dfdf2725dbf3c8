using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Workshops;
using Portal.Workshops;

namespace Portal.Pages.Suivi.Ateliers;

/// The workshop sessions, upcoming first (or the past ones), with seats taken and the waiting list:
/// only those the user may reach (<see cref="WorkshopAccess"/>).
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string Theme, DateTime StartsAtUtc, int DurationMinutes, string Place, string Leader,
        int Seats, int Registered, int Offered, int Waiting, bool IsCancelled, bool AttendanceToRecord);

    [BindProperty(SupportsGet = true)] public string? Periode { get; set; }

    public bool Past => Periode == "passees";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsManager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scope = await StaffScope.ForAsync(User, db, ct);
        IsManager = scope.IsManager;
        var query = scope.Reachable(db.Workshops.AsNoTracking()).Include(w => w.Signups);
        var workshops = Past
            ? await query.Where(w => w.StartsAtUtc <= now).OrderByDescending(w => w.StartsAtUtc).Take(200).ToListAsync(ct)
            : await query.Where(w => w.StartsAtUtc > now).OrderBy(w => w.StartsAtUtc).ToListAsync(ct);
        var placeIds = workshops.Select(w => w.PlaceId).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var leaderIds = workshops.Select(w => w.LeaderId).Distinct().ToList();
        var leaders = await db.Users.AsNoTracking().Where(u => leaderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        Rows = workshops.Select(w =>
        {
            var s = w.CurrentSession(now);
            return new Row(w.Id, w.Theme, w.StartsAtUtc, w.DurationMinutes, places.GetValueOrDefault(w.PlaceId) ?? "", leaders.GetValueOrDefault(w.LeaderId) ?? "",
                w.Seats, s.Participants.Count, s.Registrations.Count(r => r.Status == RegistrationStatus.Offered),
                s.WaitingList.Count, w.IsCancelled, !w.IsCancelled && s.HasStarted(now) && s.Participants.Any(p => p.Attended is null));
        }).ToList();
    }

    // A post naming no known handler goes back to the list.
    public IActionResult OnPost() => RedirectToPage();
}
