using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

// Used by `dotnet ef migrations add X --context SqlitePortalDbContext|PostgresPortalDbContext`.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design.db").UseApplicationServiceProvider(IdentitySchema.Services).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresDesignTimeFactory()
    {
    }

    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=design").UseApplicationServiceProvider(IdentitySchema.Services).Options);
}

/// Identity reads its schema version from IdentityOptions in the application's services; at design
/// time there are none, so the migrations tools get the site's setting (version 3: passkeys) here.
internal static class IdentitySchema
{
    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
