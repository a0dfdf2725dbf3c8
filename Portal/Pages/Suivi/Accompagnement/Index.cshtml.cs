using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Web;
using Portal.Support;

namespace Portal.Pages.Suivi.Accompagnement;

/// The household's support measures, its leases, its exit, and the story they tell; opens a measure.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record MeasureRow(long Id, SupportKind Kind, Funder Funder, DateOnly StartsOn, DateOnly EndsOn, int TotalMonths,
        MeasureStatus Status, DateOnly? EndedOn, MeasureEndReason? EndReason, ScheduledReview? Next);
    public sealed record LeaseRow(long Id, long? MeasureId, string Landlord, DateOnly StartsOn, LeaseStatus Status, DateOnly? SlidOn, decimal Balance);
    public sealed record StoryLine(DateOnly On, string What);

    public HouseholdHeader Household { get; private set; } = null!;
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    /// The SIAO's latest answer on this household (an IML measure needs it).
    public Portal.Partners.SiaoRow? Siao { get; private set; }
    public IReadOnlyList<LeaseRow> Leases { get; private set; } = [];
    public Exit? RecordedExit { get; private set; }
    public IReadOnlyList<StoryLine> Story { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public OpenInput Open { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class OpenInput
    {
        [Required(ErrorMessage = "Choisissez le type de mesure.")]
        [FrenchValue]
        [Display(Name = "Type de mesure")]
        public SupportKind? Kind { get; set; }

        [Required(ErrorMessage = "Choisissez le financeur.")]
        [FrenchValue]
        [Display(Name = "Financeur")]
        public Funder? Funder { get; set; }

        [Required(ErrorMessage = "Indiquez la date de début.")]
        [FrenchValue]
        [Display(Name = "Date de début")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Indiquez la durée prévue, en mois.")]
        [Display(Name = "Durée prévue (mois)")]
        public string? Months { get; set; }

        [StringLength(8000, ErrorMessage = "Le diagnostic ne doit pas dépasser 8 000 caractères.")]
        [PlainText]
        [Display(Name = "Diagnostic initial")]
        public string? Diagnostic { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        Open.StartsOn ??= Today;
        scope.Audit(db, AuditActions.OpenedFile, id, clock.GetUtcNow().UtcDateTime, "Accompagnement");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        if (Household.Status == HouseholdStatus.Exited)
            ModelState.AddModelError("", "Ce ménage est sorti : aucune mesure ne peut plus être ouverte.");
        int? months = null;
        if (ModelState.IsValid)
        {
            months = SupportFiles.ParseInt(Open.Months);
            if (months is null) ModelState.AddModelError("Open.Months", SupportFiles.InvalidNumber);
            else if (Open.Kind!.Value.LengthProblem(months.Value) is { } problem) ModelState.AddModelError("Open.Months", problem);
        }
        if (ModelState.IsValid && Open.Kind is { } kind)
        {
            try { await Portal.Partners.SiaoValidations.RequireForMeasureAsync(db, id, kind, "Open.Kind", ct); }
            catch (DomainRuleException e) { ModelState.AddModelError("Open.Kind", e.Message); }
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var measure = SupportMeasure.Open(id, Open.Kind!.Value, Open.Funder!.Value, Open.StartsOn!.Value, months!.Value);
            if (!string.IsNullOrWhiteSpace(Open.Diagnostic))
                measure.WriteDiagnostic(Open.Diagnostic, measure.StartsOn, scope.UserId, scope.UserName, now);
            db.SupportMeasures.Add(measure);
            SupportFiles.Journal(db, id, scope, Open.StartsOn.Value, JournalKind.Note,
                $"Ouverture de la mesure {measure.Kind.Label()} ({measure.Funder.Label()}) pour {months} mois, à partir du {French.Date(measure.StartsOn)}.", now);
            scope.Audit(db, AuditActions.ChangedFile, id, now, $"Ouverture d'une mesure {measure.Kind.Label()}");
            await db.SaveChangesAsync(ct);
            if (measure.Diagnostic is not null)
            {
                SupportFiles.Journal(db, id, scope, measure.StartsOn, JournalKind.Interview, Diagnostic.JournalLine(measure.Id), now);
                await db.SaveChangesAsync(ct);
            }
            StatusMessage = $"La mesure {measure.Kind.Label()} est ouverte jusqu'au {French.Date(measure.EndsOn)}.";
            return RedirectToPage("/Suivi/Accompagnement/Mesure/Index", new { id, measureId = measure.Id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            db.ChangeTracker.Clear();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        if (await SupportFiles.HouseholdAsync(db, scope, id, ct) is not { } household) return false;
        Household = household;
        Siao = await Portal.Partners.SiaoValidations.ForHouseholdAsync(db, id, ct);
        Today = SupportFiles.Today(clock);
        var measures = await db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews).Include(m => m.Renewals)
            .Where(m => m.HouseholdId == id).OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        Measures = measures.Select(m => new MeasureRow(m.Id, m.Kind, m.Funder, m.StartsOn, m.EndsOn, m.TotalMonths, m.Status, m.EndedOn, m.EndReason,
            m.Status == MeasureStatus.Active ? m.NextReview(Today) : null)).ToList();
        var leases = await db.SlidingLeases.AsNoTracking().Include(l => l.Payments).Where(l => l.HouseholdId == id).OrderBy(l => l.StartsOn).ToListAsync(ct);
        Leases = leases.Select(l => new LeaseRow(l.Id, l.SupportMeasureId, l.Landlord, l.StartsOn, l.Status, l.SlidOn, l.BalanceOn(Today))).ToList();
        RecordedExit = await SupportFiles.LastExitAsync(db, id, ct);

        var story = new List<StoryLine>();
        foreach (var m in measures)
        {
            story.Add(new(m.StartsOn, $"Début de la mesure {m.Kind.Label()} ({m.Funder.Label()}), {m.InitialMonths} mois"));
            foreach (var r in m.Renewals) story.Add(new(r.DecidedOn, $"{m.Kind.Label()} : renouvellement de {r.Months} mois, jusqu'au {French.Date(r.NewEndsOn)}"));
            foreach (var r in m.RecordedReviews)
                story.Add(new(r.HeldOn, $"{m.Kind.Label()} : {ReviewLabels.MilestoneLabel(r.MonthsFromStart, false).ToLowerInvariant()} tenu — {r.Decision.Label()}"));
            if (m.EndedOn is { } ended) story.Add(new(ended, $"Fin de la mesure {m.Kind.Label()} ({EndLabel(m.EndReason)})"));
        }
        foreach (var l in leases)
        {
            story.Add(new(l.StartsOn, $"Début de la sous-location (bail glissant, {l.Landlord})"));
            if (l.SlidOn is { } slid) story.Add(new(slid, "Glissement du bail : le ménage devient locataire en titre (bail direct)"));
        }
        if (RecordedExit is { } exit) story.Add(new(exit.ExitedOn, $"Sortie : {exit.Destination.Label()}"));
        Story = story.OrderBy(s => s.On).ToList();
        return true;
    }

    public static string EndLabel(MeasureEndReason? reason) => reason switch
    {
        MeasureEndReason.Completed => "fin de mesure",
        MeasureEndReason.Exit => "sortie du ménage",
        MeasureEndReason.LeaseSlid => "glissement du bail",
        _ => "—",
    };
}
