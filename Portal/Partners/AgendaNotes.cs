using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Partners;

namespace Portal.Partners;

/// What a committee's agenda says of an item's partners: who oriented it and with what urgency,
/// and the SIAO's answer on an IML candidate.
public static class AgendaNotes
{
    public static async Task<Dictionary<long, List<string>>> ForAsync(PortalDbContext db,
        IReadOnlyList<(long ItemId, long? RequestId, long? HouseholdId)> items, CancellationToken ct)
    {
        var notes = new Dictionary<long, List<string>>();
        if (items.Count == 0) return notes;
        var householdIds = items.Where(i => i.HouseholdId is not null).Select(i => i.HouseholdId!.Value).ToList();
        var householdRequests = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id) && h.HousingRequestId != null)
            .Select(h => new { h.Id, h.HousingRequestId }).ToDictionaryAsync(h => h.Id, h => h.HousingRequestId!.Value, ct);
        long? RequestOf((long ItemId, long? RequestId, long? HouseholdId) i) =>
            i.RequestId ?? (i.HouseholdId is { } h && householdRequests.TryGetValue(h, out var r) ? r : null);
        var requestIds = items.Select(RequestOf).Where(r => r is not null).Select(r => r!.Value).Distinct().ToList();
        var orientations = await db.HousingRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Join(db.PartnerOrganisations, r => r.PartnerOrganisationId, o => o.Id, (r, o) => new { r.Id, o.Name, r.Urgency }).ToDictionaryAsync(r => r.Id, ct);
        var validations = await db.SiaoValidations.AsNoTracking()
            .Where(v => (v.HousingRequestId != null && requestIds.Contains(v.HousingRequestId.Value)) || (v.HouseholdId != null && householdIds.Contains(v.HouseholdId.Value)))
            .Select(v => new { v.HousingRequestId, v.HouseholdId, v.Status, v.RequestedAtUtc, v.Id, Org = v.PartnerOrganisation!.Name }).ToListAsync(ct);
        foreach (var item in items)
        {
            var list = new List<string>();
            var requestId = RequestOf(item);
            if (requestId is { } rid && orientations.TryGetValue(rid, out var o))
                list.Add($"Orientée par {o.Name}" + (o.Urgency is { } u ? $", urgence : {u.Label().ToLowerInvariant()}" : ""));
            var latest = validations.Where(v => (requestId is not null && v.HousingRequestId == requestId) || (item.HouseholdId is not null && v.HouseholdId == item.HouseholdId))
                .OrderByDescending(v => v.RequestedAtUtc).ThenByDescending(v => v.Id).FirstOrDefault();
            if (latest is not null) list.Add($"Validation SIAO (IML) : {latest.Status.Label().ToLowerInvariant()} ({latest.Org})");
            if (list.Count > 0) notes[item.ItemId] = list;
        }
        return notes;
    }
}
