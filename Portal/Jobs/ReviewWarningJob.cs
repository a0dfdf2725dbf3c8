using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Support;

namespace Portal.Jobs;

/// Every day, warns each household's referent of the reviews coming within the window (or late)
/// that they were not warned about yet. Safe to run twice: the email and the measure's
/// ReviewsWarnedUntil are saved together, and a review already warned about is not picked again.
public sealed class ReviewWarningJob(PortalDbContext db, PublicLinks links, TimeProvider clock, ILogger<ReviewWarningJob> log)
{
    public const string RecurringJobId = "bilans-a-preparer";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Bilans de mesures à préparer")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = SupportFiles.Today(clock);
        // Active measures of followed households with a referent, whose next review is past or within
        // the window (the others have nothing to warn about).
        var window = ReviewSchedule.LastDueDay(today);
        var candidates = await db.SupportMeasures.AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Active && (m.NextReviewOn == null || m.NextReviewOn <= window))
            .Join(db.Households.Where(h => h.Status == HouseholdStatus.Active && h.ReferentId != null),
                m => m.HouseholdId, h => h.Id, (m, h) => m.Id)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var id in candidates)
        {
            var measure = await db.SupportMeasures.Include(m => m.RecordedReviews).Include(m => m.Renewals)
                .SingleOrDefaultAsync(m => m.Id == id, ct);
            if (measure is null) continue;
            var warn = ReviewSchedule.ToWarn([measure], today).ToList();
            if (warn.Count == 0) continue;
            var household = await db.Households.AsNoTracking().Where(h => h.Id == measure.HouseholdId)
                .Join(db.Users, h => h.ReferentId, u => u.Id, (h, u) => new { h.Id, h.Name, u.Email, u.FullName }).SingleOrDefaultAsync(ct);
            if (household?.Email is not { Length: > 0 } email) continue;
            var link = links.Absolute(MeasureLinks.Reviews(household.Id, measure.Id));
            EmailOutbox.Queue(db, email, household.FullName, StaffEmails.ReviewDue(household.FullName, household.Name, measure, warn, link));
            measure.MarkReviewWarningSent(warn.Max(r => r.DueOn));
            await db.SaveChangesAsync(ct);
            sent++;
        }
        if (sent > 0) log.LogInformation("Queued {Count} review warnings", sent);
        return sent;
    }
}
