using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Housing;

namespace Portal.Pages.Suivi.Menages;

public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record TeamOption(int Id, string Name);

    // Read as text and parsed here: a hand-edited address gets the unfiltered list, never an error.
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Statut { get; set; }
    [BindProperty(SupportsGet = true)] public string? Equipe { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mes { get; set; }
    [BindProperty(SupportsGet = true)] public string? Public { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mesure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Referent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Residence { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fin { get; set; }
    [BindProperty(SupportsGet = true)] public string? Apres { get; set; }
    [BindProperty(SupportsGet = true)] public string? Avant { get; set; }

    public HouseholdFilters Filters { get; private set; } = new();
    public bool IsManager { get; private set; }
    public string? MyTeamName { get; private set; }
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    public IReadOnlyList<HouseholdChoices.StaffOption> Referents { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Residences { get; private set; } = [];
    /// The stay-ending choice kept as typed (days ahead), to select it again and rebuild links.
    public int? EndingWithinDays { get; private set; }

    /// The "fin de séjour" choices: days ahead of today.
    public static readonly IReadOnlyList<(int Days, string Label)> EndingChoices =
        [(0, "Fin prévue dépassée"), (30, "Dans les 30 jours"), (60, "Dans les 60 jours"), (90, "Dans les 90 jours")];
    public HouseholdPage Results { get; private set; } = new([], null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        IsManager = scope.IsManager;
        Filters = new HouseholdFilters
        {
            Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() is { Length: > 300 } longText ? longText[..300] : Q.Trim(),
            Status = Statut switch { "actif" => HouseholdStatus.Active, "sorti" => HouseholdStatus.Exited, _ => null },
            Team = IsManager && Equipe is { Length: > 0 }
                ? Equipe == "aucune" ? HouseholdFilters.NoTeam
                  : int.TryParse(Equipe, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : null
                : null,
            Mine = Mes == "oui",
            Group = Enum.TryParse<TargetGroups>(Public, ignoreCase: true, out var g) && !int.TryParse(Public, out _)
                && Enum.IsDefined(g) && g != TargetGroups.None ? g : null,
            Measure = Enum.TryParse<SupportKind>(Mesure, ignoreCase: true, out var k) && !int.TryParse(Mesure, out _) && Enum.IsDefined(k) ? k : null,
            Referent = Referent is { Length: > 0 and <= 450 } ? Referent : null,
            Residence = ParseId(Residence),
        };
        if (int.TryParse(Fin, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && EndingChoices.Any(c => c.Days == days))
        {
            EndingWithinDays = days;
            Filters = Filters with { StayEndsBefore = StockQueries.Today(clock).AddDays(days + 1) };
        }
        Referents = await HouseholdChoices.ReferentsAsync(db, scope, Filters.Referent, ct);
        if (Filters.Referent is { } chosen && Referents.All(r => r.Id != chosen)) Filters = Filters with { Referent = null };
        Residences = (await db.Residences.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .Select(r => (r.Id, r.Name)).ToList();
        if (IsManager)
            Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);
        else if (scope.TeamId is { } teamId)
            MyTeamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(ct);

        Results = await HouseholdsQuery.PageAsync(db, Filters, scope, ParseId(Apres), ParseId(Avant), ct);

        Response.Htmx(h => h.WithVary());
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest())
            return Partial("_Rows", this);
        return Page();
    }

    private static long? ParseId(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// The address of these results, from another page.
    public string PageUrl(long? after = null, long? before = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Filters.Q,
            ["statut"] = Filters.Status switch { HouseholdStatus.Active => "actif", HouseholdStatus.Exited => "sorti", _ => null },
            ["equipe"] = Filters.Team is { } t ? (t == HouseholdFilters.NoTeam ? "aucune" : t.ToString(CultureInfo.InvariantCulture)) : null,
            ["mes"] = Filters.Mine ? "oui" : null,
            ["public"] = Filters.Group?.ToString(),
            ["mesure"] = Filters.Measure?.ToString(),
            ["referent"] = Filters.Referent,
            ["residence"] = Filters.Residence?.ToString(CultureInfo.InvariantCulture),
            ["fin"] = EndingWithinDays?.ToString(CultureInfo.InvariantCulture),
            ["apres"] = after?.ToString(CultureInfo.InvariantCulture),
            ["avant"] = before?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/suivi/menages", query.Where(kv => kv.Value is not null));
    }
}
