using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Pages.Espace;

public class IndexModel(UserManager<PortalUser> users, PortalDbContext db) : PageModel
{
    public sealed record RequestsOverview(int Count, long LatestId, string? LatestReference, RequestStatus LatestStatus, DateTime LatestUpdatedAtUtc);

    public PortalUser Me { get; private set; } = null!;

    /// The "Mes demandes" card: null when the person has no request yet.
    public RequestsOverview? Requests { get; private set; }

    public sealed record NextAppointment(DateTime StartUtc, string Motif, string Place);

    public NextAppointment? Next { get; private set; }
    public int UpcomingAppointments { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre nom et votre prénom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Nom et prénom")]
        public string FullName { get; set; } = "";

        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide.")]
        [StringLength(30, ErrorMessage = "Le numéro ne doit pas dépasser 30 caractères.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? PhoneNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Me = (await users.GetUserAsync(User))!;
        Input = new InputModel { FullName = Me.FullName, PhoneNumber = Me.PhoneNumber };
        await LoadRequestsAsync();
        await LoadAppointmentsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        Me = (await users.GetUserAsync(User))!;
        if (!ModelState.IsValid)
        {
            await LoadRequestsAsync();
            await LoadAppointmentsAsync();
            return Page();
        }
        Me.FullName = Input.FullName.Trim();
        Me.PhoneNumber = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        await users.UpdateAsync(Me);
        StatusMessage = "Vos informations sont enregistrées.";
        return RedirectToPage();
    }

    private async Task LoadRequestsAsync()
    {
        var mine = db.HousingRequests.AsNoTracking().Where(r => r.ApplicantId == Me.Id);
        var count = await mine.CountAsync();
        if (count == 0) return;
        var latest = await mine.OrderByDescending(r => r.UpdatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Reference, r.Status, r.UpdatedAtUtc })
            .FirstAsync();
        Requests = new RequestsOverview(count, latest.Id, latest.Reference, latest.Status, latest.UpdatedAtUtc);
    }

    private async Task LoadAppointmentsAsync()
    {
        var now = DateTime.UtcNow;
        var upcoming = db.Appointments.AsNoTracking()
            .Where(a => a.PersonId == Me.Id && a.Status == Portal.Domain.Appointments.AppointmentStatus.Booked && a.StartUtc > now);
        UpcomingAppointments = await upcoming.CountAsync();
        Next = await upcoming.Named(db).OrderBy(n => n.Appointment.StartUtc)
            .Select(n => new NextAppointment(n.Appointment.StartUtc, n.Motif, n.Place))
            .FirstOrDefaultAsync();
    }
}
