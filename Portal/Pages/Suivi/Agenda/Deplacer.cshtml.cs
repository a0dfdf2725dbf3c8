using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;

namespace Portal.Pages.Suivi.Agenda;

/// Staff move an appointment to another free slot (same motif and place, the same or another
/// worker of their scope): the same appointment, and the person is told by email.
public class DeplacerModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AppointmentBooking booking, StaffAgenda agenda) : AppointmentMovePageModel(booking)
{
    public sealed record Summary(string Motif, string Place, string Person, string Worker, DateTime StartUtc);

    [BindProperty(SupportsGet = true, Name = "travailleur")] public string? WorkerValue { get; set; }

    public long Id { get; private set; }
    public Summary Current { get; private set; } = null!;
    public bool CanMove { get; private set; }
    public IReadOnlyList<WorkerOption> Workers { get; private set; } = [];
    public WorkerOption Worker { get; private set; } = null!;

    protected override Actor Mover => Actor.Staff;

    protected override bool Offers(string workerId) => Workers.Any(w => w.Id == workerId);

    protected override IActionResult Moved(string workerId, DateTime startUtc)
    {
        TempData["StatusMessage"] = $"Le rendez-vous est déplacé au {French.DateTimeLong(startUtc)}. La personne est prévenue par courriel.";
        var me = users.GetUserId(User);
        var monday = IndexModel.MondayOf(DateOnly.FromDateTime(French.ToParis(startUtc)));
        return RedirectToPage("Index", new { travailleur = workerId == me ? null : workerId, semaine = IndexModel.WeekValue(monday) });
    }

    protected override async Task<Appointment?> FindAsync(long id, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return null;
        Workers = await agenda.WorkersInScopeAsync(User, me, ct);
        var ids = Workers.Select(w => w.Id).ToList();
        return await db.Appointments.FirstOrDefaultAsync(a => a.Id == id && ids.Contains(a.WorkerId), ct);
    }

    protected override async Task LoadAsync(Appointment appointment, CancellationToken ct)
    {
        Id = appointment.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        Current = await db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id).Named(db)
            .Select(n => new Summary(n.Motif, n.Place, n.Person, n.Worker, n.Appointment.StartUtc)).SingleAsync(ct);
        Worker = Workers.FirstOrDefault(w => w.Id == WorkerValue) ?? Workers.FirstOrDefault(w => w.Id == appointment.WorkerId) ?? Workers[0];
        if (Booking.Policy.Refusal(appointment.Status, appointment.StartUtc, AppointmentAction.Move, Actor.Staff, now) is { } refusal)
        {
            Error ??= refusal;
            return;
        }
        CanMove = true;
        var motif = await db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Id == appointment.MotifId, ct);
        Days = await Booking.FreeSlotsAsync(motif, appointment.PlaceId, appointment.Id, Worker.Id, ct);
    }
}
