using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Support;

namespace Portal.Support;

/// A review of a measure, with the household it concerns, for the staff dashboard.
public sealed record DashboardReview(long HouseholdId, string HouseholdName, long MeasureId, SupportKind Kind, ScheduledReview Review)
{
    public string Url => MeasureLinks.Reviews(HouseholdId, MeasureId);
}

/// The reviews the dashboard lists: late ones (in red) and those to do within the window, among
/// the households this person may open.
public static class SupportDashboard
{
    public static async Task<(IReadOnlyList<DashboardReview> Late, IReadOnlyList<DashboardReview> Due)> ReviewsAsync(
        PortalDbContext db, StaffScope scope, DateOnly today, CancellationToken ct = default)
    {
        var households = scope.Visible(db.Households.AsNoTracking()).Where(h => h.Status == HouseholdStatus.Active);
        var window = ReviewSchedule.LastDueDay(today);
        var measures = await db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews).Include(m => m.Renewals)
            .Where(m => m.Status == MeasureStatus.Active && (m.NextReviewOn == null || m.NextReviewOn <= window)
                        && households.Any(h => h.Id == m.HouseholdId))
            .AsSplitQuery().ToListAsync(ct);
        var ids = measures.Select(m => m.HouseholdId).Distinct().ToList();
        var names = await households.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var byId = measures.ToDictionary(m => m.Id);
        DashboardReview Row(ScheduledReview r) =>
            new(byId[r.MeasureId].HouseholdId, names.GetValueOrDefault(byId[r.MeasureId].HouseholdId, "—"), r.MeasureId, byId[r.MeasureId].Kind, r);
        return (ReviewSchedule.Late(measures, today).Select(Row).ToList(), ReviewSchedule.Due(measures, today).Select(Row).ToList());
    }
}
