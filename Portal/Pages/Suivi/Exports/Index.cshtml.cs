using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Exports;
using Portal.Statistics;

namespace Portal.Pages.Suivi.Exports;

/// Exports of the rows a staff member reaches, as CSV or XLSX made in the background: a table, the
/// columns they choose, a period; definitions saved by funder to run again; the funders' workbook.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public string? Table { get; set; }
        public List<string> Columns { get; set; } = [];
        public ExportFormat Format { get; set; } = ExportFormat.Xlsx;
        public string? Du { get; set; }
        public string? Au { get; set; }
        public string? Financeur { get; set; }
        public string? Equipe { get; set; }
        public string? Name { get; set; }
        public string? Key { get; set; }
    }

    public sealed record SavedRow(long Id, string Name, string Table, ExportFormat Format, Funder? Funder, int Columns, bool Mine);
    public sealed record Option(string Value, string Label);

    [BindProperty] public InputModel Input { get; set; } = new();
    public IExportTable Table { get; private set; } = ExportCatalog.Tables[0];
    public bool IsManager { get; private set; }
    public IReadOnlyList<Option> Teams { get; private set; } = [];
    public IReadOnlyList<SavedRow> Saved { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Recent { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(string? table, string? du, string? au, string? financeur, string? equipe, long? definition, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        Input = new InputModel { Table = table, Du = du, Au = au, Financeur = financeur, Equipe = equipe };
        if (definition is { } id && await db.ExportDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.IsSaved, ct) is { } saved)
        {
            Input.Table = saved.Table;
            Input.Columns = saved.Columns.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            Input.Format = saved.Format;
            Input.Financeur = saved.Funder is { } f ? ((int)f).ToString(CultureInfo.InvariantCulture) : null;
            Input.Equipe = saved.TeamId?.ToString(CultureInfo.InvariantCulture);
            Input.Name = saved.Name;
        }
        Table = ExportCatalog.Find(Input.Table) ?? ExportCatalog.Tables[0];
        Input.Table = Table.Key;
        if (Input.Columns.Count == 0) Input.Columns = Table.Columns.Select(c => c.Key).ToList();
        await LoadAsync(scope, ct);
    }

    private async Task LoadAsync(StaffScope scope, CancellationToken ct)
    {
        IsManager = scope.IsManager;
        Input.Key ??= Guid.NewGuid().ToString("N");
        Teams = await (IsManager ? db.Teams : db.Teams.Where(t => t.Id == scope.TeamId)).AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Option(t.Id.ToString(), t.Name)).ToListAsync(ct);
        var me = scope.UserId;
        Saved = (await db.ExportDefinitions.AsNoTracking().Where(d => d.IsSaved).OrderBy(d => d.Funder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.Table, d.Format, d.Funder, d.Columns, d.CreatedById }).ToListAsync(ct))
            .Select(d => new SavedRow(d.Id, d.Name ?? "", d.Table, d.Format, d.Funder, d.Columns.Split(',').Length, d.CreatedById == me)).ToList();
        Recent = await DocumentDesk.Rows(db.DocumentRequests.Where(r => r.RequestedById == me
                && (r.Kind == TableExport.KindName || r.Kind == FunderWorkbook.KindName))
            .OrderByDescending(r => r.Id).Take(10)).ToListAsync(ct);
    }

    /// The definition the form describes, or null with the errors at their fields.
    private ExportDefinition? Read(StaffScope scope, bool named)
    {
        var table = ExportCatalog.Find(Input.Table);
        if (table is null) { ModelState.AddModelError("Input.Table", "Choisissez une table à exporter."); return null; }
        Table = table;
        var columns = Input.Columns.Where(k => table.Columns.Any(c => c.Key == k)).Distinct().ToList();
        if (columns.Count == 0) ModelState.AddModelError("Input.Columns", "Choisissez au moins une colonne.");
        var from = StatsPeriod.ParseIso(Input.Du);
        var to = StatsPeriod.ParseIso(Input.Au);
        if (!string.IsNullOrWhiteSpace(Input.Du) && from is null) ModelState.AddModelError("Input.Du", "Date de début invalide (jj/mm/aaaa).");
        if (!string.IsNullOrWhiteSpace(Input.Au) && to is null) ModelState.AddModelError("Input.Au", "Date de fin invalide (jj/mm/aaaa).");
        if (from is { } a && to is { } b && b < a) ModelState.AddModelError("Input.Au", "La date de fin doit être postérieure ou égale à la date de début.");
        if (from is { Year: < 2000 or > 2100 } || to is { Year: < 2000 or > 2100 }) ModelState.AddModelError("Input.Du", "Choisissez des dates entre 2000 et 2100.");
        Funder? funder = int.TryParse(Input.Financeur, NumberStyles.None, CultureInfo.InvariantCulture, out var f) && Enum.IsDefined((Funder)f) ? (Funder)f : null;
        int? team = int.TryParse(Input.Equipe, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : null;
        if (!Enum.IsDefined(Input.Format)) ModelState.AddModelError("Input.Format", "Choisissez CSV ou XLSX.");
        var name = Input.Name?.Trim();
        if (named && string.IsNullOrEmpty(name)) ModelState.AddModelError("Input.Name", "Donnez un nom à cette définition, par exemple « DDETS – sorties IML ».");
        if (named && name is { Length: > 120 }) ModelState.AddModelError("Input.Name", "Le nom ne peut pas dépasser 120 caractères.");
        if (!ModelState.IsValid) return null;
        return new ExportDefinition
        {
            Table = table.Key, Columns = string.Join(',', columns), Format = Input.Format, Funder = funder, TeamId = team,
            From = from, To = to, Name = named ? name : null, IsSaved = named,
            CreatedById = scope.UserId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    private static string TitleOf(ExportDefinition d, IExportTable table)
    {
        var period = (d.From, d.To) switch
        {
            ({ } a, { } b) => $" du {French.Date(a)} au {French.Date(b)}",
            ({ } a, null) => $" depuis le {French.Date(a)}",
            (null, { } b) => $" jusqu'au {French.Date(b)}",
            _ => "",
        };
        var funder = d.Funder is { } f ? $" — {f.Label()}" : "";
        return $"Export {table.Label}{funder}{period} ({(d.Format == ExportFormat.Csv ? "CSV" : "XLSX")})";
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var definition = Read(scope, named: false);
        if (definition is null) return await InvalidAsync(scope, ct);
        return await AskAsync(scope, definition, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var definition = Read(scope, named: true);
        if (definition is null) return await InvalidAsync(scope, ct);
        // The period belongs to each run, not to the definition.
        definition.From = definition.To = null;
        db.ExportDefinitions.Add(definition);
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Définition « {definition.Name} » enregistrée.";
        return RedirectToPage(new { table = definition.Table });
    }

    /// Runs a saved definition over the period given with it.
    public async Task<IActionResult> OnPostRunSavedAsync(long id, string? du, string? au, string? key, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var saved = await db.ExportDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.IsSaved, ct);
        if (saved is null) return NotFound();
        Input = new InputModel
        {
            Table = saved.Table, Columns = saved.Columns.Split(',').ToList(), Format = saved.Format, Du = du, Au = au, Key = key,
            Financeur = saved.Funder is { } f ? ((int)f).ToString(CultureInfo.InvariantCulture) : null,
            Equipe = saved.TeamId?.ToString(CultureInfo.InvariantCulture),
        };
        var definition = Read(scope, named: false);
        if (definition is null) return await InvalidAsync(scope, ct);
        return await AskAsync(scope, definition, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var saved = await db.ExportDefinitions.SingleOrDefaultAsync(d => d.Id == id && d.IsSaved, ct);
        if (saved is null) return NotFound();
        if (!scope.IsManager && saved.CreatedById != scope.UserId) return Forbid();
        // Files already made from it keep their own copy of the definition.
        db.ExportDefinitions.Remove(saved);
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Définition « {saved.Name} » supprimée.";
        return RedirectToPage();
    }

    /// The funders' workbook for a period (managers): the activity report's tables, one per sheet.
    public async Task<IActionResult> OnPostWorkbookAsync(string? du, string? au, string? financeur, string? key, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!scope.IsManager) return Forbid();
        var first = StatsPeriod.ParseIso(du);
        var last = StatsPeriod.ParseIso(au);
        if (first is null || last is null || last < first || first.Value.Year < 2000 || last.Value.Year > 2100)
        {
            StatusMessage = "Choisissez une période valide (date de début, puis date de fin) pour les tableaux du financeur.";
            return Request.IsHtmx() ? Content(StatusMessage) : RedirectToPage();
        }
        Funder? funder = int.TryParse(financeur, NumberStyles.None, CultureInfo.InvariantCulture, out var f) && Enum.IsDefined((Funder)f) ? (Funder)f : null;
        var title = FunderWorkbook.Title(first.Value, last.Value, funder);
        var request = await FileRequests.AskAsync(db, clock, new FileOrder(FunderWorkbook.KindName, DocumentSubject.WorkbookKey(first.Value, last.Value, funder),
            title, scope.UserId, null, false, key), (r, now) => scope.Audit(db, TableExport.ExportedAction, null, now, r.Title), ct);
        return await AnswerAsync(request, ct);
    }

    /// The form again with its errors; an htmx post swaps the whole main area rather than the status.
    private async Task<IActionResult> InvalidAsync(StaffScope scope, CancellationToken ct)
    {
        await LoadAsync(scope, ct);
        if (Request.IsHtmx())
        {
            Response.Headers["HX-Retarget"] = "main";
            Response.Headers["HX-Reswap"] = "outerHTML";
            Response.Headers["HX-Reselect"] = "main";
        }
        return Page();
    }

    private async Task<IActionResult> AskAsync(StaffScope scope, ExportDefinition definition, CancellationToken ct)
    {
        db.ExportDefinitions.Add(definition);
        await db.SaveChangesAsync(ct);
        var title = TitleOf(definition, Table);
        var request = await FileRequests.AskAsync(db, clock, new FileOrder(TableExport.KindName, TableExport.SubjectKey(definition.Id),
            title, scope.UserId, null, false, Input.Key), (r, now) => scope.Audit(db, TableExport.ExportedAction, null, now, r.Title), ct);
        return await AnswerAsync(request, ct);
    }

    private async Task<IActionResult> AnswerAsync(DocumentRequest request, CancellationToken ct)
    {
        if (!Request.IsHtmx())
        {
            StatusMessage = $"« {request.Title} » est en préparation : il apparaît ci-dessous dès qu'il est prêt, et vous recevez un courriel.";
            return RedirectToPage();
        }
        var row = await DocumentDesk.Rows(db.DocumentRequests.Where(r => r.Id == request.Id)).SingleAsync(ct);
        return Partial("/Pages/Suivi/Documents/_DocumentStatus.cshtml", new DocumentStatusView(row, null, null));
    }
}
