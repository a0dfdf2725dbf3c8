using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace Portal.CaseFiles;

/// Who is looking, and so what they may reach, for every kind of record in /suivi. The one rule
/// (DESIGN, "Access"): a manager reaches everything; a social worker their team's households and
/// requests, and the households they are the referent of in other teams (a referent who changed team
/// keeps their caseload). Everything else follows its household: a measure, a stay, a journal entry,
/// a document about a household. A request with no household yet follows its team only; a committee
/// session's items follow their request or household (<see cref="Portal.Housing.AgendaAccess"/>);
/// a document about no household follows its subject (<see cref="Portal.Documents.DocumentDesk"/>).
/// Residents never get a scope: /suivi is closed to them by convention.
public sealed record StaffScope(string UserId, string UserName, bool IsManager, int? TeamId)
{
    /// The scope of a staff member already loaded (saves reading them again).
    public static StaffScope For(ClaimsPrincipal principal, PortalUser me) =>
        new(me.Id, string.IsNullOrWhiteSpace(me.FullName) ? me.Email ?? "" : me.FullName, principal.IsInRole(Roles.Manager), me.TeamId);

    public static async Task<StaffScope> ForAsync(ClaimsPrincipal principal, PortalDbContext db, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user expected.");
        // The request's session check read the account a moment ago, in the same query as the
        // session: a change of team is seen at the next request all the same.
        var user = db.SignedIn is { } signedIn && signedIn.UserId == id
            ? signedIn
            : await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new SignedInAccount(u.Id, u.FullName, u.Email, u.TeamId)).SingleAsync(ct);
        return new StaffScope(id, string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName,
            principal.IsInRole(Roles.Manager), user.TeamId);
    }

    /// The households this person may open.
    public IQueryable<Household> Visible(IQueryable<Household> households) =>
        IsManager ? households : households.Where(h => (TeamId != null && h.TeamId == TeamId) || h.ReferentId == UserId);

    /// The measures of the households this person may open that are followed (not exited): the
    /// same rule as <see cref="Visible(IQueryable{Household})"/>, read from the copy of the
    /// household's team, referent and status each measure carries (<see cref="HouseholdScopeCopy"/>),
    /// without looking up the households.
    public IQueryable<SupportMeasure> VisibleOfActiveHouseholds(IQueryable<SupportMeasure> measures)
    {
        var active = measures.Where(m => EF.Property<HouseholdStatus?>(m, HouseholdScopeCopy.Status) == HouseholdStatus.Active);
        return IsManager ? active : active.Where(m =>
            (TeamId != null && EF.Property<int?>(m, HouseholdScopeCopy.TeamId) == TeamId)
            || EF.Property<string?>(m, HouseholdScopeCopy.ReferentId) == UserId);
    }

    /// The housing requests this person may open: never drafts; a manager every team's, a social
    /// worker their own team's (one with no team none, not the requests no team covers yet).
    public IQueryable<HousingRequest> Visible(IQueryable<HousingRequest> requests)
    {
        // SubmittedAtUtc is set by Submit, so "not a draft" is also "has a submission date": this
        // lets the (SubmittedAtUtc) and (TeamId, Status, SubmittedAtUtc) indexes serve the queue.
        var query = requests.Where(r => r.Status != RequestStatus.Draft && r.SubmittedAtUtc != null);
        if (IsManager) return query;
        if (TeamId is not { } teamId) return query.Where(r => false);
        return query.Where(r => r.TeamId == teamId);
    }

    /// The counts of the requests <see cref="Visible(IQueryable{HousingRequest})"/> gives, kept by
    /// the database per team and status (see <see cref="RequestCount"/>).
    public IQueryable<RequestCount> Visible(IQueryable<RequestCount> counts)
    {
        var query = counts.Where(c => c.Status != RequestStatus.Draft);
        if (IsManager) return query;
        if (TeamId is not { } teamId) return query.Where(c => false);
        return query.Where(c => c.TeamKey == teamId);
    }

    public bool CanOpen(Household household) =>
        IsManager || (TeamId is not null && household.TeamId == TeamId) || household.ReferentId == UserId;

    public bool CanOpen(int? householdTeamId, string? householdReferentId) =>
        IsManager || (TeamId is not null && householdTeamId == TeamId) || householdReferentId == UserId;

    /// The text of a confidential journal entry: the referent and managers only.
    public bool CanReadConfidential(string? householdReferentId) => IsManager || householdReferentId == UserId;

    /// Adds an audit line to the context (saved with the caller's changes, or on its own).
    public AuditEntry Audit(PortalDbContext db, string action, long? householdId, DateTime nowUtc, string? detail = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = nowUtc, UserId = UserId, UserName = UserName, Action = action, HouseholdId = householdId,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}

public static class AuditActions
{
    public const string OpenedFile = "Ouverture du dossier";
    public const string ChangedFile = "Modification du dossier";
    public const string ExportedDocument = "Génération d'un document";
}
