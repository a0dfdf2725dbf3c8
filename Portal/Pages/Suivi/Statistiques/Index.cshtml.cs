using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Statistics;
using StatsResult = Portal.Statistics.Statistics;

namespace Portal.Pages.Suivi.Statistiques;

/// Figures for any period within the person's scope (a manager: every team; a worker: their team's),
/// each against the period before, with charts and the rows behind them.
public class IndexModel(PortalDbContext db, StatisticsService stats, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Periode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Du { get; set; }
    [BindProperty(SupportsGet = true)] public string? Au { get; set; }
    [BindProperty(SupportsGet = true)] public string? Equipe { get; set; }
    [BindProperty(SupportsGet = true)] public string? Financeur { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mesure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Residence { get; set; }
    [BindProperty(SupportsGet = true)] public string? Public { get; set; }

    public sealed record Option(string Value, string Label);
    /// One figure: its value now and in the period before, and where its rows are.
    public sealed record Indicator(string Label, decimal? Value, decimal? Previous, string Unit = "", string? Link = null, string? Hint = null)
    {
        public string Shown => Format(Value, Unit);
        public string PreviousShown => Format(Previous, Unit);
        public decimal? Delta => Value is { } v && Previous is { } p ? v - p : null;

        public static string Format(decimal? value, string unit) => value is not { } v ? "—" : unit switch
        {
            "€" => French.Money(v),
            "%" => v.ToString("0.#", French.Culture) + " %",
            "" => v.ToString("#,##0.#", French.Culture),
            _ => v.ToString("#,##0.#", French.Culture) + " " + unit,
        };
    }
    public sealed record Family(string Id, string Title, IReadOnlyList<Indicator> Indicators);
    public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);
    /// A chart drawn by js/statistics.js from its data-chart attribute, and the same figures as a table.
    public sealed record Chart(string Id, string Title, string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string Unit = "")
    {
        public string Json => JsonSerializer.Serialize(new { type = Type, labels = Labels, unit = Unit, series = Series.Select(s => new { name = s.Name, values = s.Values }) });
    }

    public bool IsManager { get; private set; }
    public StatsPeriod Period { get; private set; } = StatsPeriod.Quarter(new DateOnly(2026, 1, 1));
    public StatsPeriod Previous => Period.Previous();
    public string? PeriodError { get; private set; }
    public StatsFilter Filter { get; private set; } = StatsFilter.None;
    public StatsResult Now { get; private set; } = null!;
    public StatsResult Before { get; private set; } = null!;
    public IReadOnlyList<Family> Families { get; private set; } = [];
    public IReadOnlyList<Chart> Charts { get; private set; } = [];
    public IReadOnlyList<Option> Teams { get; private set; } = [];
    public IReadOnlyList<Option> Residences { get; private set; } = [];
    public IReadOnlyList<Option> Funders { get; } = Enum.GetValues<Funder>().Select(f => new Option(((int)f).ToString(CultureInfo.InvariantCulture), f.Label())).ToList();
    public IReadOnlyList<Option> Kinds { get; } = Enum.GetValues<SupportKind>().Select(k => new Option(k.ToString(), k.Label())).ToList();
    public IReadOnlyList<Option> Groups { get; } = Labels.Flags((TargetGroups)~0).Select(g => new Option(g.ToString(), Labels.Of(g))).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        IsManager = scope.IsManager;
        (Period, PeriodError) = StatsPeriod.Parse(Periode, Date, Du, Au, stats.Today);
        Filter = new StatsFilter(
            int.TryParse(Equipe, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : null,
            int.TryParse(Financeur, NumberStyles.None, CultureInfo.InvariantCulture, out var f) && Enum.IsDefined((Funder)f) ? (Funder)f : null,
            Enum.TryParse<SupportKind>(Mesure, out var k) && !int.TryParse(Mesure, out _) && Enum.IsDefined(k) ? k : null,
            long.TryParse(Residence, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null,
            Enum.TryParse<TargetGroups>(Public, out var g) && !int.TryParse(Public, out _) && Enum.IsDefined(g) && g != TargetGroups.None ? g : null);
        Teams = await (IsManager ? db.Teams : db.Teams.Where(x => x.Id == scope.TeamId)).AsNoTracking().OrderBy(x => x.Name)
            .Select(x => new Option(x.Id.ToString(), x.Name)).ToListAsync(ct);
        Residences = await db.Residences.AsNoTracking().OrderBy(x => x.Name).Select(x => new Option(x.Id.ToString(), x.Name)).ToListAsync(ct);
        Now = await stats.ComputeAsync(scope, Filter, Period, ct);
        Before = await stats.ComputeAsync(scope, Filter, Previous, ct);
        Families = BuildFamilies();
        Charts = BuildCharts();
        return Page();
    }

    /// A funder's budget for a year (managers), valued against on this page.
    public async Task<IActionResult> OnPostBudgetAsync(int? funder, int? year, string? amount, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!scope.IsManager) return Forbid();
        if (funder is not { } fn || !Enum.IsDefined((Funder)fn) || year is not (>= 2000 and <= 2100))
            return BadRequest();
        if (!decimal.TryParse(amount?.Replace(" ", "").Replace("\u00A0", "").Replace("€", ""), NumberStyles.Number, French.Culture, out var value) || value < 0 || value > 100_000_000m)
        {
            TempData["BudgetError"] = "Indiquez le budget en euros, par exemple 60 000 ou 60000,50.";
            return Redirect(Request.Path + Request.QueryString);
        }
        var row = await db.FunderBudgets.SingleOrDefaultAsync(b => b.Funder == (Funder)fn && b.Year == year, ct);
        if (row is null) db.FunderBudgets.Add(row = new FunderBudget { Funder = (Funder)fn, Year = year.Value });
        row.Amount = value;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        scope.Audit(db, "Budget d'un financeur", null, row.UpdatedAtUtc, $"{((Funder)fn).Label()} {year} : {French.Money(value)}");
        await db.SaveChangesAsync(ct);
        TempData["BudgetSaved"] = $"Budget {year} de {((Funder)fn).Label()} enregistré : {French.Money(value)}.";
        return Redirect(Request.Path + Request.QueryString);
    }

    private static string Link(string path, params (string Key, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));

    private string Iso(DateOnly d) => StatsPeriod.Iso(d);
    private string? TeamValue => Filter.TeamId?.ToString(CultureInfo.InvariantCulture);

    private string Households(string? status = null, SupportKind? kind = null) => Link("/suivi/menages",
        ("statut", status), ("equipe", IsManager ? TeamValue : null), ("public", Filter.Group?.ToString()),
        ("mesure", (kind ?? Filter.Kind)?.ToString()), ("residence", Filter.ResidenceId?.ToString(CultureInfo.InvariantCulture)));

    private string RequestsLink(RequestStatus? status = null) => Link("/suivi/demandes",
        ("from", Iso(Period.First)), ("to", Iso(Period.Last)), ("status", status?.ToString()), ("team", IsManager ? TeamValue : null), ("group", Filter.Group?.ToString()));

    /// The rows behind a figure that no list shows: the export page, set to the period and filters.
    public string ExportLink(string table) => Link("/suivi/exports", ("table", table), ("du", Iso(Period.First)), ("au", Iso(Period.Last)),
        ("financeur", Filter.Funder is { } f ? ((int)f).ToString(CultureInfo.InvariantCulture) : null), ("equipe", TeamValue));

    private List<Family> BuildFamilies()
    {
        var (n, b) = (Now, Before);
        return
        [
            new("demandes", "Demandes de logement",
            [
                new("Demandes reçues", n.Requests.Received, b.Requests.Received, Link: RequestsLink()),
                new("Demandes décidées", n.Requests.Decided, b.Requests.Decided),
                new("Acceptées", n.Requests.Accepted, b.Requests.Accepted, Link: RequestsLink(RequestStatus.Accepted)),
                new("Refusées", n.Requests.Refused, b.Requests.Refused, Link: RequestsLink(RequestStatus.Refused)),
                new("Délai de décision médian", n.Requests.MedianDaysToDecision, b.Requests.MedianDaysToDecision, "jours", Hint: "de l'envoi de la demande à la décision"),
                new("Délai de décision (9 sur 10 en moins de)", n.Requests.P90DaysToDecision, b.Requests.P90DaysToDecision, "jours", Hint: "90e centile"),
            ]),
            new("menages", "Ménages et personnes accompagnés",
            [
                new("Ménages suivis", n.Activity.HouseholdsFollowed, b.Activity.HouseholdsFollowed, Link: Households(), Hint: "avec une mesure en cours pendant la période"),
                new("Personnes suivies", n.Activity.PersonsFollowed, b.Activity.PersonsFollowed),
                new("Nouveaux ménages", n.Activity.Entries, b.Activity.Entries, Hint: "première mesure commencée dans la période"),
                new("Ménages sortis", n.Activity.Exits, b.Activity.Exits, Link: Households("sorti")),
                new("Durée moyenne d'accompagnement", Math.Round(n.Activity.AverageMonths, 1), Math.Round(b.Activity.AverageMonths, 1), "mois"),
            ]),
            new("mesures", "Mesures d'accompagnement",
            [
                new("Mesures ouvertes", n.Measures.Opened, b.Measures.Opened, Link: ExportLink("mesures")),
                new("Mesures en cours", n.Measures.Active, b.Measures.Active, Link: Households("actif")),
                new("Mesures terminées", n.Measures.Closed, b.Measures.Closed, Link: ExportLink("mesures")),
                new("Durée moyenne des mesures terminées", n.Measures.AverageMonths, b.Measures.AverageMonths, "mois"),
                new("Durée médiane des mesures terminées", n.Measures.MedianMonths, b.Measures.MedianMonths, "mois"),
            ]),
            new("bilans", "Bilans de mesure",
            [
                new("Bilans attendus", n.Reviews.Due, b.Reviews.Due, Link: ExportLink("bilans"), Hint: "échéance dans la période, déjà passée"),
                new("Tenus à temps", n.Reviews.OnTime, b.Reviews.OnTime),
                new("Tenus en retard", n.Reviews.Late, b.Reviews.Late),
                new("Pas encore tenus", n.Reviews.Missing, b.Reviews.Missing, Link: "/suivi"),
                new("Part tenue à temps", n.Reviews.OnTimeRate, b.Reviews.OnTimeRate, "%"),
            ]),
            new("sorties", "Sorties",
            [
                new("Sorties", n.Exits.Total, b.Exits.Total, Link: ExportLink("sorties")),
                new("Relogés en logement ordinaire", n.Exits.Rehoused, b.Exits.Rehoused, Hint: "bailleur social, parc privé, bail glissant"),
                new("Part relogée en logement ordinaire", n.Exits.RehousedShare, b.Exits.RehousedShare, "%"),
            ]),
            new("occupation", "Occupation des logements",
            [
                new("Taux d'occupation", n.Occupancy.Rate, b.Occupancy.Rate, "%", Hint: "nuitées occupées sur nuitées disponibles, jusqu'à aujourd'hui"),
            ]),
            new("fonds", "Fonds d'aide au logement",
            [
                new("Aides engagées", n.Aid.Committed, b.Aid.Committed, "€", Link: "/suivi/fonds-aide", Hint: "mensualités des mois de la période"),
                new("Budget de la période", n.Aid.Budget, b.Aid.Budget, "€", Hint: "budget annuel au prorata des jours"),
                new("Part du budget engagée", n.Aid.Rate, b.Aid.Rate, "%"),
                new("Ménages aidés", n.Aid.Households, b.Aid.Households, Link: ExportLink("aides")),
            ]),
            new("rendez-vous", "Rendez-vous et visites",
            [
                new("Rendez-vous honorés", n.Appointments.Honoured, b.Appointments.Honoured, Link: "/suivi/agenda"),
                new("Rendez-vous manqués", n.Appointments.Missed, b.Appointments.Missed, Link: ExportLink("rendez-vous")),
                new("Taux de présence", n.Appointments.HonouredRate, b.Appointments.HonouredRate, "%", Hint: "honorés sur honorés et manqués"),
                new("Rendez-vous annulés", n.Appointments.Cancelled, b.Appointments.Cancelled),
                new("Visites à domicile", n.Appointments.HomeVisits, b.Appointments.HomeVisits, Hint: "notées au journal ou rendez-vous honorés à domicile"),
            ]),
            new("ateliers", "Ateliers collectifs",
            [
                new("Séances", n.Workshops.Sessions, b.Workshops.Sessions, Link: "/suivi/ateliers"),
                new("Places offertes", n.Workshops.Seats, b.Workshops.Seats),
                new("Inscrits", n.Workshops.Registered, b.Workshops.Registered),
                new("Taux de remplissage", n.Workshops.FillRate, b.Workshops.FillRate, "%"),
                new("Présents", n.Workshops.Attended, b.Workshops.Attended),
                new("Taux de présence", n.Workshops.AttendanceRate, b.Workshops.AttendanceRate, "%", Hint: "présents sur présences notées"),
            ]),
            new("couts", "Activité valorisée aux coûts unitaires",
            [
                new("Coût réalisé", n.Activity.Costs.Sum(c => c.Amount), b.Activity.Costs.Sum(c => c.Amount), "€", Hint: "diagnostic 150 €, accompagnement 1 500 € par an, actions collectives 1 000 €"),
                new("Ménages-mois d'accompagnement", n.Activity.HouseholdMonths, b.Activity.HouseholdMonths),
            ]),
        ];
    }

    private List<Chart> BuildCharts()
    {
        var months = Now.Requests.ReceivedByMonth.Select(m => m.Month.ToString("MMM yyyy", French.Culture)).ToList();
        var charts = new List<Chart>
        {
            new("chart-demandes", "Demandes reçues par mois", "bar", months,
                [new("Demandes reçues", Now.Requests.ReceivedByMonth.Select(m => (decimal?)m.Count).ToList())]),
            new("chart-mesures", "Mesures par type", "bar", Now.Measures.ByKind.Select(k => k.Kind).ToList(),
            [
                new("Ouvertes", Now.Measures.ByKind.Select(k => (decimal?)k.Opened).ToList()),
                new("En cours", Now.Measures.ByKind.Select(k => (decimal?)k.Active).ToList()),
                new("Terminées", Now.Measures.ByKind.Select(k => (decimal?)k.Closed).ToList()),
            ]),
            new("chart-sorties", "Sorties par destination", "bar", Now.Exits.ByDestination.Select(d => d.Label).ToList(),
                [new("Ménages", Now.Exits.ByDestination.Select(d => (decimal?)d.Count).ToList())]),
        };
        if (Now.Occupancy.Months.Count > 0 && Now.Occupancy.Residences.Count > 0)
            charts.Add(new("chart-occupation", "Taux d'occupation par résidence et par mois", "line",
                Now.Occupancy.Months.Select(m => m.ToString("MMM yyyy", French.Culture)).ToList(),
                Now.Occupancy.Residences.Select(r => new ChartSeries(r.Residence, r.ByMonth)).ToList(), "%"));
        charts.Add(new("chart-rendez-vous", "Rendez-vous", "bar", ["Honorés", "Manqués", "Annulés", "À venir ou non renseignés"],
            [new("Période", [Now.Appointments.Honoured, Now.Appointments.Missed, Now.Appointments.Cancelled, Now.Appointments.Booked]),
             new("Période précédente", [Before.Appointments.Honoured, Before.Appointments.Missed, Before.Appointments.Cancelled, Before.Appointments.Booked])]));
        return charts;
    }

    /// The same page for another period kind, keeping the filters.
    public string PeriodUrl(string kind, DateOnly anchor) => Link("/suivi/statistiques", ("periode", kind), ("date", Iso(anchor)),
        ("equipe", Equipe), ("financeur", Financeur), ("mesure", Mesure), ("residence", Residence), ("public", Public));
}
