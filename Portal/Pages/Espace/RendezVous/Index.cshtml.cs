using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Pages.Espace.RendezVous;

public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AppointmentBooking booking) : HandledPageModel
{
    public IReadOnlyList<AppointmentRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<AppointmentRow> Past { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await AppointmentRow.ForPersonAsync(db, users.GetUserId(User)!, null, now, ct);
        Upcoming = rows.Where(r => r.Status == AppointmentStatus.Booked && r.StartUtc.AddMinutes(r.DurationMinutes) > now).ToList();
        Past = rows.Except(Upcoming).OrderByDescending(r => r.StartUtc).ToList();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        var me = users.GetUserId(User)!;
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id && a.PersonId == me, ct);
        if (appointment is null) return NotFound();
        var refusal = await booking.CancelAsync(appointment, Actor.Resident, ct);
        if (refusal is null) StatusMessage = "Votre rendez-vous est annulé. Un message de confirmation vous a été envoyé.";
        else ErrorMessage = refusal;
        return RedirectToPage();
    }
}
