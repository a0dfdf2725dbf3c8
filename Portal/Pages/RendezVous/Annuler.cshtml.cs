using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Email;

namespace Portal.Pages.RendezVous;

/// The cancellation link of an appointment email, open without signing in: the signed token names
/// one appointment and the start it was sent for. Opening it only shows; the button cancels (mail
/// scanners open links).
public class AnnulerModel(PortalDbContext db, TimeProvider clock, AppointmentTokens tokens, AppointmentBooking booking, AppointmentNotifier notifier) : PageModel
{
    public const string InvalidMessage = "Ce lien d'annulation n'est pas valable ou a expiré. Pour annuler, connectez-vous à votre espace ou appelez l'association.";

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public AppointmentDetails? Details { get; private set; }
    public CancellationLinkState? State { get; private set; }
    public string Message { get; private set; } = InvalidMessage;
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var appointment = await LoadAsync(ct);
        if (appointment is null || State != CancellationLinkState.Valid) return Page();
        if (await booking.CancelAsync(appointment, Actor.Resident, ct) is { } refusal)
        {
            Message = refusal;
            return Page();
        }
        Done = true;
        State = CancellationLinkState.NoLongerBooked;
        Message = "Votre rendez-vous est annulé. Un message de confirmation vous a été envoyé.";
        return Page();
    }

    private async Task<Appointment?> LoadAsync(CancellationToken ct)
    {
        if (!tokens.TryRead(Token, out var id, out var issuedFor)) return null;
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null) return null;
        var policy = AppointmentPolicy.Default;
        State = CancellationLink.Check(issuedFor, appointment.Status, appointment.StartUtc, clock.GetUtcNow().UtcDateTime, policy);
        Message = State.Value.Message(policy);
        Details = await notifier.DetailsAsync(appointment, ct);
        return appointment;
    }
}
