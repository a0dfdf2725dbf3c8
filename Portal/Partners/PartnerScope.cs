using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Partners;

/// What a partner's account reaches: the orientations its organisation sent, the SIAO validations
/// asked of it, the lease reviews it is invited to. Anything else answers 404.
public sealed record PartnerScope(string UserId, string UserName, string? Email, int OrganisationId, string OrganisationName, PartnerKind Kind)
{
    /// Null for an account with no organisation (or a deactivated one): it reaches nothing.
    public static async Task<PartnerScope?> ForAsync(ClaimsPrincipal principal, PortalDbContext db, CancellationToken ct)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.PartnerOrganisation != null && u.PartnerOrganisation.IsActive)
            .Select(u => new { u.FullName, u.Email, OrgId = u.PartnerOrganisation!.Id, OrgName = u.PartnerOrganisation.Name, u.PartnerOrganisation.Kind })
            .SingleOrDefaultAsync(ct);
        return me is null ? null : new PartnerScope(id, me.FullName, me.Email, me.OrgId, me.OrgName, me.Kind);
    }

    public IQueryable<HousingRequest> Orientations(IQueryable<HousingRequest> requests) =>
        requests.Where(r => r.PartnerOrganisationId == OrganisationId && r.SubmittedAtUtc != null);

    public IQueryable<SiaoValidation> Validations(IQueryable<SiaoValidation> validations) =>
        validations.Where(v => v.PartnerOrganisationId == OrganisationId);

    public IQueryable<LeaseReviewInvitation> Reviews(IQueryable<LeaseReviewInvitation> reviews) =>
        reviews.Where(v => v.PartnerOrganisationId == OrganisationId);

    public string Signature => $"{UserName} ({OrganisationName})";
}
