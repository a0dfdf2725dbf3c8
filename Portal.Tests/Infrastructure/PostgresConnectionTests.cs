using Microsoft.Extensions.Configuration;
using Npgsql;
using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

public class PostgresConnectionTests
{
    private static IConfiguration Config(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = connectionString })
        .Build();

    [Fact]
    public void Pages_prepare_their_statements_unless_the_operator_says_otherwise()
    {
        var pages = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresPagesConnectionString(Config("Host=db;Database=passerelle;Username=portal")));
        Assert.Equal(100, pages.MaxAutoPrepare);
        Assert.Equal(2, pages.AutoPrepareMinUsages);
        Assert.Equal("db", pages.Host);
        Assert.Equal("passerelle", pages.Database);

        // Behind a pooler in transaction mode the operator turns it off; their choice stands.
        var off = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresPagesConnectionString(Config("Host=db;Max Auto Prepare=0")));
        Assert.Equal(0, off.MaxAutoPrepare);
        var own = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresPagesConnectionString(Config("Host=db;MaxAutoPrepare=20;Auto Prepare Min Usages=5")));
        Assert.Equal(20, own.MaxAutoPrepare);
        Assert.Equal(5, own.AutoPrepareMinUsages);
    }

    [Fact]
    public void Jobs_keep_the_configured_string()
    {
        Assert.Equal("Host=db;Database=passerelle", DatabaseSetup.PostgresConnectionString(Config("Host=db;Database=passerelle")));
    }
}
