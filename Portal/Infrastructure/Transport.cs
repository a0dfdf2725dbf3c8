using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Infrastructure;

/// HTTPS, HSTS and the reverse proxy. Outside Development the site is reached over HTTPS: it
/// redirects to it and sends HSTS itself, unless a reverse proxy in front does (Portal:BehindProxy).
/// Behind a proxy, X-Forwarded-For/-Proto are believed only from the proxies and networks listed
/// (Portal:KnownProxies, Portal:KnownNetworks), loopback by default: anyone else could otherwise
/// choose their own address (and escape the per-address rate limits) or pretend to be on HTTPS.
public static class Transport
{
    public static bool BehindProxy(IConfiguration config) => config.GetValue("Portal:BehindProxy", false);

    /// Portal:HttpsRedirection, by default on outside Development and Testing when no proxy is in front.
    public static bool RedirectsToHttps(IConfiguration config, IHostEnvironment env) =>
        config.GetValue<bool?>("Portal:HttpsRedirection")
        ?? (!env.IsDevelopment() && !env.IsEnvironment("Testing") && !BehindProxy(config));

    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The defaults already trust loopback (127.0.0.0/8 and ::1); configured ones are added.
        foreach (var proxy in config.GetSection("Portal:KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var ip)
                ? ip : throw new InvalidOperationException($"Portal:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in config.GetSection("Portal:KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var net)
                ? net : throw new InvalidOperationException($"Portal:KnownNetworks: '{network}' is not a network (e.g. 10.0.0.0/8)."));
    }

    public static IServiceCollection AddPortalTransport(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, config));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// First in the pipeline: the client's address and scheme are settled before anything reads them.
    public static IApplicationBuilder UsePortalTransport(this IApplicationBuilder app, IConfiguration config, IHostEnvironment env)
    {
        if (BehindProxy(config)) app.UseForwardedHeaders();
        if (RedirectsToHttps(config, env))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
