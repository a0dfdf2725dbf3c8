using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts;

public sealed record SessionRow(string Id, string? UserAgent, string? IpAddress, DateTime StartedAtUtc, DateTime LastSeenAtUtc);

/// Server-side sessions. Each auth cookie names a UserSession row; every request checks that the row
/// still exists and that the account's security stamp is the one the cookie was issued with. So
/// signing out, ending a session from the account page, a password change, a role change or a reset
/// of the second factor refuse a copied cookie on its very next request.
public sealed class UserSessions(PortalDbContext db, TimeProvider clock)
{
    public const string ClaimType = "passerelle:sid";
    /// Same as the auth cookie's sliding lifetime: a session idle longer is over.
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(8);
    /// Last-seen is written at most this often, not on every request.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<string> StartAsync(string userId, HttpContext http)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Sessions idle past the limit are dead anyway: drop them while we are here.
        await db.UserSessions.Where(s => s.UserId == userId && s.LastSeenAtUtc < now - IdleLimit).ExecuteDeleteAsync();
        var agent = http.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            UserId = userId,
            StartedAtUtc = now,
            LastSeenAtUtc = now,
            UserAgent = agent.Length == 0 ? null : agent[..Math.Min(agent.Length, 400)],
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task<IReadOnlyList<SessionRow>> ListAsync(string userId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - IdleLimit;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.LastSeenAtUtc >= since)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new SessionRow(s.Id, s.UserAgent, s.IpAddress, s.StartedAtUtc, s.LastSeenAtUtc))
            .ToListAsync(ct);
    }

    /// Ends one session of this account; false when there is none by that id (or it is someone else's).
    public async Task<bool> EndAsync(string userId, string sessionId) =>
        await db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync() > 0;

    public Task<int> EndAllAsync(string userId, string? except = null) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != except).ExecuteDeleteAsync();

    public static string? CurrentId(ClaimsPrincipal user) => user.FindFirstValue(ClaimType);

    /// The auth cookie's events: a new sign-in opens a session, every request checks it.
    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = OnSigningInAsync;
        events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity) return;
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null) return;
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        // A refresh of the same person's cookie (after enrolling a factor, changing the password…)
        // keeps their session when it still exists; anything else is a new session.
        var current = ctx.HttpContext.User;
        var currentId = CurrentId(current);
        string? sessionId = null;
        if (currentId is not null && current.FindFirstValue(ClaimTypes.NameIdentifier) == userId
            && await ctx.HttpContext.RequestServices.GetRequiredService<PortalDbContext>().UserSessions.AnyAsync(s => s.Id == currentId && s.UserId == userId))
            sessionId = currentId;
        sessionId ??= await sessions.StartAsync(userId, ctx.HttpContext);
        foreach (var old in identity.FindAll(ClaimType).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(ClaimType, sessionId));
        ctx.HttpContext.Items[SignedInItem] = userId;
    }

    private const string SignedInItem = "passerelle:signed-in";

    /// The account a sign-in of this request opened a session for (the cookie is not read back
    /// before the next request).
    public static string? SignedInNow(HttpContext http) => http.Items.TryGetValue(SignedInItem, out var v) ? v as string : null;

    private sealed record SessionState(DateTime LastSeenAtUtc, string? SecurityStamp, bool HasSecondFactor, string? FullName, string? Email, int? TeamId);

    // Run on every signed-in request (it also reads the name and team a staff scope needs): compiled once, so EF does not hash and look up the query's
    // expression tree each time. Still one read of the database per
    // request, so a session ended or a stamp changed by any node is refused at the next request.
    private static readonly Func<PortalDbContext, string, string, Task<SessionState?>> SessionCheck =
        EF.CompileAsyncQuery((PortalDbContext db, string sessionId, string userId) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new SessionState(
                s.LastSeenAtUtc,
                s.User!.SecurityStamp,
                s.User.TwoFactorEnabled || db.UserPasskeys.Any(p => p.UserId == s.UserId),
                s.User.FullName, s.User.Email, s.User.TeamId))
            .SingleOrDefault());

    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal is null ? null : CurrentId(principal);
        var stampType = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampType);
        var db = ctx.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
        var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var row = userId is null || sessionId is null ? null : await SessionCheck(db, sessionId, userId);
        if (row is null || row.SecurityStamp != stamp || row.LastSeenAtUtc < now - IdleLimit)
        {
            if (row is not null) await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync();
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        SecondFactor.Remember(ctx.HttpContext, row.HasSecondFactor);
        db.SignedIn = new SignedInAccount(userId!, row.FullName, row.Email, row.TeamId);
        if (now - row.LastSeenAtUtc >= TouchEvery)
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAtUtc, now));
    }
}
