using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;
using Portal.Email;

namespace Portal.Jobs;

/// Sends one email row. The row is claimed (Running, held by this node) before the SMTP transaction
/// and marked Done the moment the server accepts the message, before the connection closes: a crash
/// can only repeat a message in the few milliseconds between the two, and then with the same
/// Message-Id. A failure gives the row back with a short back-off; the sweeper tries it again. A
/// message sent after failing, or once the server answers again, sends at once the others waiting
/// out their back-off.
public sealed class SendEmailJob(PortalDbContext db, IMailTransport transport, WorkNode node, MailServerStatus server,
    IBackgroundJobClient jobs, TimeProvider clock, ILogger<SendEmailJob> log)
{
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Envoi du courriel n° {0}")]
    public async Task RunAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var working = await WorkJobs.StartAsync(db.OutboundEmails, id, node, now, log, ct);
        if (working is null) return;

        var email = await db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        var recorded = false;
        server.Attempting();
        try
        {
            await transport.SendAsync(email, async () =>
            {
                recorded = true;
                await WorkJobs.CompleteAsync(db.OutboundEmails, id, node, clock.GetUtcNow().UtcDateTime);
            }, ct);
        }
        catch (Exception ex) when (!recorded)
        {
            server.Answered(reached: ex is not MailServerUnreachableException);
            log.LogWarning(ex, "Email {EmailId} attempt {Attempt} failed", id, email.Attempts);
            await WorkJobs.FailAsync(db.OutboundEmails, id, node, email.Attempts, email.CreatedAtUtc, ex, clock.GetUtcNow().UtcDateTime);
            return;
        }
        var serverWasUnreachable = server.Answered(reached: true);
        log.LogInformation("Email {EmailId} sent", id);
        // Sent after failing: the mail server answers again, so the emails waiting out a back-off go
        // now rather than at their own next try (up to half a minute away, each).
        if (email.Attempts > 1 || serverWasUnreachable) await SendWaitingNowAsync();
        if (email.ForgetWhenSent)
            await db.OutboundEmails.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ToAddress, "").SetProperty(e => e.ToName, (string?)null)
                .SetProperty(e => e.TextBody, "").SetProperty(e => e.HtmlBody, ""), CancellationToken.None);
    }

    private async Task SendWaitingNowAsync()
    {
        // Those due already too: the sweeper may hold them back for a while after enqueuing them
        // once, and a second job for a row finds it taken and does nothing.
        var waiting = await db.OutboundEmails.Where(e => e.Status == WorkStatus.Pending && e.NotBeforeUtc != null)
            .OrderBy(e => e.Id).Select(e => e.Id).Take(500).ToListAsync(CancellationToken.None);
        if (waiting.Count == 0) return;
        await db.OutboundEmails.Where(e => waiting.Contains(e.Id) && e.Status == WorkStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, (DateTime?)null), CancellationToken.None);
        foreach (var waitingId in waiting) WorkJobs.Enqueue(jobs, new OutboundEmail(), waitingId);
        log.LogInformation("The mail server answers again: {Count} waiting emails sent now", waiting.Count);
    }
}
