using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure;

/// Password-reset and confirmation links live one hour; a staff invitation keeps three days, with
/// tokens of its own (another data-protection purpose: a reset token is no invitation token).
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(3);
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = InvitationTokenProvider.Lifespan;
    }
}

public static class AccountTokens
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);

    public static Task<string> InvitationAsync(UserManager<PortalUser> users, PortalUser user) =>
        users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, UserManager<PortalUser>.ResetPasswordTokenPurpose);

    /// An invitation token, once checked, is exchanged for a reset token so the password is set
    /// through Identity's usual path (validators, security stamp).
    public static async Task<string?> ResetTokenFromInvitationAsync(UserManager<PortalUser> users, PortalUser user, string invitation) =>
        await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, UserManager<PortalUser>.ResetPasswordTokenPurpose, invitation)
            ? await users.GeneratePasswordResetTokenAsync(user)
            : null;
}
