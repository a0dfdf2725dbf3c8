using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

public class StatusCodeModel : PageModel
{
    // Read from the route rather than set in OnGet: UseStatusCodePagesWithReExecute keeps the
    // original method, so a 404 on a form post renders this page as a POST, with no handler run.
    public int Code =>
        int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), out var code) ? code : 0;

    /// For a 429: how long to wait, from the Retry-After the rate limiter set, or (after an htmx
    /// redirect) from the address.
    public int? WaitSeconds =>
        int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s
        : int.TryParse(Request.Query["attente"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is > 0 and <= 86400 ? q
        : null;

    /// "30 secondes", "1 minute", "12 minutes", "1 heure".
    public static string WaitText(int seconds)
    {
        if (seconds < 60) return seconds == 1 ? "1 seconde" : $"{seconds} secondes";
        if (seconds < 3600) return Plural((seconds + 59) / 60, "minute");
        return Plural((seconds + 3599) / 3600, "heure");
        static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
    }

    public void OnGet(int code)
    {
        // Reached directly rather than re-executed, the answer still carries the status it describes.
        if (code is >= 400 and <= 599)
            Response.StatusCode = code;
    }
}
