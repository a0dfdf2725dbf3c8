using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Housing;
using Portal.Requests;

namespace Portal.Jobs;

/// Every hour, moves to « entrée dans les lieux » the requests whose household's stay has started
/// (the committee allocated a dwelling with a later entry date), and tells the applicant. Safe to
/// run twice: a request already moved in is no longer a candidate.
public sealed class MoveInJob(PortalDbContext db, RequestNotifier notifier, TimeProvider clock, ILogger<MoveInJob> log)
{
    public const string RecurringJobId = "entrees-dans-les-lieux";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Entrées dans les lieux")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = StockQueries.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var started = await db.Households.AsNoTracking()
            .Where(h => h.HousingRequestId != null && db.HousingRequests.Any(r => r.Id == h.HousingRequestId && r.Status == RequestStatus.HousingOffered))
            .Select(h => new
            {
                RequestId = h.HousingRequestId!.Value,
                StartsOn = db.Stays.Where(s => s.HouseholdId == h.Id && s.StartsOn <= today)
                    .OrderByDescending(s => s.StartsOn).Select(s => (DateOnly?)s.StartsOn).FirstOrDefault(),
            })
            .Where(x => x.StartsOn != null)
            .ToListAsync(ct);
        foreach (var x in started)
        {
            var request = await db.HousingRequests.SingleAsync(r => r.Id == x.RequestId, ct);
            if (!RequestStateMachine.CanApply(request.Status, RequestAction.MoveIn)) continue;
            var note = $"Entrée dans le logement le {French.Date(x.StartsOn!.Value)}.";
            request.Move(RequestAction.MoveIn, null, "Passerelle", now, note);
            if (await db.Users.FindAsync([request.ApplicantId], ct) is { Email: not null } applicant)
                notifier.StatusChanged(request, applicant, note);
            await db.SaveChangesAsync(ct);
        }
        if (started.Count > 0) log.LogInformation("Moved {Count} requests to moved-in", started.Count);
        return started.Count;
    }
}
