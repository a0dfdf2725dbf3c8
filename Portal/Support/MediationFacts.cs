using Portal.Data;
using Portal.Domain.Support;

namespace Portal.Support;

/// One mediation as figures count it: its household (and team), issue, dates and outcome.
public sealed record MediationFact(long Id, long HouseholdId, int? TeamId, MediationIssue Issue, DateOnly StartedOn, DateOnly? EndedOn, MediationOutcome? Outcome);

/// Landlord–tenant mediations for reports and statistics: one query to count from, by issue,
/// outcome, team or month.
public static class MediationFacts
{
    /// The mediations that ran at some time in [firstDay, lastDay] (both included), of the households given
    /// (pass a scope's visible households to count only those; all households by default).
    public static IQueryable<MediationFact> During(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, IQueryable<Household>? households = null) =>
        from m in db.Mediations
        join h in households ?? db.Households on m.HouseholdId equals h.Id
        where m.StartedOn <= lastDay && (m.EndedOn == null || m.EndedOn >= firstDay)
        select new MediationFact(m.Id, m.HouseholdId, h.TeamId, m.Issue, m.StartedOn, m.EndedOn, m.Outcome);
}
