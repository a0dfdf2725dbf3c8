using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Accounts;

/// Tokens travel in links as Base64Url so no character of theirs is mangled by a mail client.
public static class AccountLinks
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ConfirmPath(string userId, string token) =>
        $"/compte/confirmer?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}";

    public static string NewPasswordPath(string userId, string token, bool invitation) =>
        $"/compte/nouveau-mot-de-passe?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}" + (invitation ? "&invitation=true" : "");

    public static string HomeFor(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Portal.Domain.Accounts.Roles.Admin) ? "/admin"
        : user.IsInRole(Portal.Domain.Accounts.Roles.Manager) || user.IsInRole(Portal.Domain.Accounts.Roles.SocialWorker) ? "/suivi"
        : user.IsInRole(Portal.Domain.Accounts.Roles.Partner) ? "/partenaire"
        : "/espace";
}
