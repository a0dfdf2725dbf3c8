using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Web;

/// One rule for every page: a page that declares handlers renders only after one of them ran. A
/// hand-made address naming an unknown handler (POST ?handler=Nope), or a post without a handler to
/// a page that only has named ones, answers 404 instead of rendering a model that was never loaded.
/// Pages without any handler (plain text pages) still render on GET; nothing renders on a post no
/// handler took.
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !MayRenderUnhandled(context))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }

    private static bool MayRenderUnhandled(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)) return false;
        // A GET reaches a page's loading handler (OnGet) whatever the handler name, unless the page
        // has none: then only a page with no GET handler at all is plain enough to render as is.
        return !context.ActionDescriptor.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase));
    }
}
