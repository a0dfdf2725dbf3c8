using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
