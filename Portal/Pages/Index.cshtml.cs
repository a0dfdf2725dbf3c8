using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Web;

namespace Portal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
