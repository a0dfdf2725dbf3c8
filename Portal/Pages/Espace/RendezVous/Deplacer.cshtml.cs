using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;

namespace Portal.Pages.Espace.RendezVous;

/// Moving keeps the same appointment (same motif and place) and gives it another free slot.
public class DeplacerModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AppointmentBooking booking) : AppointmentMovePageModel(booking)
{
    public AppointmentRow Current { get; private set; } = null!;

    protected override Actor Mover => Actor.Resident;

    protected override IActionResult Moved(string workerId, DateTime startUtc)
    {
        TempData["StatusMessage"] = "Votre rendez-vous est déplacé. Vous allez recevoir un message avec le nouvel horaire.";
        return Redirect(AppointmentNotifier.ListPath);
    }

    protected override Task<Appointment?> FindAsync(long id, CancellationToken ct)
    {
        var me = users.GetUserId(User)!;
        return db.Appointments.FirstOrDefaultAsync(a => a.Id == id && a.PersonId == me, ct);
    }

    protected override async Task LoadAsync(Appointment appointment, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Current = (await AppointmentRow.ForPersonAsync(db, appointment.PersonId, appointment.Id, now, ct)).Single();
        if (!Current.Actions.Contains(AppointmentAction.Move))
        {
            Error ??= AppointmentPolicy.Default.Refusal(appointment.Status, appointment.StartUtc, AppointmentAction.Move, Actor.Resident, now);
            return;
        }
        var motif = await db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Id == appointment.MotifId, ct);
        Days = await Booking.FreeSlotsAsync(motif, appointment.PlaceId, appointment.Id, ct);
    }
}
