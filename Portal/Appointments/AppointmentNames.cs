using Portal.Data;
using Portal.Domain.Appointments;

namespace Portal.Appointments;

/// An appointment with the names it is shown with: the appointment keeps the ids of its motif, place,
/// worker and person (the domain knows no accounts), the lists join them here, in one query.
public sealed class NamedAppointment
{
    public required Appointment Appointment { get; init; }
    public required string Motif { get; init; }
    public required string Place { get; init; }
    public required PlaceKind PlaceKind { get; init; }
    public string? PlaceAddress { get; init; }
    public required string Worker { get; init; }
    public required string Person { get; init; }
}

public static class AppointmentNames
{
    public static IQueryable<NamedAppointment> Named(this IQueryable<Appointment> appointments, PortalDbContext db) =>
        from a in appointments
        join motif in db.AppointmentMotifs on a.MotifId equals motif.Id
        join place in db.Places on a.PlaceId equals place.Id
        join worker in db.Users on a.WorkerId equals worker.Id
        join person in db.Users on a.PersonId equals person.Id
        select new NamedAppointment
        {
            Appointment = a, Motif = motif.Name, Place = place.Name, PlaceKind = place.Kind, PlaceAddress = place.Address,
            Worker = worker.FullName, Person = person.FullName,
        };
}
