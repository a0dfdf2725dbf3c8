using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Tests.Data;

[Collection(PortalCollection.Name)]
public class MigrationTests(PortalApp app)
{
    /// A change to the model without its migration would pass on a database built from the model
    /// and fail on a real one: the provider under test must have nothing pending.
    [Fact]
    public async Task The_model_has_no_change_missing_from_the_migrations()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "Run dotnet-ef migrations add for both providers.");
    }
}
