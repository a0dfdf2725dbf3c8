using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.CaseFiles;
using Portal.Domain.Requests;
using Portal.Requests;

namespace Portal.Pages.Suivi.Demandes;

public class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record TeamOption(int Id, string Name);

    // The query string is read as text and parsed here: a hand-edited address gets the unfiltered
    // queue, never an error.
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dalo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public QueueFilters Filters { get; private set; } = new();
    public bool IsManager { get; private set; }
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    public string? MyTeamName { get; private set; }
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + RequestQueueQuery.PageSize - 1) / RequestQueueQuery.PageSize);

    public static readonly IReadOnlyList<(string Value, QueueSort Sort, string Label)> SortOptions =
    [
        ("date-desc", QueueSort.DateDesc, "Date de dépôt, les plus récentes d'abord"),
        ("date-asc", QueueSort.DateAsc, "Date de dépôt, les plus anciennes d'abord"),
        ("name-asc", QueueSort.NameAsc, "Nom, de A à Z"),
        ("name-desc", QueueSort.NameDesc, "Nom, de Z à A"),
        ("reference-asc", QueueSort.ReferenceAsc, "Référence, croissante"),
        ("reference-desc", QueueSort.ReferenceDesc, "Référence, décroissante"),
        ("status-asc", QueueSort.StatusAsc, "Statut, dans l'ordre du parcours"),
        ("status-desc", QueueSort.StatusDesc, "Statut, dans l'ordre inverse"),
    ];

    public static IEnumerable<RequestStatus> StaffStatuses => Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Draft);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        IsManager = scope.IsManager;
        Filters = Parse();

        if (IsManager)
            Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);
        else if (scope.TeamId is { } teamId)
            MyTeamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(ct);

        // "page" is also Razor Pages' own route value (the page's path), so it is read from the query itself.
        var page = int.TryParse(Request.Query["page"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        (Rows, Total, CurrentPage) = await RequestQueueQuery.PageAsync(db, Filters, scope, page, ct);

        Response.Htmx(h => h.WithVary());
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest())
            return Partial("_Rows", this);
        return Page();
    }

    private QueueFilters Parse() => new()
    {
        Status = Enum.TryParse<RequestStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) && s != RequestStatus.Draft
            && !int.TryParse(Status, out _) ? s : null,
        From = ParseDate(From),
        To = ParseDate(To),
        Group = Enum.TryParse<TargetGroups>(Group, ignoreCase: true, out var g) && !int.TryParse(Group, out _)
            && Enum.IsDefined(g) && g != TargetGroups.None ? g : null,
        Dalo = Dalo switch { "true" => true, "false" => false, _ => null },
        Team = IsManager && Team is { Length: > 0 }
            ? Team == "none" ? QueueFilters.NoTeam
              : int.TryParse(Team, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : null
            : null,
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        Sort = SortOptions.FirstOrDefault(o => o.Value == Sort) is { Value: not null } o ? o.Sort : QueueSort.DateDesc,
    };

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public string SortValue => SortOptions.First(o => o.Sort == Filters.Sort).Value;

    /// The address of another page of the same results.
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = Filters.Status?.ToString(),
            ["from"] = Filters.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = Filters.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["group"] = Filters.Group?.ToString(),
            ["dalo"] = Filters.Dalo is { } d ? (d ? "true" : "false") : null,
            ["team"] = Filters.Team is { } t ? (t == QueueFilters.NoTeam ? "none" : t.ToString(CultureInfo.InvariantCulture)) : null,
            ["q"] = Filters.Q,
            ["sort"] = Filters.Sort == QueueSort.DateDesc ? null : SortValue,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/suivi/demandes",
            query.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
    }
}
