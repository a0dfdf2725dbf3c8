using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;

namespace Portal.Pages.Espace.RendezVous;

/// One appointment as the person sees it.
public sealed record AppointmentRow(
    long Id, string Motif, DateTime StartUtc, int DurationMinutes, string Place, PlaceKind PlaceKind, string? Address, string Worker,
    AppointmentStatus Status, IReadOnlyList<AppointmentAction> Actions)
{
    public static async Task<List<AppointmentRow>> ForPersonAsync(PortalDbContext db, string personId, long? id, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PersonId == personId && (id == null || a.Id == id))
            .Named(db)
            .OrderBy(n => n.Appointment.StartUtc)
            .Select(n => new { n.Appointment.Id, n.Motif, n.Appointment.StartUtc, n.Appointment.DurationMinutes, n.Place, Kind = n.PlaceKind, Address = n.PlaceAddress, n.Worker, n.Appointment.Status })
            .ToListAsync(ct);
        return rows.Select(r => new AppointmentRow(r.Id, r.Motif, r.StartUtc, r.DurationMinutes, r.Place, r.Kind, r.Address, r.Worker, r.Status,
            AppointmentPolicy.Default.ActionsFor(r.Status, r.StartUtc, Actor.Resident, nowUtc))).ToList();
    }

    public string Where => string.IsNullOrWhiteSpace(Address) ? Place : $"{Place} ({Address})";
}
