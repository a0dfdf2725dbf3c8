using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Admin.Journal;

/// The audit log: who opened or changed which household file, newest first, paged by id.
public class IndexModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTime AtUtc, string UserName, string Action, long? HouseholdId, string? HouseholdName, string? Detail);

    [BindProperty(SupportsGet = true)] public string? Utilisateur { get; set; }
    [BindProperty(SupportsGet = true)] public string? Menage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Avant { get; set; }

    public string? UserFilter { get; private set; }
    public long? HouseholdFilter { get; private set; }
    public bool IsFirstPage { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public long? NextBefore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        UserFilter = string.IsNullOrWhiteSpace(Utilisateur) ? null : Utilisateur.Trim() is { Length: > 200 } t ? t[..200] : Utilisateur.Trim();
        HouseholdFilter = long.TryParse(Menage?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hid) && hid > 0 ? hid : null;
        long? before = long.TryParse(Avant, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : null;
        IsFirstPage = before is null;

        var query = db.AuditEntries.AsNoTracking();
        if (UserFilter is { } user)
        {
            var lower = user.ToLowerInvariant();
            query = query.Where(a => a.UserName.ToLower().Contains(lower));
        }
        if (HouseholdFilter is { } household) query = query.Where(a => a.HouseholdId == household);
        if (before is { } cursor) query = query.Where(a => a.Id < cursor);

        var rows = await query.OrderByDescending(a => a.Id).Take(PageSize + 1)
            .Select(a => new Row(a.Id, a.AtUtc, a.UserName, a.Action, a.HouseholdId,
                db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Name).FirstOrDefault(), a.Detail))
            .ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            NextBefore = rows[^1].Id;
        }
        Rows = rows;

        Response.Htmx(h => h.WithVary());
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest())
            return Partial("_Rows", this);
        return Page();
    }

    public string PageUrl(long? before) => QueryHelpers.AddQueryString("/admin/journal", new Dictionary<string, string?>
    {
        ["utilisateur"] = UserFilter,
        ["menage"] = HouseholdFilter?.ToString(CultureInfo.InvariantCulture),
        ["avant"] = before?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
