using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

public class StatusCodeModel : PageModel
{
    // Read from the route rather than set in OnGet: UseStatusCodePagesWithReExecute keeps the
    // original method, so a 404 on a form post renders this page as a POST, with no handler run.
    public int Code =>
        int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), out var code) ? code : 0;

    public void OnGet(int code)
    {
        // Reached directly rather than re-executed, the answer still carries the status it describes.
        if (code is >= 400 and <= 599)
            Response.StatusCode = code;
    }
}
