using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Portal.Domain.Accounts;
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
                    InvisibilityTimeout = TimeSpan.FromMinutes(30),
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
            });
            services.AddHostedService<WorkRecoveryService>();
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
        recurring.AddOrUpdate<Portal.Support.ReviewWarningJob>(Portal.Support.ReviewWarningJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6));
        recurring.AddOrUpdate<Portal.Housing.StayEndWarningJob>(Portal.Housing.StayEndWarningJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(7));
        recurring.AddOrUpdate<Portal.Housing.MoveInJob>(Portal.Housing.MoveInJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(5));
        recurring.AddOrUpdate<Portal.Workshops.WorkshopOfferJob>(Portal.Workshops.WorkshopOfferJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Portal.Workshops.WorkshopOfferJob.Schedule);
        try
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PendingWorkSweeper>().RunAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Start-up sweep of pending work failed; the recurring sweep will retry");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
