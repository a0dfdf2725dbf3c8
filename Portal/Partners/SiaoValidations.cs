using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Partners;

namespace Portal.Partners;

public sealed record SiaoRow(long Id, string Organisation, SiaoValidationStatus Status, DateTime RequestedAtUtc, string RequestedByName,
    DateTime? DecidedAtUtc, string? DecidedByName, string? DecisionNote);

/// The SIAO's validation of a candidate, asked on a request or on the household file opened from it:
/// the latest answer counts (a refused candidate may be presented again later).
public static class SiaoValidations
{
    public static IQueryable<SiaoValidation> For(PortalDbContext db, long? requestId, long? householdId) =>
        db.SiaoValidations.AsNoTracking().Where(v =>
            (requestId != null && v.HousingRequestId == requestId) || (householdId != null && v.HouseholdId == householdId));

    public static Task<SiaoRow?> LatestAsync(PortalDbContext db, long? requestId, long? householdId, CancellationToken ct) =>
        For(db, requestId, householdId)
            .OrderByDescending(v => v.RequestedAtUtc).ThenByDescending(v => v.Id)
            .Select(v => new SiaoRow(v.Id, v.PartnerOrganisation!.Name, v.Status, v.RequestedAtUtc, v.RequestedByName, v.DecidedAtUtc, v.DecidedByName, v.DecisionNote))
            .FirstOrDefaultAsync(ct);

    /// For a household: its own validations and those of the request it came from.
    public static async Task<SiaoRow?> ForHouseholdAsync(PortalDbContext db, long householdId, CancellationToken ct)
    {
        var requestId = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.HousingRequestId).FirstOrDefaultAsync(ct);
        return await LatestAsync(db, requestId, householdId, ct);
    }

    /// Throws the French refusal at the field unless an IML measure may open for this household.
    public static async Task RequireForMeasureAsync(PortalDbContext db, long householdId, Portal.Domain.Support.SupportKind kind, string field, CancellationToken ct)
    {
        if (kind != Portal.Domain.Support.SupportKind.Iml) return;
        var latest = await ForHouseholdAsync(db, householdId, ct);
        SiaoRule.RequireFor(kind, latest?.Status, field);
    }
}
