using Portal.Data;
using Portal.Domain.Support;

namespace Portal.Support;

/// One mediation as figures count it: its household (and team), issue, dates and outcome. Init
/// properties, not a constructor, so a query can go on filtering and grouping on them in SQL.
public sealed record MediationFact
{
    public long Id { get; init; }
    public long HouseholdId { get; init; }
    public int? TeamId { get; init; }
    public MediationIssue Issue { get; init; }
    public DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public MediationOutcome? Outcome { get; init; }
}

/// Landlord–tenant mediations for reports and statistics: one query to count from, by issue,
/// outcome, team or month.
public static class MediationFacts
{
    /// The mediations that ran at some time in [firstDay, lastDay] (both included), of the households given
    /// (pass a scope's visible households to count only those; all households by default).
    public static IQueryable<MediationFact> During(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, IQueryable<Household>? households = null)
    {
        var source = households ?? db.Households;
        return db.Mediations
            .Where(m => m.StartedOn <= lastDay && (m.EndedOn == null || m.EndedOn >= firstDay))
            .Join(source, m => m.HouseholdId, h => h.Id, (m, h) => new MediationFact
            {
                Id = m.Id, HouseholdId = m.HouseholdId, TeamId = h.TeamId, Issue = m.Issue, StartedOn = m.StartedOn, EndedOn = m.EndedOn, Outcome = m.Outcome,
            });
    }
}
