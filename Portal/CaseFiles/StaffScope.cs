using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;

namespace Portal.CaseFiles;

/// Who is looking at case files, and so what they may reach: a manager every household; a social
/// worker the households of their team, and those they are the referent of (a referent who changed
/// team keeps their caseload). Residents never get a scope: /suivi is closed to them by convention.
public sealed record StaffScope(string UserId, string UserName, bool IsManager, int? TeamId)
{
    public static async Task<StaffScope> ForAsync(ClaimsPrincipal principal, PortalDbContext db, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user expected.");
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.FullName, u.Email, u.TeamId }).SingleAsync(ct);
        return new StaffScope(id, string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName,
            principal.IsInRole(Roles.Manager), user.TeamId);
    }

    /// The households this person may open.
    public IQueryable<Household> Visible(IQueryable<Household> households) =>
        IsManager ? households : households.Where(h => (TeamId != null && h.TeamId == TeamId) || h.ReferentId == UserId);

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
