using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    // Read from the context rather than set in OnGet: the exception handler re-executes this
    // page with the original method, so after a failed POST no OnGet runs.
    public string Reference => HttpContext.TraceIdentifier;
}
