using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bare.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {

    }
}
