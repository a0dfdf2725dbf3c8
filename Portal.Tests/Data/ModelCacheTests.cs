using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

namespace Portal.Tests.Data;

/// EF keeps the model of a context type in a cache that contexts configured alike share, whatever
/// application services they were built with; Identity's part of the model depends on the schema
/// version found in those services.
public class ModelCacheTests
{
    [Fact]
    public async Task A_context_built_without_the_site_s_services_leaves_the_site_its_passkeys()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();

        var bare = new ServiceCollection()
            .AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(connection))
            .BuildServiceProvider();
        await using (var scope = bare.CreateAsyncScope())
            Assert.Null(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model.FindEntityType(typeof(IdentityUserPasskey<string>)));

        var site = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(connection))
            .BuildServiceProvider();
        await using (var scope = site.CreateAsyncScope())
            Assert.NotNull(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model.FindEntityType(typeof(IdentityUserPasskey<string>)));
    }
}
