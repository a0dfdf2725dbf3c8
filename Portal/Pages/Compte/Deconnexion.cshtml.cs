using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

public class DeconnexionModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, UserSessions sessions, AccountAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    /// Signing out ends every session of the account, on every device: a copied cookie dies with it.
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await sessions.EndAllAsync(user.Id);
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AccountAudit.SignedOut, user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
