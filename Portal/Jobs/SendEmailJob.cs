using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;
using Portal.Email;

namespace Portal.Jobs;

public sealed class SendEmailJob(PortalDbContext db, IMailTransport transport, TimeProvider clock, ILogger<SendEmailJob> log)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 5, 30, 120 })]
    [DisplayName("Envoi du courriel n° {0}")]
    public async Task RunAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await WorkJobs.ClaimAsync(db.OutboundEmails, id, now, ct))
        {
            log.LogInformation("Email {EmailId} already sent, held by another worker, or gone", id);
            return;
        }

        var email = await db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        try
        {
            await transport.SendAsync(email, ct);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Email {EmailId} attempt {Attempt} failed", id, email.Attempts);
            await WorkJobs.FailAsync(db.OutboundEmails, id, email.Attempts, ex, clock.GetUtcNow().UtcDateTime);
            throw;
        }

        var done = clock.GetUtcNow().UtcDateTime;
        await db.OutboundEmails.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, WorkStatus.Done)
                .SetProperty(e => e.CompletedAtUtc, done)
                .SetProperty(e => e.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(e => e.LastError, (string?)null), CancellationToken.None);
        log.LogInformation("Email {EmailId} sent", id);
    }
}
