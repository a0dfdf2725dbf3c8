using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Workshops;

namespace Portal.Workshops;

/// Which sessions a member of staff may see and change: a manager all of them; a social worker the
/// sessions of their team, those they lead, and those of no team. A session out of reach answers 404.
/// (Residents see every upcoming session in their space: this is for /suivi only.)
public static class WorkshopAccess
{
    public static IQueryable<Workshop> Reachable(this StaffScope scope, IQueryable<Workshop> workshops)
    {
        if (scope.IsManager) return workshops;
        var team = scope.TeamId;
        var me = scope.UserId;
        return team is null
            ? workshops.Where(w => w.TeamId == null || w.LeaderId == me)
            : workshops.Where(w => w.TeamId == null || w.TeamId == team || w.LeaderId == me);
    }

    public static bool CanReach(this StaffScope scope, int? teamId, string leaderId) =>
        scope.IsManager || teamId is null || (scope.TeamId is not null && teamId == scope.TeamId) || leaderId == scope.UserId;
}
