using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Email;
using Portal.Housing;
using Portal.Infrastructure;

namespace Portal.Jobs;

/// Every day, emails the referent of each stay ending within a month: time to renew it or to
/// prepare the exit. Safe to run twice: the email and the "warned for this end" mark are saved
/// together, and a renewal moves the end, which arms the warning again.
public sealed class StayEndWarningJob(PortalDbContext db, PublicLinks links, TimeProvider clock, ILogger<StayEndWarningJob> log)
{
    public const string RecurringJobId = "fins-de-sejour";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Avertissements de fin de séjour")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = StockQueries.Today(clock);
        var horizon = today.AddMonths(1);
        var candidates = await db.Stays.Where(s => s.Status == StayStatus.Active && s.EndsOn <= horizon).ToListAsync(ct);
        var count = 0;
        foreach (var stay in StayWarnings.ToWarn(candidates, today).ToList())
        {
            var household = await db.Households.AsNoTracking().Where(h => h.Id == stay.HouseholdId)
                .Select(h => new { h.Name, Email = db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.Email).FirstOrDefault(), Referent = db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault() })
                .SingleOrDefaultAsync(ct);
            var place = await db.Dwellings.AsNoTracking().Where(d => d.Id == stay.DwellingId)
                .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => d.Label + " (" + r.Name + ")")
                .SingleOrDefaultAsync(ct);
            if (household is { Email: { Length: > 0 } email })
                EmailOutbox.Queue(db, email, household.Referent, StaffEmails.StayEnding(
                    household.Referent, household.Name, place ?? "", stay.EndsOn, stay.EndsOn <= today,
                    links.Absolute($"/suivi/sejours/{stay.Id}")));
            else
                log.LogWarning("Stay {StayId} ends on {EndsOn} but its household has no referent to warn", stay.Id, stay.EndsOn);
            stay.MarkEndWarningSent();
            await db.SaveChangesAsync(ct);
            count++;
        }
        if (count > 0) log.LogInformation("Warned about {Count} stays ending soon", count);
        return count;
    }
}
