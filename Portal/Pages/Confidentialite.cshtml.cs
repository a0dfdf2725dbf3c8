using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

public class ConfidentialiteModel : PageModel
{
    public void OnGet()
    {
    }
}
