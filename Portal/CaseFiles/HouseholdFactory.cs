using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.CaseFiles;

/// Opens household files. From a request, everything the person entered is copied (members,
/// resources, situation, contacts) and the file stays linked to the request and to the person's
/// account; a request gives at most one household (unique index on Household.HousingRequestId).
public static class HouseholdFactory
{
    /// The household already opened from this request, or a new one added to the context (not saved).
    public static async Task<Household> FromRequestAsync(PortalDbContext db, long housingRequestId, DateTime nowUtc, string? referentId = null, CancellationToken ct = default)
    {
        var existing = await db.Households.FirstOrDefaultAsync(h => h.HousingRequestId == housingRequestId, ct);
        if (existing is not null) return existing;

        var request = await db.HousingRequests
            .Include(r => r.Members).Include(r => r.Incomes)
            .AsSplitQuery()
            .SingleAsync(r => r.Id == housingRequestId, ct);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == request.ApplicantId)
            .Select(u => new { u.FullName, u.PhoneNumber, u.Email }).SingleOrDefaultAsync(ct);
        var org = request.PartnerOrganisationId is { } orgId ? await db.PartnerOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct) : null;

        // "NOM Prénom" like every other file, from the applicant as the request lists them.
        var applicant = request.Members.OrderBy(m => m.Position).FirstOrDefault(m => m.Relationship == Relationship.Applicant);
        var name = applicant is not null && !string.IsNullOrWhiteSpace(applicant.LastName)
            ? Portal.Domain.Formatting.French.PersonName(applicant.LastName, applicant.FirstName)
            : string.IsNullOrWhiteSpace(request.ApplicantName) ? account?.FullName ?? "Ménage" : request.ApplicantName;
        var household = new Household
        {
            Name = name,
            SearchName = SearchKey(name),
            TeamId = request.TeamId,
            ReferentId = referentId ?? request.ReferentId,
            HousingRequestId = request.Id,
            // An orientation whose person has no account yet: the partner is no resident of the file.
            ResidentId = request.AwaitsPersonAccount ? null : request.ApplicantId,
            Phone = request.Phone ?? (request.AwaitsPersonAccount ? null : account?.PhoneNumber),
            Email = request.AwaitsPersonAccount ? null : account?.Email,
            Address = request.CurrentAddress,
            Town = request.CurrentTown,
            Situation = request.Situation,
            SituationDetails = request.SituationDetails,
            TargetGroups = request.TargetGroups,
            IsDalo = request.IsDalo,
            IsSingleParent = request.IsSingleParent,
            // The rent the person said they can pay, so the file's 30 % line shows without retyping it.
            CurrentRent = request.AffordableRent,
            CurrentCharges = request.AffordableCharges,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        var persons = new Dictionary<long, HouseholdPerson>();
        foreach (var m in request.Members.OrderBy(m => m.Position))
        {
            var person = new HouseholdPerson
            {
                FirstName = m.FirstName, LastName = m.LastName, BirthDate = m.BirthDate, Relationship = m.Relationship, Position = m.Position,
            };
            persons[m.Id] = person;
            household.Persons.Add(person);
        }
        foreach (var i in request.Incomes)
            household.Incomes.Add(new HouseholdIncome
            {
                Kind = i.Kind, MonthlyAmount = i.MonthlyAmount,
                Person = i.HouseholdMemberId is { } mid && persons.TryGetValue(mid, out var p) ? p : null,
            });
        if (org is not null)
        {
            var orienter = request.OrientedById is { } oid ? await db.Users.AsNoTracking().Where(u => u.Id == oid).Select(u => new { u.FullName, u.Email }).FirstOrDefaultAsync(ct) : null;
            household.Partners.Add(new HouseholdPartner
            {
                Kind = org.Kind, Organisation = org.Name, ContactName = orienter?.FullName, Email = orienter?.Email ?? org.Email, Phone = org.Phone,
                Notes = $"A orienté le ménage (demande {request.Reference}).",
            });
        }
        db.Households.Add(household);
        return household;
    }

    /// Search key for a household name (accent-free upper case), as used by the household search.
    public static string SearchKey(string name) => RequestReference.SearchKey(name);
}
