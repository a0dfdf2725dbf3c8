using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace Portal.Web;

/// Refuses, before any page or handler runs, a request whose address or form carries a control
/// character (NUL and the rest of C0 except tab, carriage return and line feed), or whose form
/// cannot be read: a French 400 page, whatever the headers. Nobody types these characters; they
/// come from tampering, and PostgreSQL refuses NUL in text.
///
/// The form is read here on purpose. With the antiforgery token in a header (every htmx request)
/// nothing read the form before model binding, and a form that could not be read made the binder
/// leave the handler's parameters null: the page then failed on them instead of refusing the request.
public sealed class ControlCharacterFilter(ILogger<ControlCharacterFilter> log) : IAsyncResourceFilter, IOrderedFilter
{
    // After [RequestFormLimits] and [RequestSizeLimit] (order 900), so a page's own limits apply.
    public const int FilterOrder = 1000;
    public int Order => FilterOrder;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var refused = Refused(request.Query) ?? Refused(context.RouteData.Values);
        // Only a post's form: the French status page re-executes the request as a GET over the same body.
        if (refused is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                refused = Refused(form);
                foreach (var file in form.Files)
                    refused ??= HasControl(file.Name) ? "file field name" : null;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                log.LogInformation("Refused a form that cannot be read: {Error}", ex.Message);
                context.Result = new BadRequestResult();
                return;
            }
        }
        if (refused is not null)
        {
            log.LogInformation("Refused a request with a control character in its {Part}", refused);
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }

    public static bool HasControl(string? s)
    {
        if (s is null) return false;
        foreach (var c in s)
            if (c < ' ' && c is not ('\t' or '\r' or '\n')) return true;
        return false;
    }

    private static string? Refused(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (key, value) in values)
        {
            if (HasControl(key)) return "field names";
            foreach (var v in value)
                if (HasControl(v)) return "values";
        }
        return null;
    }

    private static string? Refused(RouteValueDictionary values)
    {
        foreach (var (_, value) in values)
            if (value is string s && HasControl(s)) return "address";
        return null;
    }
}
