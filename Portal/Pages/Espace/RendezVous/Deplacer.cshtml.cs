using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Pages.Espace.RendezVous;

/// Moving keeps the same appointment (same motif and place) and gives it another free slot.
public class DeplacerModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AppointmentBooking booking) : HandledPageModel
{
    [BindProperty(Name = "creneau")]
    public string? Slot { get; set; }

    public AppointmentRow Current { get; private set; } = null!;
    public IReadOnlyList<SlotDay> Days { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var appointment = await FindAsync(id, ct);
        if (appointment is null) return NotFound();
        await LoadAsync(appointment, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var appointment = await FindAsync(id, ct);
        if (appointment is null) return NotFound();
        if (!SlotChoice.TryParse(Slot, out var workerId, out var startUtc))
        {
            Error = "Choisissez un créneau.";
        }
        else
        {
            var result = await booking.MoveAsync(appointment, Actor.Resident, workerId, startUtc, ct);
            if (result.Error is null)
            {
                TempData["StatusMessage"] = "Votre rendez-vous est déplacé. Vous allez recevoir un message avec le nouvel horaire.";
                return Redirect(AppointmentNotifier.ListPath);
            }
            Error = result.Error;
            appointment = await FindAsync(id, ct) ?? appointment;
        }
        await LoadAsync(appointment, ct);
        return Page();
    }

    private Task<Appointment?> FindAsync(long id, CancellationToken ct)
    {
        var me = users.GetUserId(User)!;
        return db.Appointments.FirstOrDefaultAsync(a => a.Id == id && a.PersonId == me, ct);
    }

    private async Task LoadAsync(Appointment appointment, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Current = (await AppointmentRow.ForPersonAsync(db, appointment.PersonId, appointment.Id, now, ct)).Single();
        if (!Current.Actions.Contains(AppointmentAction.Move))
        {
            Error ??= AppointmentPolicy.Default.Refusal(appointment.Status, appointment.StartUtc, AppointmentAction.Move, Actor.Resident, now);
            return;
        }
        var motif = await db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Id == appointment.MotifId, ct);
        Days = await booking.FreeSlotsAsync(motif, appointment.PlaceId, appointment.Id, ct);
    }
}
