using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;

namespace Portal.Infrastructure;

/// Absolute links for emails. They never come from the request (its Host header is the client's to
/// choose, and a reset link pointing elsewhere hands the token to whoever owns that host): outside
/// Development `Portal:PublicBaseUrl` is required; in Development without it, the address the
/// server listens on.
public sealed class PublicLinks(IConfiguration config, IServer server)
{
    public const string Setting = "Portal:PublicBaseUrl";
    private string? listening;

    public string Absolute(string pathAndQuery) =>
        BaseUrl() + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);

    private string BaseUrl()
    {
        if (Configured(config) is { } configured) return configured;
        return listening ??= ListeningAddress(server) ?? "http://127.0.0.1:5000";
    }

    private static string? ListeningAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"), UriKind.Absolute, out var uri))
            return null;
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }

    private static string? Configured(IConfiguration config) =>
        config[Setting] is { Length: > 0 } value ? value.Trim().TrimEnd('/') : null;

    /// Outside Development the site refuses to start without a valid public address, and answers only
    /// to its own host name (and loopback, for probes on the machine) unless `AllowedHosts` says otherwise.
    public static void Require(IConfiguration config, IHostEnvironment env)
    {
        if (env.IsDevelopment()) return;
        var configured = Configured(config);
        if (configured is null || !Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new InvalidOperationException(
                $"{Setting} must be set to the site's public address (e.g. https://passerelle.example.org) outside Development: " +
                "the links in emails (password reset, confirmation, invitations) are built from it, never from the request. " +
                $"Set it in appsettings.{env.EnvironmentName}.json or the environment variable Portal__PublicBaseUrl.");
    }

    public static void ConfigureHostFiltering(HostFilteringOptions options, IConfiguration config, IHostEnvironment env)
    {
        if (env.IsDevelopment()) return;
        var allowed = config["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(allowed) && allowed.Trim() != "*") return;
        if (Configured(config) is not { } configured || !Uri.TryCreate(configured, UriKind.Absolute, out var uri)) return;
        options.AllowedHosts = [uri.IdnHost, "localhost", "127.0.0.1", "[::1]"];
        options.AllowEmptyHosts = false;
    }
}
