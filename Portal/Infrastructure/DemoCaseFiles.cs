namespace Portal.Infrastructure;

/// Demo data for the case files (see Seeder): filled by the part of the portal that owns it.
public static class DemoCaseFiles
{
    public static Task SeedAsync(IServiceProvider sp, CancellationToken ct = default) => Task.CompletedTask;
}
