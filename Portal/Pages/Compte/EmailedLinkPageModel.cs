using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

/// A page that asks for an address and emails a link to its account. The answer is the same whether
/// an account has this address or not, so nobody learns who has one.
public abstract class EmailedLinkPageModel(PortalDbContext db, UserManager<PortalUser> users) : PageModel
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
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { } user && await QueueAsync(user))
            await db.SaveChangesAsync(ct);
        Sent = true;
        return Page();
    }

    /// Puts this page's email to the account in the outbox; false when the account gets none.
    protected abstract Task<bool> QueueAsync(PortalUser user);
}
