using Portal.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;

namespace Portal.Pages.Compte;

public class ConfirmerModel(UserManager<PortalUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (string.IsNullOrEmpty(userId) || token is null) return;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return;
        if (user.EmailConfirmed)
        {
            Confirmed = true;
            return;
        }
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
