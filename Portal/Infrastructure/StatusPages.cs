using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Portal.Infrastructure;

public static class StatusPages
{
    /// Like UseStatusCodePagesWithReExecute("/statut/{0}"), but the status page is always rendered
    /// as a GET: a refused form post (expired antiforgery token) must still get a readable French
    /// page, not a second antiforgery refusal and a blank answer.
    public static IApplicationBuilder UseFrenchStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        var request = http.Request;
        var originalPath = request.Path;
        var originalQuery = request.QueryString;
        var originalMethod = request.Method;
        var originalEndpoint = http.GetEndpoint();
        var routeValues = http.Features.Get<IRouteValuesFeature>()?.RouteValues;
        var originalRouteValues = routeValues is null ? null : new RouteValueDictionary(routeValues);

        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPathBase = request.PathBase.Value!,
            OriginalPath = originalPath.Value!,
            OriginalQueryString = originalQuery.HasValue ? originalQuery.Value : null,
            Endpoint = originalEndpoint,
            RouteValues = originalRouteValues,
        });
        http.SetEndpoint(null);
        routeValues?.Clear();
        request.Path = $"/statut/{http.Response.StatusCode}";
        request.QueryString = QueryString.Empty;
        request.Method = HttpMethods.Get;
        try
        {
            await context.Next(http);
        }
        finally
        {
            request.Path = originalPath;
            request.QueryString = originalQuery;
            request.Method = originalMethod;
            http.SetEndpoint(originalEndpoint);
            http.Features.Set<IStatusCodeReExecuteFeature?>(null);
        }
    });
}
