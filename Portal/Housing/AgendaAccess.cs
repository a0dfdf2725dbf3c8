using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;

namespace Portal.Housing;

/// What a staff member may see of a committee's agenda: a manager everything; a social worker the
/// requests of their team and the households they may open. The rest stays hidden (404).
public sealed class AgendaAccess
{
    public sealed record Subject(AgendaSubject Kind, long Id, string Title, string? Link, RequestStatus? RequestStatus, long? HouseholdId);

    private AgendaAccess(StaffScope scope) => Scope = scope;

    public StaffScope Scope { get; }
    public bool IsManager => Scope.IsManager;

    public static async Task<AgendaAccess> ForAsync(ClaimsPrincipal user, PortalDbContext db, CancellationToken ct) =>
        For(await StaffScope.ForAsync(user, db, ct));

    public static AgendaAccess For(StaffScope scope) => new(scope);

    /// The subjects the user may see, by (kind, id); missing ones are hidden from them.
    public async Task<Dictionary<(AgendaSubject, long), Subject>> VisibleAsync(PortalDbContext db, IEnumerable<(AgendaSubject Kind, long Id)> subjects, CancellationToken ct)
    {
        var list = subjects.ToList();
        var requestIds = list.Where(s => s.Kind == AgendaSubject.Request).Select(s => s.Id).Distinct().ToList();
        var householdIds = list.Where(s => s.Kind == AgendaSubject.Household).Select(s => s.Id).Distinct().ToList();
        var result = new Dictionary<(AgendaSubject, long), Subject>();
        if (requestIds.Count > 0)
        {
            var requests = await Scope.Visible(db.HousingRequests.AsNoTracking())
                .Where(r => requestIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Reference, r.ApplicantName, r.Status }).ToListAsync(ct);
            var opened = await db.Households.AsNoTracking().Where(h => h.HousingRequestId != null && requestIds.Contains(h.HousingRequestId.Value))
                .Select(h => new { h.Id, RequestId = h.HousingRequestId!.Value }).ToListAsync(ct);
            foreach (var r in requests)
                result[(AgendaSubject.Request, r.Id)] = new Subject(AgendaSubject.Request, r.Id, $"Demande {r.Reference} — {r.ApplicantName}",
                    $"/suivi/demandes/{r.Id}", r.Status, opened.FirstOrDefault(o => o.RequestId == r.Id)?.Id);
        }
        if (householdIds.Count > 0)
        {
            var households = await Scope.Visible(db.Households.AsNoTracking()).Where(h => householdIds.Contains(h.Id))
                .Select(h => new { h.Id, h.Name }).ToListAsync(ct);
            foreach (var h in households)
                result[(AgendaSubject.Household, h.Id)] = new Subject(AgendaSubject.Household, h.Id, $"Ménage {h.Name}", null, null, h.Id);
        }
        return result;
    }

    public async Task<bool> CanSeeAsync(PortalDbContext db, AgendaSubject kind, long id, CancellationToken ct) =>
        (await VisibleAsync(db, [(kind, id)], ct)).ContainsKey((kind, id));
}
