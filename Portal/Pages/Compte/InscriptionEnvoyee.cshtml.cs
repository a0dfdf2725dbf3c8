using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages.Compte;

public class InscriptionEnvoyeeModel : PageModel
{
    public void OnGet()
    {
    }
}
