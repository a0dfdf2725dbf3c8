using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

public class MotDePasseOublieModel(PortalDbContext db, UserManager<PortalUser> users, AccountEmails emails) : EmailedLinkPageModel(db, users)
{
    protected override async Task<bool> QueueAsync(PortalUser user)
    {
        await emails.QueuePasswordResetAsync(user);
        return true;
    }
}
