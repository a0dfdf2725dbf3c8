using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

public class RenvoyerConfirmationModel(PortalDbContext db, UserManager<PortalUser> users, AccountEmails emails) : EmailedLinkPageModel(db, users)
{
    /// An address already confirmed gets nothing.
    protected override async Task<bool> QueueAsync(PortalUser user)
    {
        if (user.EmailConfirmed) return false;
        await emails.QueueConfirmationAsync(user);
        return true;
    }
}
