using System.ComponentModel;
using Hangfire;
using Portal.Privacy;

namespace Portal.Jobs;

/// Every night, applies the retention policy (see <see cref="RetentionPolicy"/>). A run killed half
/// way leaves whole batches done and the rest for the next run.
public sealed class RetentionJob(RetentionPurge purge, ILogger<RetentionJob> log)
{
    public const string RecurringJobId = "conservation-des-donnees";

    [AutomaticRetry(Attempts = 2)]
    [DisplayName("Application des durées de conservation")]
    public async Task RunAsync(CancellationToken ct)
    {
        var done = await purge.RunAsync(ct);
        log.LogInformation("Retention: {Requests} requests deleted, {Households} households anonymised, {Audit} audit lines, {Emails} email bodies and {Imports} import files removed",
            done.Requests, done.Households, done.AuditLines, done.EmailBodies, done.ImportFiles);
    }
}
