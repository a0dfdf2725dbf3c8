using Microsoft.AspNetCore.OutputCaching;

namespace Portal.Web;

/// Pages that read nothing of anyone (the home page, the privacy page) are rendered once and served
/// from memory to visitors who are not signed in, for a few minutes. Output caching's default policy
/// already keeps out what must not be shared: a signed-in request, a request with an Authorization
/// header, a response setting a cookie, anything but a 200 to a GET or HEAD. A cached page carries
/// no antiforgery token (the layout leaves it out for anonymous visitors of these pages: they have
/// no form to post), so that a visitor's token never lands in another visitor's page.
public static class PublicPageCache
{
    public const string Policy = "public-page";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(Lifetime)));

    /// True when this request renders a public page for an anonymous visitor (then the page may be shared).
    public static bool Shared(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: Policy };
}
