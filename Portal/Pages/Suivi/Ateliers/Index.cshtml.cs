using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
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
        var query = scope.Reachable(db.Workshops.AsNoTracking()).Include(w => w.Signups).Include(w => w.Place).Include(w => w.Leader);
        var workshops = Past
            ? await query.Where(w => w.StartsAtUtc <= now).OrderByDescending(w => w.StartsAtUtc).Take(200).ToListAsync(ct)
            : await query.Where(w => w.StartsAtUtc > now).OrderBy(w => w.StartsAtUtc).ToListAsync(ct);
        Rows = workshops.Select(w =>
        {
            var s = WorkshopRegistrations.CurrentSessionOf(w, now);
            return new Row(w.Id, w.Theme, w.StartsAtUtc, w.DurationMinutes, w.Place?.Name ?? "", w.Leader?.FullName ?? "",
                w.Seats, s.Participants.Count, s.Registrations.Count(r => r.Status == Portal.Domain.Appointments.RegistrationStatus.Offered),
                s.WaitingList.Count, w.IsCancelled, !w.IsCancelled && s.HasStarted(now) && s.Participants.Any(p => p.Attended is null));
        }).ToList();
    }

    // A post naming no known handler goes back to the list.
    public IActionResult OnPost() => RedirectToPage();
}
