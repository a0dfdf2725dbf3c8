using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Accounts;

/// The emails that carry an account's links: confirming the address, setting a new password, and
/// the invitation of an account created by someone else. Each puts its mail in the outbox; the
/// caller saves (with its own transaction when it has one).
public sealed class AccountEmails(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links)
{
    public async Task QueueConfirmationAsync(PortalUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var confirm = links.Absolute(AccountLinks.ConfirmPath(user.Id, token));
        EmailOutbox.Queue(db, user.Email!, user.FullName, EmailTemplates.ConfirmAccount(user.FullName, confirm));
    }

    public async Task QueuePasswordResetAsync(PortalUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Absolute(AccountLinks.NewPasswordPath(user.Id, token, invitation: false));
        EmailOutbox.Queue(db, user.Email!, user.FullName, EmailTemplates.ResetPassword(user.FullName, link));
    }

    /// Creates an account with no password in <paramref name="role"/> and invites its owner to choose
    /// one (<paramref name="roleLabel"/> says in the email what the account is for). Nothing is kept
    /// when Identity refuses the account: its errors are returned.
    public async Task<IdentityResult> CreateInvitedAsync(PortalUser user, string role, string roleLabel, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return created;
        }
        await users.AddToRoleAsync(user, role);
        var token = await AccountTokens.InvitationAsync(users, user);
        var link = links.Absolute(AccountLinks.NewPasswordPath(user.Id, token, invitation: true));
        EmailOutbox.Queue(db, user.Email!, user.FullName, EmailTemplates.Invitation(user.FullName, roleLabel, link));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return created;
    }
}
