using System.Text.Json;

namespace Portal.Tests.Infrastructure;

public class StartupTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine([dir.FullName, .. parts]);
    }

    /// A launch profile's applicationUrl wins over ASPNETCORE_URLS: a second copy on the same
    /// machine could not choose its port. `--urls` and ASPNETCORE_URLS must decide.
    [Fact]
    public void The_launch_profile_leaves_the_address_to_urls_and_ASPNETCORE_URLS()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFile("Portal", "Properties", "launchSettings.json")));
        foreach (var profile in doc.RootElement.GetProperty("profiles").EnumerateObject())
        {
            Assert.False(profile.Value.TryGetProperty("applicationUrl", out _), $"profile {profile.Name} forces its address");
            if (profile.Value.TryGetProperty("environmentVariables", out var env))
                Assert.False(env.TryGetProperty("ASPNETCORE_URLS", out _), $"profile {profile.Name} forces ASPNETCORE_URLS");
        }
        var readme = File.ReadAllText(RepoFile("README.md"));
        Assert.Contains("--urls http://127.0.0.1:", readme);
        Assert.Contains("ASPNETCORE_URLS", readme);
        Assert.Contains("--no-launch-profile", readme);
    }
}
