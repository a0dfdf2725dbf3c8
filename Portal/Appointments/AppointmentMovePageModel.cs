using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Appointments;

/// Moving an appointment to another free slot, as the resident (/espace/rendez-vous) and staff
/// (/suivi/agenda) do it: the appointment this person may move (else 404), the slot chosen, the move
/// checked by <see cref="AppointmentBooking"/>; its refusal is shown above the slots, which are
/// offered again.
public abstract class AppointmentMovePageModel(AppointmentBooking booking) : HandledPageModel
{
    protected AppointmentBooking Booking => booking;

    [BindProperty(Name = "creneau")]
    public string? Slot { get; set; }

    public IReadOnlyList<SlotDay> Days { get; protected set; } = [];
    public string? Error { get; protected set; }

    /// Who moves: the policy differs for residents and staff.
    protected abstract Actor Mover { get; }

    /// The appointment this person may move, tracked; null when there is none.
    protected abstract Task<Appointment?> FindAsync(long id, CancellationToken ct);

    /// What the page shows: the appointment and the free slots (or why it cannot move).
    protected abstract Task LoadAsync(Appointment appointment, CancellationToken ct);

    /// Whether this worker's slots are offered to this person.
    protected virtual bool Offers(string workerId) => true;

    /// Where the person goes once the appointment is moved.
    protected abstract IActionResult Moved(string workerId, DateTime startUtc);

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
        if (!SlotChoice.TryParse(Slot, out var workerId, out var startUtc) || !Offers(workerId))
        {
            Error = "Choisissez un créneau.";
        }
        else
        {
            var result = await booking.MoveAsync(appointment, Mover, workerId, startUtc, ct);
            if (result.Error is null) return Moved(workerId, startUtc);
            Error = result.Error;
            appointment = await FindAsync(id, ct) ?? appointment;
        }
        await LoadAsync(appointment, ct);
        return Page();
    }
}
