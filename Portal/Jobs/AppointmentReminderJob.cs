using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;

namespace Portal.Jobs;

/// Queues the reminder email of the appointments entering the reminder lead (48 h by default).
/// Safe to run twice: the email and ReminderSentAtUtc are saved together, and a reminded
/// appointment is never picked again.
public sealed class AppointmentReminderJob(PortalDbContext db, AppointmentNotifier notifier, TimeProvider clock, ILogger<AppointmentReminderJob> log)
{
    public const string RecurringJobId = "rappels-rendez-vous";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Rappels des rendez-vous")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = AppointmentPolicy.Default;
        var windowEnd = Reminders.WindowEnd(now, policy);
        // Past appointments never marked honoured or missed stay Booked: leave them out of the load.
        var candidates = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.ReminderSentAtUtc == null && a.StartUtc > now && a.StartUtc <= windowEnd)
            .Select(a => new ReminderCandidate(a.Id, a.StartUtc, a.Status, a.ChangedAtUtc, a.ReminderSentAtUtc))
            .ToListAsync(ct);

        var count = 0;
        foreach (var due in Reminders.Due(candidates, now, policy))
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == due.AppointmentId, ct);
            // Cancelled, moved or reminded since the list was read.
            if (appointment is null || appointment.Status != AppointmentStatus.Booked || appointment.ReminderSentAtUtc is not null) continue;
            await notifier.QueueAsync(appointment, AppointmentNotice.Reminder, ct);
            appointment.MarkReminded(now);
            await db.SaveChangesAsync(ct);
            count++;
        }
        if (count > 0) log.LogInformation("Queued {Count} appointment reminders", count);
        return count;
    }
}
