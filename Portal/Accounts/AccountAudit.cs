using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Accounts;

/// Writes the audit lines of what happens to an account: sign-ins (and the refused ones), the
/// second-factor step, sign-outs, password changes and resets, factors added, removed or reset.
/// They land in the same audit table as the reads of personal data, so /admin/journal shows them
/// with its filters, and the person sees their own recent ones on /compte.
public sealed class AccountAudit(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<AccountAudit> log)
{
    public const string SignedIn = "Connexion";
    public const string SignInRefused = "Connexion refusée";
    public const string CodeAsked = "Connexion : mot de passe vérifié, code demandé";
    public const string SignedOut = "Déconnexion";
    public const string PasswordChanged = "Changement du mot de passe";
    public const string PasswordReset = "Réinitialisation du mot de passe";
    public const string FactorAdded = "Ajout d'un second facteur";
    public const string FactorRemoved = "Retrait d'un second facteur";
    public const string FactorReset = "Réinitialisation de la double authentification";

    /// The lines a person is shown about their own account on /compte.
    public static readonly string[] AccountActions =
        [SignedIn, SignInRefused, CodeAsked, SignedOut, PasswordChanged, PasswordReset, FactorAdded, FactorRemoved, FactorReset];

    /// Records one event on an account. <paramref name="user"/> is null for an address that names
    /// no account: the line then says so, without keeping the address typed.
    public async Task RecordAsync(string action, PortalUser? user, string? detail = null)
    {
        var context = http.HttpContext;
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        var device = context is null ? null : DeviceNames.Describe(context.Request.Headers.UserAgent.ToString());
        var parts = new List<string>();
        if (detail is not null) parts.Add(detail);
        if (user is null) parts.Add("compte inconnu");
        if (device is not null) parts.Add(device);
        if (ip is not null) parts.Add($"IP {ip}");
        var text = string.Join(" · ", parts);
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user?.Id ?? "",
            UserName = user?.FullName ?? "",
            Action = action,
            Detail = text.Length > 1000 ? text[..1000] : text,
        };
        try
        {
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            db.Entry(entry).State = EntityState.Detached;
            // An audit line that cannot be written must not lock a person out of their account.
            log.LogWarning(ex, "Could not write the audit line {Action}", action);
        }
    }

    public sealed record AccountEvent(DateTime AtUtc, string Action, string? Detail);

    public async Task<IReadOnlyList<AccountEvent>> RecentAsync(string userId, int count, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == userId && AccountActions.Contains(a.Action))
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(count)
            .Select(a => new AccountEvent(a.AtUtc, a.Action, a.Detail))
            .ToListAsync(ct);
}
