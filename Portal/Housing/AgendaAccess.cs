using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Pages.Suivi.Demandes;
using RequestScope = Portal.Pages.Suivi.Demandes.StaffScope;
using HouseholdScope = Portal.CaseFiles.StaffScope;

namespace Portal.Housing;

/// What a staff member may see of a committee's agenda: a manager everything; a social worker the
/// requests of their team and the households they may open. The rest stays hidden (404).
public sealed class AgendaAccess
{
    public sealed record Subject(AgendaSubject Kind, long Id, string Title, string? Link, RequestStatus? RequestStatus, long? HouseholdId);

    private AgendaAccess(HouseholdScope households, RequestScope requests)
    {
        Households = households;
        Requests = requests;
    }

    public HouseholdScope Households { get; }
    public RequestScope Requests { get; }
    public bool IsManager => Households.IsManager;

    public static async Task<AgendaAccess> ForAsync(ClaimsPrincipal user, PortalDbContext db, CancellationToken ct) =>
        For(await HouseholdScope.ForAsync(user, db, ct));

    public static AgendaAccess For(HouseholdScope households) =>
        new(households, new RequestScope(households.IsManager, households.TeamId));

    /// The subjects the user may see, by (kind, id); missing ones are hidden from them.
    public async Task<Dictionary<(AgendaSubject, long), Subject>> VisibleAsync(PortalDbContext db, IEnumerable<(AgendaSubject Kind, long Id)> subjects, CancellationToken ct)
    {
        var list = subjects.ToList();
        var requestIds = list.Where(s => s.Kind == AgendaSubject.Request).Select(s => s.Id).Distinct().ToList();
        var householdIds = list.Where(s => s.Kind == AgendaSubject.Household).Select(s => s.Id).Distinct().ToList();
        var result = new Dictionary<(AgendaSubject, long), Subject>();
        if (requestIds.Count > 0)
        {
            var requests = await RequestQueueQuery.Visible(db.HousingRequests.AsNoTracking(), Requests)
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
            var households = await Households.Visible(db.Households.AsNoTracking()).Where(h => householdIds.Contains(h.Id))
                .Select(h => new { h.Id, h.Name }).ToListAsync(ct);
            foreach (var h in households)
                result[(AgendaSubject.Household, h.Id)] = new Subject(AgendaSubject.Household, h.Id, $"Ménage {h.Name}", null, null, h.Id);
        }
        return result;
    }

    public async Task<bool> CanSeeAsync(PortalDbContext db, AgendaSubject kind, long id, CancellationToken ct) =>
        (await VisibleAsync(db, [(kind, id)], ct)).ContainsKey((kind, id));
}
