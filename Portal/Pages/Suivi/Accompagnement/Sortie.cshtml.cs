using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Web;
using Portal.Support;

namespace Portal.Pages.Suivi.Accompagnement;

/// The exit of a household: first what it will close (stays, measures, aid), then the record.
public class SortieModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record PlanView(IReadOnlyList<string> Stays, IReadOnlyList<string> Measures, IReadOnlyList<string> Grants, DateOnly AidStopsFrom);

    public HouseholdHeader Household { get; private set; } = null!;
    public Exit? RecordedExit { get; private set; }
    public PlanView? Plan { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty]
    public ExitInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class ExitInput
    {
        [Required(ErrorMessage = "Indiquez la date de sortie.")]
        [FrenchValue]
        [Display(Name = "Date de sortie")]
        public DateOnly? ExitedOn { get; set; }

        [Required(ErrorMessage = "Choisissez la destination.")]
        [FrenchValue]
        [Display(Name = "Destination")]
        public ExitDestination? Destination { get; set; }

        [StringLength(2000, ErrorMessage = "Les précisions ne doivent pas dépasser 2 000 caractères.")]
        [PlainText]
        [Display(Name = "Précisions")]
        public string? Details { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        Input.ExitedOn = Today;
        scope.Audit(db, AuditActions.OpenedFile, id, clock.GetUtcNow().UtcDateTime, "Sortie");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// Shows what the exit will close, with the button that records it.
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        if (Check() && await DataAsync(id, ct) is var (stays, measures, grants))
        {
            try
            {
                var plan = Exit.Plan(id, Input.ExitedOn!.Value, Today, stays, measures, grants);
                Plan = await DescribeAsync(plan, ct);
            }
            catch (DomainRuleException e)
            {
                AddError(e);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        if (!Check()) return Page();
        var (stays, measures, grants) = await DataAsync(id, ct);
        var household = await db.Households.SingleAsync(h => h.Id == id, ct);
        try
        {
            var on = Input.ExitedOn!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var plan = Exit.Plan(id, on, Today, stays, measures, grants);
            var exit = Exit.Record(id, on, Today, Input.Destination!.Value, Input.Details, stays, measures, grants);
            db.Exits.Add(exit);
            household.RecordExit(exit, now);
            SupportFiles.Journal(db, id, scope, on, JournalKind.Note,
                $"Sortie du ménage : {exit.Destination.Label()}{(exit.Details is { Length: > 0 } d ? $" ({d})" : "")}. "
                + $"{plan.Stays.Count} séjour(s), {plan.Measures.Count} mesure(s) et {plan.Grants.Count} aide(s) clôturés.", now);
            scope.Audit(db, AuditActions.ChangedFile, id, now, "Sortie du ménage");
            await db.SaveChangesAsync(ct);
            StatusMessage = $"La sortie du {French.Date(on)} est enregistrée ({exit.Destination.Label()}).";
            return RedirectToPage("/Suivi/Accompagnement/Index", new { id });
        }
        catch (DomainRuleException e)
        {
            AddError(e);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Le dossier vient d'être modifié par quelqu'un d'autre ; rechargez la page.");
        }
        db.ChangeTracker.Clear();
        return Page();
    }

    private bool Check()
    {
        if (Household.Status == HouseholdStatus.Exited)
            ModelState.AddModelError("", "La sortie de ce ménage est déjà enregistrée.");
        if (ModelState.IsValid && Input.Destination == ExitDestination.Other && string.IsNullOrWhiteSpace(Input.Details))
            ModelState.AddModelError("Input.Details", "Précisez la destination de sortie.");
        return ModelState.IsValid;
    }

    /// A rule of the exit lands at the field it concerns (the date unless it names another).
    private void AddError(DomainRuleException e) =>
        ModelState.AddModelError($"{nameof(Input)}.{e.Field ?? nameof(ExitInput.ExitedOn)}", e.Message);

    private async Task<(List<Stay>, List<SupportMeasure>, List<AidGrant>)> DataAsync(long id, CancellationToken ct) => (
        await db.Stays.Where(s => s.HouseholdId == id && s.Status == StayStatus.Active).ToListAsync(ct),
        await db.SupportMeasures.Where(m => m.HouseholdId == id && m.Status == MeasureStatus.Active).ToListAsync(ct),
        await db.AidGrants.Where(g => g.HouseholdId == id).ToListAsync(ct));

    private async Task<PlanView> DescribeAsync(ExitPlan plan, CancellationToken ct)
    {
        var dwellingIds = plan.Stays.Select(s => s.DwellingId).ToList();
        var labels = await db.Dwellings.AsNoTracking().Where(d => dwellingIds.Contains(d.Id))
            .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, Label = r.Name + " — " + d.Label })
            .ToDictionaryAsync(x => x.Id, x => x.Label, ct);
        return new PlanView(
            plan.Stays.Select(s => $"Séjour dans {labels.GetValueOrDefault(s.DwellingId, "un logement")}, depuis le {French.Date(s.StartsOn)}").ToList(),
            plan.Measures.Select(m => $"Mesure {m.Kind.Label()} ({m.Funder.Label()}), depuis le {French.Date(m.StartsOn)}").ToList(),
            plan.Grants.Select(g => $"Aide du fonds de {French.Money(g.MonthlyAmount)} par mois, arrêtée à partir de {SupportFiles.MonthLabel(plan.AidStopsFrom)}").ToList(),
            plan.AidStopsFrom);
    }

    private async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        if (await SupportFiles.HouseholdAsync(db, scope, id, ct) is not { } household) return false;
        Household = household;
        Today = SupportFiles.Today(clock);
        RecordedExit = await SupportFiles.LastExitAsync(db, id, ct);
        return true;
    }
}
