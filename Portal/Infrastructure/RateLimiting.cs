using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure;

/// What a rate-limited form does, which decides its limits.
public enum RateLimitKind
{
    /// Signing in, a second-factor code, and every other form of the account pages.
    SignIn,
    /// A form that sends an email to the address posted (sign-up, password reset, confirmation resend).
    Email,
    /// The appointment cancellation link, opened and posted without an account.
    Cancellation,
}

/// Put on a page's endpoint by convention (see <see cref="RateLimiting.Conventions"/>).
public sealed record RateLimitedPage(RateLimitKind Kind, string Page, bool AllMethods);

public sealed class RateLimit
{
    public int Permits { get; set; }
    public TimeSpan Window { get; set; }
}

/// The limits, per client IP address and per account (the email posted, else the account
/// pending its second factor, else the signed-in account). A limit of 0 permits means none.
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;
    // A password sprayed over many accounts from one address stops after 30 tries in 5 minutes;
    // an office behind one address still signs its staff in.
    public RateLimit SignInPerIp { get; set; } = new() { Permits = 30, Window = TimeSpan.FromMinutes(5) };
    public RateLimit SignInPerAccount { get; set; } = new() { Permits = 10, Window = TimeSpan.FromMinutes(15) };
    public RateLimit EmailPerIp { get; set; } = new() { Permits = 10, Window = TimeSpan.FromHours(1) };
    // No more than 3 emails of one kind (reset, confirmation, sign-up) to one address per hour.
    public RateLimit EmailPerAccount { get; set; } = new() { Permits = 3, Window = TimeSpan.FromHours(1) };
    public RateLimit CancellationPerIp { get; set; } = new() { Permits = 20, Window = TimeSpan.FromMinutes(10) };

    public RateLimit? PerIp(RateLimitKind kind) => kind switch
    {
        RateLimitKind.SignIn => SignInPerIp,
        RateLimitKind.Email => EmailPerIp,
        RateLimitKind.Cancellation => CancellationPerIp,
        _ => null,
    };

    public RateLimit? PerAccount(RateLimitKind kind) => kind switch
    {
        RateLimitKind.SignIn => SignInPerAccount,
        RateLimitKind.Email => EmailPerAccount,
        _ => null,
    };
}

/// ASP.NET Core's rate limiter on the forms an attacker would hammer: every POST of the account
/// pages (whatever pages are added to /Compte later: second factor, passkeys…) and the appointment
/// cancellation link. A refused request gets a 429 with Retry-After, rendered by the French status
/// page; an htmx request is sent there with the wait time.
public static class RateLimiting
{
    private const string AccountItem = "RateLimiting.Account";
    private static readonly string[] EmailPages = ["/Compte/Inscription", "/Compte/MotDePasseOublie", "/Compte/RenvoyerConfirmation"];

    public static void Conventions(PageConventionCollection conventions)
    {
        conventions.AddFolderApplicationModelConvention("/Compte", page => page.EndpointMetadata.Add(new RateLimitedPage(
            EmailPages.Contains(page.ViewEnginePath, StringComparer.OrdinalIgnoreCase) ? RateLimitKind.Email : RateLimitKind.SignIn,
            page.ViewEnginePath, AllMethods: false)));
        conventions.AddPageApplicationModelConvention("/RendezVous/Annuler", page =>
            page.EndpointMetadata.Add(new RateLimitedPage(RateLimitKind.Cancellation, page.ViewEnginePath, AllMethods: true)));
    }

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitOptions>(config.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptionsMonitor<RateLimitOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits.CurrentValue, perIp: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits.CurrentValue, perIp: false)));
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                // htmx swaps nothing on a 4xx: it follows HX-Redirect to the page that says how long to wait.
                if (context.HttpContext.Request.IsHtmx())
                    response.Headers["HX-Redirect"] = $"/statut/429?attente={seconds}";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// Reads what the limiter keys on before it runs (the limiter's partitioning is synchronous):
    /// the form, so the email posted is known, and the account waiting for its second factor.
    public static IApplicationBuilder UsePortalRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<RateLimitedPage>() is { } page && Applies(page, http.Request.Method))
                http.Items[AccountItem] = await AccountAsync(http);
            await next();
        });
        return app.UseRateLimiter();
    }

    private static bool Applies(RateLimitedPage page, string method) => page.AllMethods || HttpMethods.IsPost(method);

    private static async Task<string?> AccountAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var email = form["Input.Email"].ToString().Trim();
            if (email.Length > 0) return "email:" + email.ToUpperInvariant();
        }
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } signedIn)
            return "user:" + signedIn;
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Succeeded && pending.Principal.FindFirstValue(ClaimTypes.Name) is { } userId ? "user:" + userId : null;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits, bool perIp)
    {
        if (!limits.Enabled || http.GetEndpoint()?.Metadata.GetMetadata<RateLimitedPage>() is not { } page || !Applies(page, http.Request.Method))
            return RateLimitPartition.GetNoLimiter("");
        var limit = perIp ? limits.PerIp(page.Kind) : limits.PerAccount(page.Kind);
        if (limit is not { Permits: > 0 } || limit.Window <= TimeSpan.Zero) return RateLimitPartition.GetNoLimiter("");
        string key;
        if (perIp)
        {
            key = $"{page.Kind}|ip|{http.Connection.RemoteIpAddress?.ToString() ?? "?"}";
        }
        else
        {
            if (http.Items[AccountItem] is not string account) return RateLimitPartition.GetNoLimiter("");
            // Emails are counted per page: three resets an hour, whatever the sign-ups and resends.
            key = page.Kind == RateLimitKind.Email ? $"{page.Kind}|{page.Page}|{account}" : $"{page.Kind}|{account}";
        }
        var permits = limit.Permits;
        var window = limit.Window;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
