using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web;

/// A page that only renders after one of its handlers ran: a hand-made address naming no handler
/// (?handler=nope) answers 404 instead of rendering an unloaded page.
public abstract class HandledPageModel : PageModel
{
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }
        return base.OnPageHandlerExecutionAsync(context, next);
    }
}
