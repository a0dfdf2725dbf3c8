using Portal.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Pages.Compte;

public class RenvoyerConfirmationModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links) : PageModel
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
        if (user is { EmailConfirmed: false })
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            var confirm = links.Absolute(AccountLinks.ConfirmPath(user.Id, token));
            EmailOutbox.Queue(db, user.Email!, user.FullName, EmailTemplates.ConfirmAccount(user.FullName, confirm));
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }
}
