using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Jobs;

namespace Portal.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        config["Database:Provider"] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var p when p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
            var p when p.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
            var p => throw new InvalidOperationException($"Database:Provider '{p}' is not supported: use Sqlite or Postgres."),
        };

    public static string SqliteConnectionString(IConfiguration config, string contentRoot)
    {
        var configured = config.GetConnectionString("Sqlite");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/passerelle.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    public static string PostgresConnectionString(IConfiguration config) =>
        config.GetConnectionString("Postgres") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty (set ConnectionStrings__Postgres).");

    /// The pages' connection string: the configured one, plus what the pages need to be quick unless
    /// the operator set it otherwise. Each query of a page used to be parsed and planned again by
    /// the server: Npgsql now prepares a statement the second time a physical connection runs it and
    /// keeps it with that connection (`Max Auto Prepare`). The jobs keep the configured string as is,
    /// hence their own pool. (A pooler in transaction mode in front of PostgreSQL cannot keep
    /// prepared statements: set `Max Auto Prepare=0` there.)
    public static string PostgresPagesConnectionString(IConfiguration config)
    {
        var configured = PostgresConnectionString(config);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!Mentions(configured, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
            if (!Mentions(configured, "Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        }
        return builder.ToString();
    }

    private static bool Mentions(string connectionString, params string[] names) =>
        names.Any(n => connectionString.Contains(n, StringComparison.OrdinalIgnoreCase));

    /// Contexts are pooled (EF resets them between uses): building one per request, with its options,
    /// model lookup and internal services, was a tenth of a signed-in page's CPU. Each scope leases
    /// one, with this class's own state cleared (`PortalDbContext.BeginLease`), and gives it back when
    /// the scope ends.
    /// The model is the compiled one (`CompiledModel`): building it at start-up took most of a second.
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddSingleton<WorkDispatchInterceptor>();
        switch (Provider(config))
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(config, env.ContentRootPath);
                services.AddPooledDbContextFactory<SqlitePortalDbContext>((sp, o) => PortalDbContext.UseSchemaAwareModelCache(o)
                    .UseCompiledModel<SqlitePortalDbContext>()
                    .UseSqlite(sqlite, s => s.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .AddInterceptors(SqlitePragmas.Instance, SqliteStatementCache.Interceptor.Instance, sp.GetRequiredService<WorkDispatchInterceptor>(), Portal.Privacy.AppendOnlyAuditInterceptor.Instance));
                services.AddScoped<PortalDbContext>(sp => Lease(sp.GetRequiredService<IDbContextFactory<SqlitePortalDbContext>>()));
                // Built by the container so that it closes the kept connections when the site stops.
                services.AddSingleton(SqliteStatementCache.ForSite);
                break;
            case DatabaseProvider.Postgres:
                var pg = PostgresPagesConnectionString(config);
                services.AddPooledDbContextFactory<PostgresPortalDbContext>((sp, o) => PortalDbContext.UseSchemaAwareModelCache(o)
                    .UseCompiledModel<PostgresPortalDbContext>()
                    .UseNpgsql(pg)
                    .AddInterceptors(sp.GetRequiredService<WorkDispatchInterceptor>(), Portal.Privacy.AppendOnlyAuditInterceptor.Instance));
                services.AddScoped<PortalDbContext>(sp => Lease(sp.GetRequiredService<IDbContextFactory<PostgresPortalDbContext>>()));
                break;
        }
        return services;
    }

    private static PortalDbContext Lease<TContext>(IDbContextFactory<TContext> pool) where TContext : PortalDbContext
    {
        var db = pool.CreateDbContext();
        db.BeginLease();
        return db;
    }

    /// Applies the migrations of the configured provider; SQLite is switched to WAL once (it persists in the file).
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Database");
        if (pending.Count > 0)
            log.LogInformation("Preparing the {Provider} database: applying {Count} migrations ({First} … {Last})",
                db.Database.IsSqlite() ? "SQLite" : "PostgreSQL", pending.Count, pending[0], pending[^1]);
        // Only when there is something to apply: MigrateAsync also compares the model with the
        // migrations' snapshot, seconds of start-up spent to find nothing to do.
        if (pending.Count > 0)
        {
            if (db.Database.IsSqlite()) await SqliteMigrationLock.ClearIfStaleAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), log, ct);
            await db.Database.MigrateAsync(ct);
            log.LogInformation("Database ready");
        }
    }

    /// Running measures stored before their next review's date was kept get it once the site answers,
    /// in batches (an indexed lookup that finds nothing at every later start). Meanwhile the queries
    /// that filter on the date read these measures as well, so nothing is missed; a measure a page
    /// changed in between keeps the date the page saved.
    public static void ScheduleNextReviewsAfterStart(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                var count = await ScheduleNextReviewsAsync(app.Services, app.Lifetime.ApplicationStopping);
                if (count > 0) app.Logger.LogInformation("Next review dated for {Count} running measures", count);
            }
            catch (Exception ex) when (ex is OperationCanceledException or DbException or ObjectDisposedException)
            {
                app.Logger.LogWarning(ex, "The next review of older measures was not dated at start-up");
            }
        }));

    public static async Task<int> ScheduleNextReviewsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var (lastId, total) = (0L, 0);
        while (true)
        {
            var batch = await db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews)
                .Where(m => m.Status == MeasureStatus.Active && m.NextReviewOn == null && m.Id > lastId)
                .OrderBy(m => m.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var measure in batch) measure.ScheduleNextReview();
            foreach (var sameDay in batch.Where(m => m.NextReviewOn is not null).GroupBy(m => m.NextReviewOn))
            {
                var ids = sameDay.Select(m => m.Id).ToList();
                await db.SupportMeasures.Where(m => ids.Contains(m.Id) && m.NextReviewOn == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextReviewOn, sameDay.Key), ct);
            }
            (lastId, total) = (batch[^1].Id, total + batch.Count);
        }
    }

    /// Without statistics SQLite picks poor plans for combined filters (team + name in the queue): let
    /// it analyse what needs it, cheaply, at each start, once the site answers (it reads every
    /// large table, a quarter of a second at 100,000 households, and plans only improve from it).
    public static void OptimizeAfterStart(WebApplication app)
    {
        if (Provider(app.Configuration) != DatabaseProvider.Sqlite) return;
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database
                    .ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", app.Lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or DbException or ObjectDisposedException)
            {
                app.Logger.LogWarning(ex, "SQLite statistics were not refreshed at start-up");
            }
        }));
    }

    /// A signed-in request opens its context's connection once, before the session check, and keeps
    /// it until the request ends (EF closes only the connections it opened itself): a page runs
    /// several queries. On SQLite each open and close of a pooled connection takes the pool's lock, on
    /// which 32 concurrent requests queued; on PostgreSQL each close queues a reset of the session,
    /// run by the server with the next query. Anonymous requests mostly read nothing and are left alone.
    public static IApplicationBuilder UseConnectionPerRequest(this IApplicationBuilder app)
    {
        var authCookie = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).Cookie.Name!;
        var kept = app.ApplicationServices.GetService<SqliteStatementCache>();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Cookies.ContainsKey(authCookie))
            {
                await next();
                return;
            }
            var db = context.RequestServices.GetRequiredService<PortalDbContext>();
            if (kept is null)
            {
                await db.Database.OpenConnectionAsync(context.RequestAborted);
                await next();
                return;
            }
            // SQLite: a connection kept open with the statements it compiled (SqliteStatementCache),
            // given back once the request is done, with the context's own connection string restored.
            var connectionString = db.Database.GetConnectionString();
            var connection = kept.Rent();
            try
            {
                db.Database.SetDbConnection(connection.Connection, contextOwnsConnection: false);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
            try
            {
                await next();
            }
            finally
            {
                // Detaching also rolls back a transaction the request left open.
                db.Database.SetDbConnection(null);
                db.Database.SetConnectionString(connectionString);
                kept.Return(connection);
            }
        });
    }

    /// What every SQLite connection runs once: wait for a lock rather than fail at once when another
    /// writer holds it; WAL's safe level of syncing; foreign keys enforced. EF runs it on the
    /// connections it opens; a connection opened by hand (SqliteStatementCache) calls this.
    internal static void ApplySqlitePragmas(DbConnection connection) => SqlitePragmas.Instance.Apply(connection);

    /// Every SQLite connection waits for a lock instead of failing at once when another writer holds it.
    /// The settings belong to the native connection, which the pool keeps: applied once per native
    /// connection, not at every open (a statement to prepare and run each time).
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> applied = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        public void Apply(DbConnection connection)
        {
            var native = (connection as SqliteConnection)?.Handle;
            if (native is not null && applied.TryGetValue(native, out _)) return;
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
                cmd.ExecuteNonQuery();
            }
            if (native is not null) applied.AddOrUpdate(native, native);
        }
    }
}
