using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Workshops;

/// A session a household's persons attended, and who of them came.
public sealed record AttendedWorkshop(long WorkshopId, string Theme, DateTime StartsAtUtc, IReadOnlyList<string> Persons);

/// The workshops a household file counts: those its persons attended, whether they signed up with
/// the household's resident account or staff added them without one.
public static class HouseholdWorkshops
{
    public static async Task<IReadOnlyList<AttendedWorkshop>> AttendedAsync(PortalDbContext db, long householdId, string? residentId, CancellationToken ct)
    {
        var persons = await db.HouseholdPersons.AsNoTracking().Where(p => p.HouseholdId == householdId)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Relationship }).ToListAsync(ct);
        var ids = persons.Select(p => p.Id).ToList();
        var lines = await db.WorkshopSignups.AsNoTracking()
            .Where(s => s.Attended == true && ((residentId != null && s.PersonId == residentId) || (s.HouseholdPersonId != null && ids.Contains(s.HouseholdPersonId.Value))))
            .Join(db.Workshops.AsNoTracking(), s => s.WorkshopId, w => w.Id, (s, w) => new { w.Id, w.Theme, w.StartsAtUtc, s.PersonId, s.HouseholdPersonId })
            .ToListAsync(ct);
        // A line of the account with no household person is the reference person's (the account holder).
        var holder = persons.FirstOrDefault(p => p.Relationship == Relationship.Applicant) ?? persons.FirstOrDefault();
        string NameOf(long? personId)
        {
            var p = personId is { } id ? persons.FirstOrDefault(x => x.Id == id) : holder;
            return p is null ? "La personne titulaire du compte" : $"{p.FirstName} {p.LastName}".Trim();
        }
        return lines.GroupBy(l => l.Id)
            .Select(g => new AttendedWorkshop(g.Key, g.First().Theme, g.First().StartsAtUtc, g.Select(l => NameOf(l.HouseholdPersonId)).Distinct().ToList()))
            .OrderByDescending(w => w.StartsAtUtc).ToList();
    }
}
