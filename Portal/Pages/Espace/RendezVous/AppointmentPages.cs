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
    public static async Task<List<AppointmentRow>> ForPersonAsync(PortalDbContext db, string personId, long? id, DateTime nowUtc, CancellationToken ct) =>
        (await ReadRows(db, personId, id).ToListAsync(ct))
            .Select(r => new AppointmentRow(r.Id, r.Motif, r.StartUtc, r.DurationMinutes, r.Place, r.PlaceKind, r.Address, r.Worker, r.Status,
                AppointmentPolicy.Default.ActionsFor(r.Status, r.StartUtc, Actor.Resident, nowUtc)))
            .ToList();

    private sealed record Read(long Id, string Motif, DateTime StartUtc, int DurationMinutes, string Place, PlaceKind PlaceKind, string? Address, string Worker, AppointmentStatus Status);

    // The person's appointments page, at every visit: compiled once. The joins are those of
    // AppointmentNames.Named, written out (a compiled query cannot call it).
    private static readonly Func<PortalDbContext, string, long?, IAsyncEnumerable<Read>> ReadRows =
        EF.CompileAsyncQuery((PortalDbContext db, string personId, long? id) =>
            from a in db.Appointments.AsNoTracking()
            where a.PersonId == personId && (id == null || a.Id == id)
            join motif in db.AppointmentMotifs on a.MotifId equals motif.Id
            join place in db.Places on a.PlaceId equals place.Id
            join worker in db.Users on a.WorkerId equals worker.Id
            orderby a.StartUtc
            select new Read(a.Id, motif.Name, a.StartUtc, a.DurationMinutes, place.Name, place.Kind, place.Address, worker.FullName, a.Status));

    public string Where => string.IsNullOrWhiteSpace(Address) ? Place : $"{Place} ({Address})";
}
