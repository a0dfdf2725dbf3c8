using Portal.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Pages.Compte;

public class MotDePasseOublieModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Absolute(AccountLinks.NewPasswordPath(user.Id, token, invitation: false));
            EmailOutbox.Queue(db, user.Email!, user.FullName, EmailTemplates.ResetPassword(user.FullName, link));
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }
}
