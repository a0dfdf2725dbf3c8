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
        // A file sent back (an upload, a generated document, an export) is never kept by the
        // browser or a shared cache: it is personal data, and the next user of the computer is not.
        ctx.Response.OnStarting(() =>
        {
            if (ctx.Response.Headers.ContentDisposition.Count > 0)
            {
                ctx.Response.Headers.CacheControl = "no-store";
                ctx.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
