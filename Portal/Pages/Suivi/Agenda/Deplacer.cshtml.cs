using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Web;

namespace Portal.Pages.Suivi.Agenda;

/// Staff move an appointment to another free slot (same motif and place, the same or another
/// worker of their scope): the same appointment, and the person is told by email.
public class DeplacerModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AppointmentBooking booking, StaffAgenda agenda) : HandledPageModel
{
    public sealed record Summary(string Motif, string Place, string Person, string Worker, DateTime StartUtc);

    [BindProperty(SupportsGet = true, Name = "travailleur")] public string? WorkerValue { get; set; }
    [BindProperty(Name = "creneau")] public string? Slot { get; set; }

    public long Id { get; private set; }
    public Summary Current { get; private set; } = null!;
    public bool CanMove { get; private set; }
    public IReadOnlyList<WorkerOption> Workers { get; private set; } = [];
    public WorkerOption Worker { get; private set; } = null!;
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
        if (!SlotChoice.TryParse(Slot, out var workerId, out var startUtc) || Workers.All(w => w.Id != workerId))
        {
            Error = "Choisissez un créneau.";
        }
        else
        {
            var result = await booking.MoveAsync(appointment, Actor.Staff, workerId, startUtc, ct);
            if (result.Error is null)
            {
                TempData["StatusMessage"] = $"Le rendez-vous est déplacé au {French.DateTimeLong(startUtc)}. La personne est prévenue par courriel.";
                var me = users.GetUserId(User);
                var monday = IndexModel.MondayOf(DateOnly.FromDateTime(French.ToParis(startUtc)));
                return RedirectToPage("Index", new { travailleur = workerId == me ? null : workerId, semaine = IndexModel.WeekValue(monday) });
            }
            Error = result.Error;
            appointment = await FindAsync(id, ct) ?? appointment;
        }
        await LoadAsync(appointment, ct);
        return Page();
    }

    private async Task<Appointment?> FindAsync(long id, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return null;
        Workers = await agenda.WorkersInScopeAsync(User, me, ct);
        var ids = Workers.Select(w => w.Id).ToList();
        return await db.Appointments.FirstOrDefaultAsync(a => a.Id == id && ids.Contains(a.WorkerId), ct);
    }

    private async Task LoadAsync(Appointment appointment, CancellationToken ct)
    {
        Id = appointment.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        Current = await db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id).Named(db)
            .Select(n => new Summary(n.Motif, n.Place, n.Person, n.Worker, n.Appointment.StartUtc)).SingleAsync(ct);
        Worker = Workers.FirstOrDefault(w => w.Id == WorkerValue) ?? Workers.FirstOrDefault(w => w.Id == appointment.WorkerId) ?? Workers[0];
        if (booking.Policy.Refusal(appointment.Status, appointment.StartUtc, AppointmentAction.Move, Actor.Staff, now) is { } refusal)
        {
            Error ??= refusal;
            return;
        }
        CanMove = true;
        var motif = await db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Id == appointment.MotifId, ct);
        Days = await booking.FreeSlotsAsync(motif, appointment.PlaceId, appointment.Id, Worker.Id, ct);
    }
}
