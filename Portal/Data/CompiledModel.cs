using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Data;

/// The site's models, compiled from OnModelCreating (with Identity's schema version 3, as the site
/// configures it) by `tools/compiled-model.sh` into Data/CompiledModels: building the model at
/// start-up took most of a second. Only the site's registrations (`DatabaseSetup.AddPortalDatabase`)
/// use them; a context built by hand (tests, benches, design time) builds its own model, and the
/// migrations still build theirs from OnModelCreating when there is one to apply.
/// `Data/CompiledModelTests` fails when a compiled model no longer matches OnModelCreating.
public static class CompiledModel
{
#if PORTAL_WITHOUT_COMPILED_MODEL
    // tools/compiled-model.sh builds the site without them (they may no longer compile) to make them again.
    public static IModel? For<TContext>() where TContext : PortalDbContext => null;
#else
    public static IModel? For<TContext>() where TContext : PortalDbContext =>
        typeof(TContext) == typeof(SqlitePortalDbContext) ? CompiledModels.Sqlite.SqlitePortalDbContextModel.Instance
        : typeof(TContext) == typeof(PostgresPortalDbContext) ? CompiledModels.Postgres.PostgresPortalDbContextModel.Instance
        : null;
#endif

    public static DbContextOptionsBuilder UseCompiledModel<TContext>(this DbContextOptionsBuilder options) where TContext : PortalDbContext =>
        For<TContext>() is { } model ? options.UseModel(model) : options;
}
