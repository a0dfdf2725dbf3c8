using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Workshops;

namespace Portal.Infrastructure;

/// Demo workshops (see Seeder): five sessions to come on the seed themes at the demo places, led by
/// the demo workers, one of them nearly full; and a past one where resident1 came. Written once.
public static class DemoWorkshops
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.Workshops.AnyAsync(ct)) return;

        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var worker1 = await users.FindByEmailAsync("travailleur1@demo.passerelle.fr");
        var worker2 = await users.FindByEmailAsync("travailleur2@demo.passerelle.fr");
        var resident1 = await users.FindByEmailAsync("resident1@demo.passerelle.fr");
        var resident2 = await users.FindByEmailAsync("resident2@demo.passerelle.fr");
        var office = await db.Places.FirstOrDefaultAsync(p => p.Name == "Bureau de l'association", ct);
        var permanence = await db.Places.FirstOrDefaultAsync(p => p.Name == "Permanence Maison de quartier Nord", ct);
        if (worker1 is null || worker2 is null || resident1 is null || resident2 is null || office is null || permanence is null) return;
        var nord = await db.Teams.Where(t => t.Name == "Nord").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var sud = await db.Teams.Where(t => t.Name == "Sud").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);

        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(now));
        DateTime At(int days, int hour)
        {
            var local = today.AddDays(days).ToDateTime(new TimeOnly(hour, 0));
            return ParisTime.TryStartToUtc(local, out var utc) ? utc : ParisTime.BoundaryToUtc(local);
        }
        // Planned twenty days ago (the past session forty days ago, before it took place).
        Workshop Session(string theme, string description, Place place, int days, int hour, int seats, PortalUser leader, int? team, int plannedDaysAgo = 20) =>
            Workshop.Plan(new WorkshopPlan(theme, description, place.Id, At(days, hour), 120, seats, leader.Id, team), now.AddDays(-plannedDaysAgo));

        var logement = Session("Mon logement et moi", "Bien vivre dans son logement : entretien, voisinage, petites réparations, à qui s'adresser.", office, 4, 14, 10, worker1, nord);
        var energie = Session("Économies d'énergie", "Chauffage, eau chaude, éclairage : des gestes simples pour réduire ses factures, et les aides qui existent.", permanence, 8, 10, 3, worker1, nord);
        var droits = Session("Droits et devoirs des résidents", "Le contrat, le règlement intérieur, la redevance et l'accompagnement : ce que chacun peut attendre et ce qui est attendu.", office, 12, 14, 12, worker2, sud);
        var sante = Session("Santé", "L'accès aux soins, la complémentaire santé solidaire et le médecin traitant, avec une infirmière du centre de santé.", permanence, 17, 14, 8, worker2, null);
        var budget = Session("Budget", "Construire son budget mensuel et anticiper les dépenses du logement.", office, 24, 10, 10, worker1, null);
        var passe = Session("Mon logement et moi", "Bien vivre dans son logement : entretien, voisinage, petites réparations, à qui s'adresser.", office, -14, 14, 10, worker1, nord, plannedDaysAgo: 40);

        // Nearly full: two of three seats taken by the demo residents.
        Register(energie, resident1.Id, now.AddDays(-3));
        Register(energie, resident2.Id, now.AddDays(-2));
        // The past one: resident1 came, resident2 did not.
        Register(passe, resident1.Id, now.AddDays(-30));
        Register(passe, resident2.Id, now.AddDays(-29));
        passe.RecordAttendance(new Dictionary<string, bool> { [resident1.Id] = true, [resident2.Id] = false }, now);

        db.Workshops.AddRange(logement, energie, droits, sante, budget, passe);
        await db.SaveChangesAsync(ct);
    }

    private static void Register(Workshop workshop, string personId, DateTime atUtc) =>
        workshop.Apply(s => s.Register(personId, atUtc), atUtc);
}
