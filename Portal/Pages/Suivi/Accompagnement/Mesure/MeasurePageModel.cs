using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Support;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// What every page of a measure shares: the household as this person may see it (else 404), the
/// measure with its plan, reviews and renewals, its sliding lease (its own, or the one of the
/// measure it follows after the slide), the header with the measure's sections, and how a change
/// is made (checked, audited, saved, or shown again with its French message at the field).
public abstract class MeasurePageModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    protected PortalDbContext Db => db;
    protected TimeProvider Clock => clock;

    public HouseholdHeader Household { get; private set; } = null!;
    public SupportMeasure Measure { get; private set; } = null!;
    public SlidingLease? Lease { get; private set; }
    /// The lease belongs to the measure this one follows (after the slide): shown, not edited.
    public bool LeaseFromPrevious { get; private set; }
    public long? FollowUpId { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ScheduledReview> Schedule { get; private set; } = [];
    public string? Diagnostic { get; private set; }
    /// The diagnostic is written in a confidential entry this person may not read.
    public bool DiagnosticHidden { get; private set; }
    public string? DwellingLabel { get; private set; }

    public bool IsActive => Measure.Status == MeasureStatus.Active && Household.Status == HouseholdStatus.Active;
    public bool CanSlide => Measure.Kind.CanSlideLease() && Lease is { Status: LeaseStatus.Sublet } && !LeaseFromPrevious;

    /// The section of the measure this page shows, for the header's navigation.
    public abstract MeasureSection Section { get; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, long measureId, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, measureId, scope, tracked: false, ct)) return NotFound();
        await PrefillAsync(ct);
        scope.Audit(db, AuditActions.OpenedFile, id, clock.GetUtcNow().UtcDateTime, $"Mesure {Measure.Kind.Label()}");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// The forms' first values on a GET.
    protected virtual Task PrefillAsync(CancellationToken ct) => Task.CompletedTask;

    /// What this page shows beyond the measure and its lease.
    protected virtual Task LoadSectionAsync(StaffScope scope, CancellationToken ct) => Task.CompletedTask;

    /// Applies a change to the loaded (tracked) measure. <paramref name="errorKey"/> is the form
    /// field a rule about no particular field lands at; a rule naming a field of the entity lands at
    /// that field of the same form (<paramref name="fieldKeys"/> maps the entity's names that differ
    /// from the form's). Success: audited, saved, back to this page with the message.
    protected async Task<IActionResult> ActAsync(long id, long measureId, string errorKey, Func<StaffScope, DateTime, string> act, CancellationToken ct,
        IReadOnlyDictionary<string, string>? fieldKeys = null, string? fragment = null)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, measureId, scope, tracked: true, ct)) return NotFound();
        if (ModelState.IsValid && !IsActive)
            ModelState.AddModelError(errorKey, Household.Status == HouseholdStatus.Exited
                ? "Ce ménage est sorti : sa mesure ne se modifie plus."
                : $"Cette mesure est terminée depuis le {French.Date(Measure.EndedOn!.Value)}.");
        if (ModelState.IsValid)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var done = act(scope, now);
                scope.Audit(db, AuditActions.ChangedFile, id, now, $"Mesure {Measure.Kind.Label()}");
                await db.SaveChangesAsync(ct);
                StatusMessage = done;
                return RedirectToPage(null, null, new { id, measureId }, fragment);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(KeyOf(e.Field, errorKey, fieldKeys), e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(errorKey, "Cette mesure vient d'être modifiée par quelqu'un d'autre ; rechargez la page.");
            }
            db.ChangeTracker.Clear();
        }
        await LoadAsync(id, measureId, scope, tracked: false, ct);
        return Page();
    }

    protected Task LoadDiagnosticAsync(StaffScope scope, CancellationToken ct)
    {
        Diagnostic = Measure.Diagnostic?.TextFor(scope.CanReadConfidential(Household.ReferentId));
        DiagnosticHidden = Measure.Diagnostic is not null && Diagnostic is null;
        return Task.CompletedTask;
    }

    protected async Task LoadDwellingLabelAsync(CancellationToken ct)
    {
        if (Lease?.DwellingId is { } dwelling)
            DwellingLabel = await db.Dwellings.AsNoTracking().Where(d => d.Id == dwelling)
                .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => r.Name + " — " + d.Label).FirstOrDefaultAsync(ct);
    }

    private static string KeyOf(string? field, string errorKey, IReadOnlyDictionary<string, string>? fieldKeys)
    {
        if (field is null) return errorKey;
        if (fieldKeys?.GetValueOrDefault(field) is { } mapped) return mapped;
        var dot = errorKey.IndexOf('.');
        return dot < 0 ? field : $"{errorKey[..dot]}.{field}";
    }

    protected async Task<bool> LoadAsync(long id, long measureId, StaffScope scope, bool tracked, CancellationToken ct)
    {
        if (await SupportFiles.HouseholdAsync(db, scope, id, ct) is not { } household) return false;
        Household = household;
        Today = SupportFiles.Today(clock);
        IQueryable<SupportMeasure> measures = db.SupportMeasures.Include(m => m.Axes).ThenInclude(a => a.Notes)
            .Include(m => m.RecordedReviews).Include(m => m.Renewals).Include(m => m.Diagnostic);
        if (!tracked) measures = measures.AsNoTracking();
        var measure = await measures.AsSplitQuery().SingleOrDefaultAsync(m => m.Id == measureId && m.HouseholdId == id, ct);
        if (measure is null) return false;
        Measure = measure;

        IQueryable<SlidingLease> leases = db.SlidingLeases.Include(l => l.Payments);
        if (!tracked) leases = leases.AsNoTracking();
        Lease = await leases.Where(l => l.SupportMeasureId == measureId).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        LeaseFromPrevious = false;
        if (Lease is null && measure.PreviousMeasureId is { } previous)
        {
            Lease = await db.SlidingLeases.AsNoTracking().Include(l => l.Payments).Where(l => l.SupportMeasureId == previous).FirstOrDefaultAsync(ct);
            LeaseFromPrevious = Lease is not null;
        }
        FollowUpId = await db.SupportMeasures.Where(m => m.PreviousMeasureId == measureId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        Schedule = measure.Reviews(Today);
        await LoadSectionAsync(scope, ct);
        return true;
    }
}

/// The sections of a measure, one page each.
public enum MeasureSection { Overview, Diagnostic, Plan, Reviews, Renewal, Lease }
