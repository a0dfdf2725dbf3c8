using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Web;

namespace Portal.Pages.Suivi.Agenda;

/// A worker's weekly opening hours per place, absences (leave, training) and one-off extra
/// openings. A worker edits their own; a manager anyone's. Every field is read as text and checked
/// here (with the domain's rules), so that messages are French and a hand-made post never fails.
public class HorairesModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, StaffAgenda agenda) : HandledPageModel
{
    public const int MaxReason = 400;

    public sealed record PlaceOption(int Id, string Name);
    public sealed record OpeningRow(int Id, DayOfWeek Day, TimeOnly Start, TimeOnly End, DateOnly? From, DateOnly? Until, string Place);
    public sealed record AbsenceRow(int Id, DateTime StartLocal, DateTime EndLocal, string? Reason, string? Place);
    public sealed record ExtraRow(int Id, DateTime StartLocal, DateTime EndLocal, string Place);

    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly IReadOnlyList<string> AbsenceKinds = ["Congé", "Formation", "Autre absence"];

    [BindProperty(SupportsGet = true)] public string? Travailleur { get; set; }

    // Weekly opening.
    [BindProperty] public string? OuvLieu { get; set; }
    [BindProperty] public string? OuvJour { get; set; }
    [BindProperty] public string? OuvDebut { get; set; }
    [BindProperty] public string? OuvFin { get; set; }
    [BindProperty] public string? OuvDu { get; set; }
    [BindProperty] public string? OuvAu { get; set; }

    // Absence.
    [BindProperty] public string? AbsNature { get; set; }
    [BindProperty] public string? AbsDebut { get; set; }
    [BindProperty] public string? AbsFin { get; set; }
    [BindProperty] public string? AbsLieu { get; set; }
    [BindProperty] public string? AbsRaison { get; set; }

    // Extra opening.
    [BindProperty] public string? ExtLieu { get; set; }
    [BindProperty] public string? ExtDebut { get; set; }
    [BindProperty] public string? ExtFin { get; set; }

    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<WorkerOption> Workers { get; private set; } = [];
    public WorkerOption Worker { get; private set; } = null!;
    public IReadOnlyList<PlaceOption> Places { get; private set; } = [];
    public IReadOnlyList<OpeningRow> Openings { get; private set; } = [];
    public IReadOnlyList<AbsenceRow> Absences { get; private set; } = [];
    public IReadOnlyList<ExtraRow> Extras { get; private set; } = [];

    /// Which form failed, to put the focus and errors there.
    public string? FailedForm { get; private set; }

    public static string DayLabel(DayOfWeek day) => French.Culture.DateTimeFormat.GetDayName(day);

    public static string Local(DateTime local) => local.ToString("dddd d MMMM yyyy 'à' HH:mm", French.Culture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    // A post naming no known handler goes back to the page.
    public IActionResult OnPost() => RedirectToPage(new { travailleur = Travailleur });

    public async Task<IActionResult> OnPostOpeningAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        await LoadAsync(ct);
        ModelState.Clear();

        var place = PlaceField(OuvLieu, nameof(OuvLieu));
        DayOfWeek day = default;
        if (!int.TryParse(OuvJour, out var d) || d is < 0 or > 6) ModelState.AddModelError(nameof(OuvJour), "Choisissez le jour.");
        else day = (DayOfWeek)d;
        var start = TimeField(OuvDebut, nameof(OuvDebut), "Indiquez l'heure de début (par exemple 09:00).");
        var end = TimeField(OuvFin, nameof(OuvFin), "Indiquez l'heure de fin (par exemple 12:00).");
        var from = DateField(OuvDu, nameof(OuvDu));
        var until = DateField(OuvAu, nameof(OuvAu));
        if (!ModelState.IsValid) return Failed("ouverture");

        WeeklyOpening opening;
        try
        {
            opening = new WeeklyOpening(Worker.Id, place!.Id, day, start!.Value, end!.Value, from, until);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Message.Contains("date", StringComparison.OrdinalIgnoreCase) ? nameof(OuvAu) : nameof(OuvFin), e.Message);
            return Failed("ouverture");
        }

