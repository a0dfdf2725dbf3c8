using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Workshops;
using Portal.Workshops;

namespace Portal.Jobs;

/// Every 15 minutes: seats offered from a waiting list and not taken in time pass to the next
/// person, who is emailed (the person whose offer lapsed is told too). Safe to run twice: each
/// session is settled through <see cref="WorkshopRegistrations"/>, under its version check.
public sealed class WorkshopOfferJob(WorkshopRegistrations registrations, PortalDbContext db, TimeProvider clock, ILogger<WorkshopOfferJob> log)
{
    public const string RecurringJobId = "ateliers-places-proposees";
    public const string Schedule = "*/15 * * * *";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Ateliers : places proposées expirées")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Workshops.AsNoTracking()
            .Where(w => !w.IsCancelled && w.Signups.Any(s => s.Status == RegistrationStatus.Offered && s.OfferExpiresAtUtc <= now))
            .Select(w => w.Id)
            .ToListAsync(ct);
        var offers = 0;
        foreach (var id in ids)
        {
            var result = await registrations.SettleExpiredOffersAsync(id, ct);
            offers += result.OffersMade;
        }
        if (ids.Count > 0) log.LogInformation("Settled expired seat offers in {Sessions} workshop sessions; {Offers} new offers", ids.Count, offers);
        return ids.Count;
    }
}
