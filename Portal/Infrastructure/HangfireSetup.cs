using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Portal.Domain.Accounts;
using Portal.Data;
using Portal.Domain.Work;
using Portal.Jobs;

namespace Portal.Infrastructure;

public static class HangfireSetup
{
    public static bool IsWorker(IConfiguration config) => config.GetValue("Hangfire:Worker", true);

    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration config)
    {
        var provider = DatabaseSetup.Provider(config);
        services.AddHangfire(h =>
        {
            h.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseDashboardStylesheet(typeof(HangfireSetup).Assembly, "Portal.hangfire-dashboard.css")
                .UseDashboardJavaScript(typeof(HangfireSetup).Assembly, "Portal.hangfire-dashboard.js");
            if (provider == DatabaseProvider.Postgres)
            {
                var cs = DatabaseSetup.PostgresConnectionString(config);
                h.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(cs), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    // A job fetched by a node that died comes back to the queue after this; a live
                    // node keeps pushing it back while the job runs.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(30),
                });
            }
            else
            {
                h.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
            }
        });

        if (IsWorker(config))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = config.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount * 2));
                o.SchedulePollingInterval = TimeSpan.FromSeconds(provider == DatabaseProvider.Postgres ? 5 : 1);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                // A dead server leaves the dashboard (and its jobs are requeued) within a minute.
                o.HeartbeatInterval = TimeSpan.FromSeconds(5);
                o.ServerTimeout = TimeSpan.FromSeconds(30);
                o.ServerCheckInterval = TimeSpan.FromSeconds(10);
            });
            services.AddHostedService<WorkRecoveryService>();
            services.AddHostedService<WorkHeartbeatService>();
        }
        return services;
    }

    /// The dashboard opens for admins only, on every node: the default filter would let in any
    /// request that looks local, which is every request behind a reverse proxy.
    public static void MapPortalDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            DashboardTitle = "Passerelle — tâches de fond",
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = _ => false,
            DarkModeEnabled = false,
        }).RequireAuthorization(Policies.Admin);
    }

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
    }
}

/// At start-up, registers the recurring sweep and re-enqueues what a previous run left pending.
public sealed class WorkRecoveryService(IServiceProvider services, IRecurringJobManager recurring, ILogger<WorkRecoveryService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<PendingWorkSweeper>(PendingWorkSweeper.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<AppointmentReminderJob>(AppointmentReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<ReviewWarningJob>(ReviewWarningJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6));
        recurring.AddOrUpdate<StayEndWarningJob>(StayEndWarningJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(7));
        recurring.AddOrUpdate<WorkshopOfferJob>(WorkshopOfferJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), WorkshopOfferJob.Schedule);
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
        recurring.AddOrUpdate<MoveInJob>(MoveInJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(5));
        try
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PendingWorkSweeper>().StartUpAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Start-up sweep of pending work failed; the recurring sweep will retry");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// The heartbeat of a worker node, every few seconds: renews the lease of the rows this node holds
/// (a node that dies stops, and its rows are free within WorkPolicy.Lease), enqueues the rows
/// nobody is taking care of, and every half minute requeues the jobs that job storage still shows
/// as processing on a server that is gone.
public sealed class WorkHeartbeatService(IServiceProvider services, WorkNode node, JobStorage storage, IBackgroundJobClient jobs,
    TimeProvider clock, ILogger<WorkHeartbeatService> log) : BackgroundService
{
    private static readonly TimeSpan GhostCheck = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextGhostCheck = DateTime.MinValue;
        using var timer = new PeriodicTimer(WorkPolicy.Heartbeat, clock);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                await WorkJobs.RenewAsync(db.OutboundEmails, node, now, stoppingToken);
                await WorkJobs.RenewAsync(db.DocumentRequests, node, now, stoppingToken);
                await WorkJobs.RenewAsync(db.ImportRuns, node, now, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<PendingWorkSweeper>().RunAsync(stoppingToken);
                if (now >= nextGhostCheck)
                {
                    nextGhostCheck = now + GhostCheck;
                    RequeueGhosts();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Work heartbeat failed; trying again in {Seconds} s", WorkPolicy.Heartbeat.TotalSeconds);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// A job shown as processing by a server that no longer beats is a ghost of a dead process.
    private void RequeueGhosts()
    {
        var monitoring = storage.GetMonitoringApi();
        var live = monitoring.Servers().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var processing = monitoring.ProcessingJobs(0, 500);
        foreach (var (jobId, job) in processing)
        {
            if (job.ServerId is null || live.Contains(job.ServerId)) continue;
            if (jobs.ChangeState(jobId, new Hangfire.States.EnqueuedState(), Hangfire.States.ProcessingState.StateName))
                log.LogInformation("Requeued job {JobId} left processing by the dead server {Server}", jobId, job.ServerId);
        }
    }
}
