using System.Globalization;
using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Admin.Journal;

/// The audit log: who read, changed or exported which personal data, and refused attempts, newest
/// first, paged by id, filtered by staff member, household, person, kind and period; exported as CSV.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTime AtUtc, string UserName, string Action, long? HouseholdId, string? HouseholdName, string? Detail);

    [BindProperty(SupportsGet = true)] public string? Utilisateur { get; set; }
    [BindProperty(SupportsGet = true)] public string? Menage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Avant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Personne { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nature { get; set; }
    [BindProperty(SupportsGet = true)] public string? Du { get; set; }
    [BindProperty(SupportsGet = true)] public string? Au { get; set; }

    public const int MaxExportRows = 100_000;
    public const string ExportedAction = "Export du journal des accès";

    public string? UserFilter { get; private set; }
    public long? HouseholdFilter { get; private set; }
    public string? PersonFilter { get; private set; }
    public string? KindFilter { get; private set; }
    public DateOnly? FromFilter { get; private set; }
    public DateOnly? ToFilter { get; private set; }
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public bool IsFirstPage { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public long? NextBefore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        long? before = long.TryParse(Avant, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : null;
        IsFirstPage = before is null;
        var query = Filtered();
        if (before is { } cursor) query = query.Where(a => a.Id < cursor);
        Kinds = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).Take(200).ToListAsync(ct);

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

    /// The same lines as the page, every one that matches the filters (up to 100,000), as CSV for a
    /// spreadsheet; the export itself is written to the log.
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await Filtered().OrderByDescending(a => a.Id).Take(MaxExportRows)
            .Select(a => new { a.AtUtc, a.UserName, a.Action, a.HouseholdId, HouseholdName = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Name).FirstOrDefault(), a.Detail })
            .ToListAsync(ct);
        var csv = Portal.Privacy.PersonalDataExport.Csv(["Date", "Utilisateur", "Action", "Ménage n°", "Ménage", "Détail"],
            rows.Select(r => (IReadOnlyList<string?>)[Domain.Formatting.French.DateTimeShort(r.AtUtc), r.UserName, r.Action,
                r.HouseholdId?.ToString(CultureInfo.InvariantCulture), r.HouseholdName, r.Detail]));
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "";
        db.AuditEntries.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, UserId = me, UserName = name, Action = ExportedAction, Detail = $"{rows.Count} lignes" });
        await db.SaveChangesAsync(ct);
        return File(csv, "text/csv; charset=utf-8", "journal-des-acces.csv");
    }

    private IQueryable<AuditEntry> Filtered()
    {
        UserFilter = Clean(Utilisateur);
        PersonFilter = Clean(Personne);
        KindFilter = Clean(Nature);
        HouseholdFilter = long.TryParse(Menage?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hid) && hid > 0 ? hid : null;
        FromFilter = DateOnly.TryParseExact(Du?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null;
        ToFilter = DateOnly.TryParseExact(Au?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null;

        var query = db.AuditEntries.AsNoTracking();
        if (UserFilter is { } user)
        {
            var lower = user.ToLowerInvariant();
            query = query.Where(a => a.UserName.ToLower().Contains(lower));
        }
        if (HouseholdFilter is { } household) query = query.Where(a => a.HouseholdId == household);
        if (PersonFilter is { } person)
        {
            // The person concerned: named in the line, or the household it is about.
            var lower = person.ToLowerInvariant();
            var households = db.Households.Where(h => h.Name.ToLower().Contains(lower)).Select(h => (long?)h.Id);
            query = query.Where(a => (a.Detail != null && a.Detail.ToLower().Contains(lower)) || households.Contains(a.HouseholdId));
        }
        if (KindFilter is { } kind) query = query.Where(a => a.Action == kind);
        if (FromFilter is { } f)
        {
            var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (ToFilter is { } t)
        {
            var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }
        return query;
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is { Length: > 200 } t ? t[..200] : value.Trim();

    public string CsvUrl => QueryHelpers.AddQueryString("/admin/journal", Filters(null).Append(new("handler", "Csv")));

    public string PageUrl(long? before) => QueryHelpers.AddQueryString("/admin/journal", Filters(before));

    private IEnumerable<KeyValuePair<string, string?>> Filters(long? before) => new Dictionary<string, string?>
    {
        ["utilisateur"] = UserFilter,
        ["menage"] = HouseholdFilter?.ToString(CultureInfo.InvariantCulture),
        ["personne"] = PersonFilter,
        ["nature"] = KindFilter,
        ["du"] = FromFilter?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["au"] = ToFilter?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["avant"] = before?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null);
}
