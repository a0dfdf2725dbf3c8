using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Appointments;

namespace Portal.Infrastructure;

/// Places, motifs and weekly hours for the demo workers, so that residents can book. Written once.
public static class DemoAppointments
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.Places.AnyAsync(ct)) return;

        var nord = await db.Teams.Where(t => t.Name == "Nord").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var office = new Place { Name = "Bureau de l'association", Kind = PlaceKind.Office, Address = "12 rue de la Paix, 59000 Lille" };
        var permanence = new Place { Name = "Permanence Maison de quartier Nord", Kind = PlaceKind.Permanence, Address = "3 place du Marché, 59100 Roubaix", TeamId = nord };
        var home = new Place { Name = "Visite à domicile", Kind = PlaceKind.HomeVisit };
        var phone = new Place { Name = "Téléphone", Kind = PlaceKind.Phone };
        db.Places.AddRange(office, permanence, home, phone);
        foreach (var m in Motif.Defaults)
            db.AppointmentMotifs.Add(new AppointmentMotif
            {
                Name = m.Name, DurationMinutes = (int)m.Duration.TotalMinutes, BookableByResidents = m.BookableByResidents, AllowedPlaceKinds = m.AllowedPlaceKinds,
            });
        await db.SaveChangesAsync(ct);

        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        foreach (var email in new[] { "travailleur1@demo.passerelle.fr", "travailleur2@demo.passerelle.fr" })
        {
            if (await users.FindByEmailAsync(email) is not { } worker) continue;
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                db.WorkerOpenings.Add(new WorkerOpening { WorkerId = worker.Id, PlaceId = office.Id, Day = day, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0) });
            db.WorkerOpenings.Add(new WorkerOpening { WorkerId = worker.Id, PlaceId = permanence.Id, Day = DayOfWeek.Wednesday, Start = new TimeOnly(14, 0), End = new TimeOnly(17, 0) });
            db.WorkerOpenings.Add(new WorkerOpening { WorkerId = worker.Id, PlaceId = phone.Id, Day = DayOfWeek.Thursday, Start = new TimeOnly(14, 0), End = new TimeOnly(16, 0) });
        }
        await db.SaveChangesAsync(ct);
    }
}
