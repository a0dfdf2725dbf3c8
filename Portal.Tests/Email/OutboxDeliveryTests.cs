using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Work;
using Portal.Email;
using Portal.Jobs;
using Portal.Testing;

namespace Portal.Tests.Email;

[Collection(PortalCollection.Name)]
public class OutboxDeliveryTests(PortalApp app)
{
    private static Dictionary<string, string> SignUp(string email) => new()
    {
        ["Input.FullName"] = "Nora Panne",
        ["Input.Email"] = email,
        ["Input.Password"] = "Bonjour-Passerelle-1",
        ["Input.ConfirmPassword"] = "Bonjour-Passerelle-1",
        ["Input.AcceptPrivacy"] = "true",
    };

    [Fact]
    public async Task Mail_written_while_the_smtp_server_is_down_is_delivered_exactly_once_when_it_returns()
    {
        var email = $"panne-{Guid.NewGuid():N}@exemple.fr";
        await app.Mail.StopAsync();
        try
        {
            await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(email));
            var failed = await Forms.EventuallyAsync(
                () => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.ToAddress == email)),
                r => r.Attempts >= 1 && r.LastError != null && r.Status == WorkStatus.Pending,
                TimeSpan.FromSeconds(30), "a failed first attempt");
            Assert.Equal(WorkStatus.Pending, failed.Status);
        }
        finally
        {
            await app.Mail.StartAsync();
        }

        // Hangfire retries the job; the sweeper may enqueue it again too. Either way: one message.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.OutboundEmails.Where(e => e.ToAddress == email).ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, DateTime.UtcNow.AddSeconds(-1)));
            await scope.ServiceProvider.GetRequiredService<PendingWorkSweeper>().RunAsync(CancellationToken.None);
        }
        await app.Mail.WaitForAsync(email, TimeSpan.FromSeconds(60));
        var row = await Forms.EventuallyAsync(
            () => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.ToAddress == email)),
            r => r.Status == WorkStatus.Done, TimeSpan.FromSeconds(30), "the row to be marked sent");
        Assert.True(row.Attempts >= 2);

        // Let any retry still scheduled run, then count again.
        await Task.Delay(TimeSpan.FromSeconds(7));
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<SendEmailJob>().RunAsync(row.Id, CancellationToken.None);
        Assert.Single(await app.Mail.ToAsync(email));
    }

    [Fact]
    public async Task When_the_mail_server_returns_the_emails_waiting_out_a_long_back_off_leave_within_seconds()
    {
        var addresses = Enumerable.Range(1, 3).Select(i => $"retour-{i}-{Guid.NewGuid():N}@exemple.fr").ToArray();
        await app.Mail.StopAsync();
        try
        {
            foreach (var address in addresses)
                await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(address));
            var failed = await Forms.EventuallyAsync(
                () => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => addresses.Contains(e.ToAddress)).ToListAsync()),
                rows => rows.Count == 3 && rows.All(r => r.Attempts >= 1 && r.Status == WorkStatus.Pending && r.LastError != null),
                TimeSpan.FromSeconds(30), "a failed attempt for each email");
            Assert.All(failed, r => Assert.Contains("injoignable", r.LastError));
            // As if they had been failing for a long time: their own next try is ten minutes away.
            await app.WithDbAsync(db => db.OutboundEmails.Where(e => addresses.Contains(e.ToAddress))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NotBeforeUtc, DateTime.UtcNow.AddMinutes(10))));
        }
        finally
        {
            await app.Mail.StartAsync();
        }

        // One sweep (the heartbeat's, or this one) tries a waiting email; its success sends the others.
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<PendingWorkSweeper>().RunAsync(CancellationToken.None);
        foreach (var address in addresses)
            await app.Mail.WaitForAsync(address, TimeSpan.FromSeconds(20));
        await Forms.EventuallyAsync(
            () => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => addresses.Contains(e.ToAddress)).ToListAsync()),
            rows => rows.All(r => r.Status == WorkStatus.Done), TimeSpan.FromSeconds(10), "every row marked sent");
    }

    [Fact]
    public async Task A_row_left_pending_by_a_lost_job_is_sent_by_the_sweeper()
    {
        var email = $"oublie-{Guid.NewGuid():N}@exemple.fr";
        long id;
        await using (var scope = app.Scope())
        {
            // Written straight to the table, as if the process had died before enqueuing its job.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var content = EmailTemplates.ResetPassword("Test", "http://localhost/x");
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "OutboundEmails" ("ToAddress", "Subject", "TextBody", "HtmlBody", "MessageId", "Status", "Attempts", "CreatedAtUtc", "NotBeforeUtc")
                VALUES ({email}, {content.Subject}, {content.TextBody}, {content.HtmlBody}, {Guid.NewGuid().ToString("N") + "@test"}, {0}, {0}, {DateTime.UtcNow.AddMinutes(-5)}, {DateTime.UtcNow.AddMinutes(-4)})
                """);
            id = await db.OutboundEmails.Where(e => e.ToAddress == email).Select(e => e.Id).SingleAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<PendingWorkSweeper>().RunAsync(CancellationToken.None) >= 1);
        }
        await app.Mail.WaitForAsync(email);
        await Forms.EventuallyAsync(
            () => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id)),
            r => r.Status == WorkStatus.Done, TimeSpan.FromSeconds(10), "the row to be marked sent");
    }

    [Fact]
    public async Task A_running_row_held_by_a_live_worker_is_not_sent_twice()
    {
        var email = $"bail-{Guid.NewGuid():N}@exemple.fr";
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = new OutboundEmail
        {
            ToAddress = email, Subject = "Test", TextBody = "t", HtmlBody = "<p>t</p>", MessageId = "m@test",
            Status = WorkStatus.Running, LeaseUntilUtc = DateTime.UtcNow.AddMinutes(5), CreatedAtUtc = DateTime.UtcNow,
            NotBeforeUtc = DateTime.UtcNow.AddMinutes(1),
        };
        // Added through the context, so the interceptor enqueues a job: that job must find the row taken.
        db.OutboundEmails.Add(row);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<SendEmailJob>().RunAsync(row.Id, CancellationToken.None);
        await Task.Delay(1500);
        Assert.Empty(await app.Mail.ToAsync(email));
        Assert.Equal(0, await app.WithDbAsync(d => d.OutboundEmails.Where(e => e.Id == row.Id).Select(e => e.Attempts).SingleAsync()));
    }

    [Fact]
    public async Task A_rolled_back_change_sends_no_email()
    {
        var email = $"annule-{Guid.NewGuid():N}@exemple.fr";
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            EmailOutbox.Queue(db, email, null, EmailTemplates.ResetPassword(null, "http://localhost/x"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await Task.Delay(1500);
        Assert.Empty(await app.Mail.ToAsync(email));
        Assert.False(await app.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == email)));
    }
}
