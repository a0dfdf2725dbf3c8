using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Partners;

namespace Portal.Partners;

/// What the association sees of an orientation's origin: the partner, who sent it, how urgent, and
/// the person's consent.
public sealed record OrientationInfo(
    string OrganisationName, PartnerKind Kind, string? OrientedByName, string? OrientedByEmail, string? OrganisationPhone,
    OrientationUrgency? Urgency, ConsentMethod? ConsentMethod, DateOnly? ConsentGivenOn, bool AwaitsPersonAccount)
{
    public static Task<OrientationInfo?> ForRequestAsync(PortalDbContext db, long requestId, CancellationToken ct) =>
        (from r in db.HousingRequests.AsNoTracking().Where(r => r.Id == requestId)
         join o in db.PartnerOrganisations on r.PartnerOrganisationId equals o.Id
         select new OrientationInfo(
             o.Name, o.Kind,
             db.Users.Where(u => u.Id == r.OrientedById).Select(u => u.FullName).FirstOrDefault(),
             db.Users.Where(u => u.Id == r.OrientedById).Select(u => u.Email).FirstOrDefault(),
             o.Phone, r.Urgency, r.ConsentMethod, r.ConsentGivenOn,
             r.OrientedById != null && r.ApplicantId == r.OrientedById))
            .SingleOrDefaultAsync(ct);
}
