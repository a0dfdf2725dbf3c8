using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Portal.Accounts;

/// The sign-in cookie, read once per cookie rather than at every request.
///
/// Reading it decrypts it (AES and HMAC with a key derived for each payload) and rebuilds the claims:
/// 7 % of a resident's page. A given cookie always reads back to the same ticket, so the ticket read
/// is kept, keyed by the whole cookie, for a few minutes; each request gets its own copy (the cookie
/// handler changes the copy's dates when it renews the cookie). Nothing that decides access is
/// skipped: the ticket's expiry is checked at every request as before, and the session check
/// (`UserSessions`) still reads the database at every request, so a session ended, a password
/// changed or a role changed on any node is refused at the next request. A cookie that does not
/// decrypt is never kept.
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    /// Cookies kept at most; past this, the least recently used are dropped.
    public const int Capacity = 4096;

    /// How long a read cookie is kept.
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // The cookie handler reads the whole cookie (chunks joined): a few kilobytes at most. Anything
    // longer is read, not kept.
    private const int LongestKept = 16 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null || protectedText.Length > LongestKept)
            return inner.Unprotect(protectedText, purpose);
        if (cache.TryGetValue(protectedText, out AuthenticationTicket? kept) && kept is not null)
            return kept.Clone();
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
            cache.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return ticket;
    }

    /// Wraps the application cookie's ticket format, which the cookie handler's own defaults set
    /// before (AddIdentity registers them first; the site's test checks the wrapping happened).
    public sealed class Setup : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name != IdentityConstants.ApplicationScheme || options.TicketDataFormat is null or CachedTicketFormat) return;
            options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat);
        }
    }
}
