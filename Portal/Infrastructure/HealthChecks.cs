using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Domain.Accounts;

namespace Portal.Infrastructure;

public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var provider = db.Database.ProviderName?.Contains("Npgsql") == true ? "PostgreSQL" : "SQLite";
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy(provider)
                : HealthCheckResult.Unhealthy($"{provider}: connexion impossible");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable", ex);
        }
    }
}

public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            var data = new Dictionary<string, object>
            {
                ["servers"] = stats.Servers,
                ["enqueued"] = stats.Enqueued,
                ["failed"] = stats.Failed,
            };
            return Task.FromResult(HealthCheckResult.Healthy(storage.GetType().Name.Replace("Storage", ""), data));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches injoignable", ex));
        }
    }
}

/// A load balancer gets the bare status (and 503 when unhealthy); the provider, job counts and
/// errors are for signed-in admins only.
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (!context.User.IsInRole(Roles.Admin))
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
