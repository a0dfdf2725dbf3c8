using Microsoft.EntityFrameworkCore;
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
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, Motif = a.Motif!.Name, a.StartUtc, a.DurationMinutes, Place = a.Place!.Name, a.Place.Kind, a.Place.Address, Worker = a.Worker!.FullName, a.Status })
            .ToListAsync(ct);
        return rows.Select(r => new AppointmentRow(r.Id, r.Motif, r.StartUtc, r.DurationMinutes, r.Place, r.Kind, r.Address, r.Worker, r.Status,
            AppointmentPolicy.Default.ActionsFor(r.Status, r.StartUtc, Actor.Resident, nowUtc))).ToList();
    }

    public string Where => string.IsNullOrWhiteSpace(Address) ? Place : $"{Place} ({Address})";
}
