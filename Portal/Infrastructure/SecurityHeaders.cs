namespace Portal.Infrastructure;

public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "same-origin";
        h.XFrameOptions = "DENY";
        // The Hangfire dashboard ships inline scripts and styles; it is admin-only and keeps its own.
        if (!ctx.Request.Path.StartsWithSegments("/hangfire"))
            h.ContentSecurityPolicy = Csp;
        await next();
    });
}
