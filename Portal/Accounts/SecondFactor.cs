using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using Portal.Data;
using Portal.Domain.Accounts;
using QRCoder;

namespace Portal.Accounts;

/// The second factor: an authenticator app (TOTP) or a passkey. Staff must have one; residents may.
public static class SecondFactor
{
    /// The shared key of the demo staff accounts' authenticator, in Development and Testing only
    /// (the seeder never runs in Production). Shown in the README so that people and tests can
    /// compute codes.
    public const string DemoKey = "PASSERELLEDEMOTOTPSECRETKEYABCDE";

    /// Where Identity keeps the active authenticator key (UserStoreBase's internal names).
    public const string StoreProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";
    /// A key being set up: it replaces the active one only once a code from it is confirmed.
    private const string PendingProvider = "[Passerelle]";
    private const string PendingKeyName = "PendingAuthenticatorKey";

    public const int RecoveryCodeCount = 10;
    public const string EnrolPath = "/compte";

    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SocialWorker) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    public static bool IsStaffRole(string? role) => role is Roles.SocialWorker or Roles.Manager or Roles.Admin;

    private const string ItemKey = "passerelle:has-second-factor";

    /// Set by the session check of each request, from the same query.
    public static void Remember(HttpContext http, bool hasSecondFactor) => http.Items[ItemKey] = hasSecondFactor;

    public static bool? Known(HttpContext http) => http.Items.TryGetValue(ItemKey, out var v) ? v as bool? : null;

    /// A staff member without a second factor reaches only their account pages (to enrol, change
    /// the password, see sessions) and the sign-out, nothing else.
    public static IApplicationBuilder UseSecondFactorEnrolment(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true && IsStaff(ctx.User) && Known(ctx) == false
            && !ctx.Request.Path.StartsWithSegments("/compte") && !ctx.Request.Path.StartsWithSegments("/statut"))
        {
            if (ctx.Request.IsHtmx())
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                ctx.Response.Headers["HX-Redirect"] = EnrolPath;
            }
            else
            {
                ctx.Response.Redirect(EnrolPath);
            }
            return;
        }
        await next();
    });

    public static async Task<string> PendingKeyAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var key = await users.GetAuthenticationTokenAsync(user, PendingProvider, PendingKeyName);
        if (!string.IsNullOrEmpty(key)) return key;
        key = users.GenerateNewAuthenticatorKey();
        await users.SetAuthenticationTokenAsync(user, PendingProvider, PendingKeyName, key);
        return key;
    }

    public static Task<string?> ExistingPendingKeyAsync(UserManager<PortalUser> users, PortalUser user) =>
        users.GetAuthenticationTokenAsync(user, PendingProvider, PendingKeyName);

    /// Codes from 90 seconds before to 90 seconds after now are accepted, as Identity does at sign-in.
    public static bool Verify(string key, string code, DateTime utcNow)
    {
        var digits = Normalise(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(utcNow, digits, out _, new VerificationWindow(previous: 3, future: 3));
    }

    public static string Normalise(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();

    /// Makes the pending key the active one, turns two-factor sign-in on (a new security stamp, so
    /// other sessions end) and returns fresh recovery codes when the account had none.
    public static async Task<IReadOnlyList<string>?> ActivateAsync(UserManager<PortalUser> users, PortalUser user, string key)
    {
        await users.SetAuthenticationTokenAsync(user, StoreProvider, AuthenticatorKeyName, key);
        await users.RemoveAuthenticationTokenAsync(user, PendingProvider, PendingKeyName);
        await users.SetTwoFactorEnabledAsync(user, true);
        if (await users.CountRecoveryCodesAsync(user) > 0) return null;
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList();
    }

    /// Gives the account the demo key, active, unless it already has an authenticator.
    public static async Task SetUpDemoAsync(UserManager<PortalUser> users, PortalUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } && user.TwoFactorEnabled) return;
        await users.SetAuthenticationTokenAsync(user, StoreProvider, AuthenticatorKeyName, DemoKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    /// Everything an admin's reset removes: the authenticator, its recovery codes and the passkeys.
    /// The new security stamp ends every session; the person enrols again at their next sign-in.
    public static async Task ResetAsync(UserManager<PortalUser> users, PortalUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, StoreProvider, AuthenticatorKeyName);
        await users.RemoveAuthenticationTokenAsync(user, StoreProvider, RecoveryCodesName);
        await users.RemoveAuthenticationTokenAsync(user, PendingProvider, PendingKeyName);
        foreach (var passkey in await users.GetPasskeysAsync(user))
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await users.UpdateSecurityStampAsync(user);
    }

    /// The key as people type it: groups of four letters.
    public static string Display(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();

    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Passerelle:" + email)}?secret={key}&issuer=Passerelle&digits=6";

    public static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(6);
    }
}
