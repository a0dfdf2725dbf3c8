using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Web;

namespace Portal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class ConfidentialiteModel : PageModel
{
    public void OnGet()
    {
    }
}