        var existing = await db.WorkerOpenings.AsNoTracking().Where(o => o.WorkerId == Worker.Id && o.Day == day).Include(o => o.Place).ToListAsync(ct);
        if (existing.FirstOrDefault(o => o.ToDomain().ConflictsWith(opening)) is { } clash)
        {
            ModelState.AddModelError(nameof(OuvDebut),
                $"Ces horaires chevauchent ceux du {DayLabel(clash.Day)} de {clash.Start:HH\\:mm} à {clash.End:HH\\:mm} ({clash.Place?.Name}) : on ne peut pas être à deux endroits à la fois.");
            return Failed("ouverture");
        }

        db.WorkerOpenings.Add(new WorkerOpening { WorkerId = Worker.Id, PlaceId = place.Id, Day = day, Start = opening.Start, End = opening.End, From = from, Until = until });
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Horaires ajoutés : le {DayLabel(day)} de {opening.Start:HH\\:mm} à {opening.End:HH\\:mm} ({place.Name}).";
        return Back();
    }

    public async Task<IActionResult> OnPostAbsenceAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        await LoadAsync(ct);
        ModelState.Clear();

        var nature = AbsNature?.Trim();
        if (string.IsNullOrEmpty(nature) || !AbsenceKinds.Contains(nature)) ModelState.AddModelError(nameof(AbsNature), "Choisissez le type d'absence.");
        var start = LocalField(AbsDebut, nameof(AbsDebut), "Indiquez le début de l'absence (date et heure).");
        var end = LocalField(AbsFin, nameof(AbsFin), "Indiquez la fin de l'absence (date et heure).");
        PlaceOption? place = null;
        if (!string.IsNullOrEmpty(AbsLieu)) place = PlaceField(AbsLieu, nameof(AbsLieu));
        var details = string.IsNullOrWhiteSpace(AbsRaison) ? null : AbsRaison.Trim();
        if (details is { Length: > MaxReason }) ModelState.AddModelError(nameof(AbsRaison), $"La précision ne doit pas dépasser {MaxReason} caractères.");
        if (!ModelState.IsValid) return Failed("absence");

        LocalRange range;
        try
        {
            range = new LocalRange(start!.Value, end!.Value);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(nameof(AbsFin), e.Message);
            return Failed("absence");
        }
        var reason = details is null ? nature! : $"{nature} : {details}";
        db.WorkerAbsences.Add(new WorkerAbsence { WorkerId = Worker.Id, PlaceId = place?.Id, StartLocal = range.Start, EndLocal = range.End, Reason = reason });
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Absence enregistrée du {Local(range.Start)} au {Local(range.End)} : aucun rendez-vous ne sera proposé sur cette période"
            + (place is null ? "." : $" à « {place.Name} ».");
        return Back();
    }

    public async Task<IActionResult> OnPostExtraAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        await LoadAsync(ct);
        ModelState.Clear();

        var place = PlaceField(ExtLieu, nameof(ExtLieu));
        var start = LocalField(ExtDebut, nameof(ExtDebut), "Indiquez le début du créneau (date et heure).");
        var end = LocalField(ExtFin, nameof(ExtFin), "Indiquez la fin du créneau (date et heure).");
        if (!ModelState.IsValid) return Failed("extra");

        LocalRange range;
        try
        {
            range = new LocalRange(start!.Value, end!.Value);
            if (range.End - range.Start > TimeSpan.FromHours(24)) throw new DomainRuleException("Un créneau ponctuel dure au plus 24 heures.");
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(nameof(ExtFin), e.Message);
            return Failed("extra");
        }
        var clash = await db.WorkerExtraOpenings.AsNoTracking()
            .AnyAsync(x => x.WorkerId == Worker.Id && x.StartLocal < range.End && range.Start < x.EndLocal, ct);
        if (clash)
        {
            ModelState.AddModelError(nameof(ExtDebut), "Ce créneau chevauche un autre créneau ponctuel déjà ouvert.");
            return Failed("extra");
        }
        db.WorkerExtraOpenings.Add(new WorkerExtraOpening { WorkerId = Worker.Id, PlaceId = place!.Id, StartLocal = range.Start, EndLocal = range.End });
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Créneau ponctuel ouvert le {Local(range.Start)} jusqu'à {range.End:HH\\:mm} ({place.Name}).";
        return Back();
    }

    public async Task<IActionResult> OnPostDeleteOpeningAsync(int id, CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        var row = await db.WorkerOpenings.FirstOrDefaultAsync(o => o.Id == id && o.WorkerId == Worker.Id, ct);
        if (row is null) return NotFound();
        db.WorkerOpenings.Remove(row);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Les horaires sont supprimés.";
        return Back();
    }

    public async Task<IActionResult> OnPostDeleteAbsenceAsync(int id, CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        var row = await db.WorkerAbsences.FirstOrDefaultAsync(a => a.Id == id && a.WorkerId == Worker.Id, ct);
        if (row is null) return NotFound();
        db.WorkerAbsences.Remove(row);
        await db.SaveChangesAsync(ct);
        StatusMessage = "L'absence est supprimée.";
        return Back();
    }

    public async Task<IActionResult> OnPostDeleteExtraAsync(int id, CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        var row = await db.WorkerExtraOpenings.FirstOrDefaultAsync(x => x.Id == id && x.WorkerId == Worker.Id, ct);
        if (row is null) return NotFound();
        db.WorkerExtraOpenings.Remove(row);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Le créneau ponctuel est supprimé.";
        return Back();
    }

    private RedirectToPageResult Back() => RedirectToPage(new { travailleur = Worker.Id == users.GetUserId(User) ? null : Worker.Id });

    private PageResult Failed(string form)
    {
        FailedForm = form;
        return Page();
    }

    private async Task<bool> ResolveAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        Workers = await agenda.HoursEditableAsync(User, me, ct);
        var chosen = string.IsNullOrEmpty(Travailleur) ? me.Id : Travailleur;
        if (Workers.FirstOrDefault(w => w.Id == chosen) is not { } worker) return false;
        Worker = worker;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await db.Places.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new PlaceOption(p.Id, p.Name)).ToListAsync(ct);
        var openings = await db.WorkerOpenings.AsNoTracking().Where(o => o.WorkerId == Worker.Id)
            .Select(o => new OpeningRow(o.Id, o.Day, o.Start, o.End, o.From, o.Until, o.Place!.Name)).ToListAsync(ct);
        Openings = openings.OrderBy(o => ((int)o.Day + 6) % 7).ThenBy(o => o.Start).ToList();

        var today = DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime)).ToDateTime(TimeOnly.MinValue);
        var placeNames = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Absences = (await db.WorkerAbsences.AsNoTracking().Where(a => a.WorkerId == Worker.Id && a.EndLocal >= today).OrderBy(a => a.StartLocal).ToListAsync(ct))
            .Select(a => new AbsenceRow(a.Id, a.StartLocal, a.EndLocal, a.Reason, a.PlaceId is { } p ? placeNames.GetValueOrDefault(p) : null)).ToList();
        Extras = (await db.WorkerExtraOpenings.AsNoTracking().Where(x => x.WorkerId == Worker.Id && x.EndLocal >= today).OrderBy(x => x.StartLocal).ToListAsync(ct))
            .Select(x => new ExtraRow(x.Id, x.StartLocal, x.EndLocal, placeNames.GetValueOrDefault(x.PlaceId, ""))).ToList();
    }

    private PlaceOption? PlaceField(string? value, string key)
    {
        if (int.TryParse(value, out var id) && Places.FirstOrDefault(p => p.Id == id) is { } place) return place;
        ModelState.AddModelError(key, "Choisissez un lieu dans la liste.");
        return null;
    }

    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H\\hmm", "HH\\hmm"];

    private TimeOnly? TimeField(string? value, string key, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, missing);
            return null;
        }
        if (TimeOnly.TryParseExact(value.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        ModelState.AddModelError(key, "L'heure n'est pas valide : écrivez-la comme 09:30.");
        return null;
    }

    private DateOnly? DateField(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            return d;
        ModelState.AddModelError(key, "La date n'est pas valide : écrivez-la comme 31/12/2026.");
        return null;
    }

    private DateTime? LocalField(string? value, string key, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, missing);
            return null;
        }
        if (DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            && t.Year is >= 2000 and <= 2100)
            return DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
        ModelState.AddModelError(key, "La date et l'heure ne sont pas valides : écrivez-les comme 31/12/2026 09:30.");
        return null;
    }
}
