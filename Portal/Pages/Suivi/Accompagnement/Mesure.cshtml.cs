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

/// One measure: diagnostic, action plan, reviews (with the slide of the lease), renewals, and the
/// sliding lease with its payments and month-by-month ledger.
public class MesureModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record DwellingOption(long Id, string Label);

    public HouseholdHeader Household { get; private set; } = null!;
    public SupportMeasure Measure { get; private set; } = null!;
    public SlidingLease? Lease { get; private set; }
    /// The lease belongs to the measure this one follows (after the slide): shown, not edited.
    public bool LeaseFromPrevious { get; private set; }
    public string? DwellingLabel { get; private set; }
    public long? FollowUpId { get; private set; }
    public string? Diagnostic { get; private set; }
    /// The diagnostic is written in a confidential entry this person may not read.
    public bool DiagnosticHidden { get; private set; }
    public IReadOnlyDictionary<string, string> Authors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<DwellingOption> Dwellings { get; private set; } = [];
    public IReadOnlyList<ScheduledReview> Schedule { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public bool IsActive => Measure.Status == MeasureStatus.Active && Household.Status == HouseholdStatus.Active;
    public bool CanSlide => Measure.Kind.CanSlideLease() && Lease is { Status: LeaseStatus.Sublet } && !LeaseFromPrevious;

    public DiagnosticInput Diag { get; set; } = new();
    public AxisInput NewAxis { get; set; } = new();
    public ReviewInput Review { get; set; } = new();
    public RenewInput Renewal { get; set; } = new();
    public LeaseInput NewLease { get; set; } = new();
    public PaymentInput Payment { get; set; } = new();
    /// Which axis form the last error belongs to.
    public long? FailedAxisId { get; private set; }
    public string? AxisError { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public class DiagnosticInput
    {
        [Required(ErrorMessage = "Écrivez le diagnostic.")]
        [StringLength(8000, ErrorMessage = "Le diagnostic ne doit pas dépasser 8 000 caractères.")]
        [PlainText]
        [Display(Name = "Diagnostic initial")]
        public string? Text { get; set; }

        public bool Confidential { get; set; }
    }

    public class AxisInput
    {
        [Required(ErrorMessage = "Choisissez l'axe.")]
        [FrenchValue]
        [Display(Name = "Axe")]
        public ActionArea? Area { get; set; }

        [Required(ErrorMessage = "Écrivez l'objectif.")]
        [StringLength(2000, ErrorMessage = "L'objectif ne doit pas dépasser 2 000 caractères.")]
        [PlainText]
        [Display(Name = "Objectif")]
        public string? Objective { get; set; }

        [StringLength(3000, ErrorMessage = "Les actions ne doivent pas dépasser 3 000 caractères.")]
        [PlainText]
        [Display(Name = "Actions")]
        public string? Actions { get; set; }

        [StringLength(500, ErrorMessage = "Ce champ ne doit pas dépasser 500 caractères.")]
        [PlainText]
        [Display(Name = "Qui les mène")]
        public string? Who { get; set; }
    }

    public class ReviewInput
    {
        [Required(ErrorMessage = "Choisissez le bilan.")]
        [Display(Name = "Bilan")]
        public string? Months { get; set; }

        [Required(ErrorMessage = "Indiquez la date du bilan.")]
        [FrenchValue]
        [Display(Name = "Tenu le")]
        public DateOnly? HeldOn { get; set; }

        [Required(ErrorMessage = "Décrivez la situation du ménage.")]
        [StringLength(6000, ErrorMessage = "La situation ne doit pas dépasser 6 000 caractères.")]
        [PlainText]
        [Display(Name = "Situation du ménage")]
        public string? Situation { get; set; }

        public Dictionary<long, string?>? Progress { get; set; }

        [Required(ErrorMessage = "Choisissez la décision.")]
        [FrenchValue]
        [Display(Name = "Décision")]
        public ReviewDecision? Decision { get; set; }

        [Display(Name = "Durée du renouvellement (mois)")]
        public string? RenewalMonths { get; set; }

        [FrenchValue]
        [Display(Name = "Situation jugée stable")]
        public bool Stable { get; set; }
    }

    public class RenewInput
    {
        [Required(ErrorMessage = "Indiquez la durée du renouvellement, en mois.")]
        [Display(Name = "Durée (mois)")]
        public string? Months { get; set; }

        [Required(ErrorMessage = "Indiquez la date de la décision.")]
        [FrenchValue]
        [Display(Name = "Décidé le")]
        public DateOnly? DecidedOn { get; set; }
    }

    public class LeaseInput
    {
        [Required(ErrorMessage = "Indiquez le bailleur.")]
        [StringLength(200, ErrorMessage = "Le bailleur ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Bailleur")]
        public string? Landlord { get; set; }

        [Required(ErrorMessage = "Indiquez la date d'entrée dans les lieux.")]
        [FrenchValue]
        [Display(Name = "Début de la sous-location")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Indiquez le loyer.")]
        [FrenchValue]
        [Range(0.01, 100000, ErrorMessage = "Le loyer doit être compris entre 0,01 € et 100 000 €.")]
        [Display(Name = "Loyer mensuel (€)")]
        public decimal? Rent { get; set; }

        [Required(ErrorMessage = "Indiquez les charges (0 s'il n'y en a pas).")]
        [FrenchValue]
        [Range(0, 100000, ErrorMessage = "Les charges doivent être comprises entre 0 € et 100 000 €.")]
        [Display(Name = "Charges mensuelles (€)")]
        public decimal? Charges { get; set; }

        [FrenchValue]
        [Display(Name = "Logement")]
        public long? DwellingId { get; set; }
    }

    public class PaymentInput
    {
        [Required(ErrorMessage = "Indiquez la date du paiement.")]
        [FrenchValue]
        [Display(Name = "Payé le")]
        public DateOnly? PaidOn { get; set; }

        [Required(ErrorMessage = "Indiquez le montant payé.")]
        [FrenchValue]
        [Range(0.01, 100000, ErrorMessage = "Le montant doit être compris entre 0,01 € et 100 000 €.")]
        [Display(Name = "Montant (€)")]
        public decimal? Amount { get; set; }

        [StringLength(200, ErrorMessage = "La référence ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Référence (facultatif)")]
        public string? Reference { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, long measureId, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, measureId, scope, tracked: false, ct)) return NotFound();
        Review.HeldOn = Today;
        Review.Months = Measure.NextReview(Today)?.MonthsFromStart.ToString();
        Renewal.DecidedOn = Today;
        Payment.PaidOn = Today;
        await PrefillLeaseAsync(id, ct);
        scope.Audit(db, AuditActions.OpenedFile, id, clock.GetUtcNow().UtcDateTime, $"Mesure {Measure.Kind.Label()}");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// A post to an unknown handler lands here: back to the page.
    public IActionResult OnPost(long id, long measureId) => Redirect(MeasurePage.Path(id, measureId));

    public Task<IActionResult> OnPostDiagnosticAsync(long id, long measureId, [Bind(Prefix = nameof(Diag))] DiagnosticInput diag, CancellationToken ct)
    {
        Diag = diag;
        return ActAsync(id, measureId, ct, (scope, now) =>
        {
            Measure.WriteDiagnostic(diag.Text!, Measure.StartsOn, scope.UserId, scope.UserName, now, diag.Confidential);
            SupportFiles.Journal(db, id, scope, Measure.StartsOn, JournalKind.Interview, Portal.Domain.Support.Diagnostic.JournalLine(measureId), now);
            return "Le diagnostic initial est enregistré.";
        }, errorKey: "Diag.Text");
    }

    public Task<IActionResult> OnPostAddAxisAsync(long id, long measureId, [Bind(Prefix = nameof(NewAxis))] AxisInput axis, CancellationToken ct)
    {
        NewAxis = axis;
        return ActAsync(id, measureId, ct, (scope, now) =>
        {
            var actions = axis.Actions?.Trim() ?? "";
            if (!string.IsNullOrWhiteSpace(axis.Who)) actions = (actions.Length > 0 ? actions + "\n" : "") + "Qui : " + axis.Who.Trim();
            var added = Measure.AddAxis(axis.Area!.Value, axis.Objective!, actions);
            return $"L'axe « {added.Area.Label()} » est ajouté au plan d'action.";
        }, errorKey: "NewAxis.Area");
    }

    public Task<IActionResult> OnPostAxisStatusAsync(long id, long measureId, long axisId, [ModelBinder(typeof(FrenchValueBinder))] AxisStatus? status, CancellationToken ct) =>
        ActAsync(id, measureId, ct, (scope, now) =>
        {
            FailedAxisId = axisId;
            var axis = Measure.Axes.FirstOrDefault(a => a.Id == axisId) ?? throw new DomainRuleException("Cet axe n'existe pas.");
            axis.MoveTo(status ?? throw new DomainRuleException("Choisissez le statut."));
            return $"L'axe « {axis.Area.Label()} » est maintenant « {axis.Status.Label()} ».";
        }, axisError: true);

    public Task<IActionResult> OnPostAxisNoteAsync(long id, long measureId, long axisId, [ModelBinder(typeof(FrenchValueBinder))] DateOnly? writtenOn, string? text, CancellationToken ct) =>
        ActAsync(id, measureId, ct, (scope, now) =>
        {
            FailedAxisId = axisId;
            var axis = Measure.Axes.FirstOrDefault(a => a.Id == axisId) ?? throw new DomainRuleException("Cet axe n'existe pas.");
            if (text is { Length: > 4000 }) throw new DomainRuleException("La note ne doit pas dépasser 4 000 caractères.");
            if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
                throw new DomainRuleException("Ce texte contient un caractère invisible non autorisé : retirez-le puis réessayez.");
            axis.AddNote(writtenOn ?? Today, scope.UserId, text ?? "");
            return $"La note est ajoutée à l'axe « {axis.Area.Label()} ».";
        }, axisError: true);

    public Task<IActionResult> OnPostReviewAsync(long id, long measureId, [Bind(Prefix = nameof(Review))] ReviewInput review, CancellationToken ct)
    {
        Review = review;
        var months = SupportFiles.ParseInt(review.Months);
        if (ModelState.IsValid && months is null) ModelState.AddModelError("Review.Months", "Choisissez le bilan.");
        int? renewal = null;
        if (ModelState.IsValid && review.Decision == ReviewDecision.Renew)
        {
            renewal = SupportFiles.ParseInt(review.RenewalMonths);
            if (renewal is null) ModelState.AddModelError("Review.RenewalMonths", "Indiquez la durée du renouvellement, en mois.");
        }
        if (review.Progress is not null && review.Progress.Values.Any(v => v is { Length: > 4000 }))
            ModelState.AddModelError("Review.Situation", "Le point sur un axe ne doit pas dépasser 4 000 caractères.");
        return ActAsync(id, measureId, ct, (scope, now) =>
        {
            var heldOn = review.HeldOn!.Value;
            var planned = Measure.Reviews(heldOn).FirstOrDefault(r => r.MonthsFromStart == months);
            var label = planned?.Label ?? $"Bilan à {months} mois";
            foreach (var axis in Measure.Axes)
                if (review.Progress?.GetValueOrDefault(axis.Id) is { } progress && !string.IsNullOrWhiteSpace(progress))
                    axis.AddNote(heldOn, scope.UserId, $"{label} : {progress.Trim()}");
            string done;
            if (review.Decision == ReviewDecision.SlideLease)
            {
                if (!CanSlide || Lease is null)
                    throw new DomainRuleException("Le glissement du bail n'est possible que pour une mesure IML ou bail glissant dont le bail est en sous-location.", nameof(ReviewInput.Decision));
                if (Lease.SlideProblem(heldOn, review.Stable) is { } problem)
                    throw new DomainRuleException(problem, Lease.SlideProblem(heldOn, true) is null ? nameof(ReviewInput.Stable) : nameof(ReviewInput.Decision));
                var followUp = Measure.RecordSlideReview(months!.Value, heldOn, Lease, review.Stable, review.Situation);
                db.SupportMeasures.Add(followUp);
                done = $"Le bail a glissé le {French.Date(heldOn)} : le ménage est désormais locataire en titre. Une mesure « {followUp.Kind.Label()} » prend le relais.";
            }
            else
            {
                Measure.RecordReview(months!.Value, heldOn, review.Decision!.Value, review.Situation, renewal);
                done = $"Le {label.ToLowerInvariant()} est enregistré : {review.Decision!.Value.Label().ToLowerInvariant()}.";
            }
            SupportFiles.Journal(db, id, scope, heldOn, JournalKind.Interview,
                $"{label} ({Measure.Kind.Label()}) — décision : {review.Decision!.Value.Label()}.\n{review.Situation!.Trim()}", now);
            return done;
        }, errorKey: "Review.Months");
    }

    public Task<IActionResult> OnPostRenewAsync(long id, long measureId, [Bind(Prefix = nameof(Renewal))] RenewInput renew, CancellationToken ct)
    {
        Renewal = renew;
        var months = SupportFiles.ParseInt(renew.Months);
        if (ModelState.IsValid && months is null) ModelState.AddModelError("Renewal.Months", SupportFiles.InvalidNumber);
        return ActAsync(id, measureId, ct, (scope, now) =>
        {
            var r = Measure.Renew(months!.Value, renew.DecidedOn!.Value);
            SupportFiles.Journal(db, id, scope, renew.DecidedOn.Value, JournalKind.Note,
                $"Renouvellement de la mesure {Measure.Kind.Label()} pour {r.Months} mois, jusqu'au {French.Date(r.NewEndsOn)}.", now);
            return $"La mesure est renouvelée jusqu'au {French.Date(r.NewEndsOn)}.";
        }, errorKey: "Renewal.Months");
    }

    public Task<IActionResult> OnPostCreateLeaseAsync(long id, long measureId, [Bind(Prefix = nameof(NewLease))] LeaseInput lease, CancellationToken ct)
    {
        NewLease = lease;
        return ActAsync(id, measureId, ct, (scope, now) =>
        {
            var created = Measure.StartLease(Lease, lease.Landlord!, lease.StartsOn!.Value, lease.Rent!.Value, lease.Charges!.Value);
            if (lease.DwellingId is { } dwellingId)
            {
                if (!Dwellings.Any(d => d.Id == dwellingId)) throw new DomainRuleException("Ce logement n'est pas proposé.", nameof(LeaseInput.DwellingId));
                created.AttachDwelling(dwellingId);
            }
            db.SlidingLeases.Add(created);
            SupportFiles.Journal(db, id, scope, created.StartsOn, JournalKind.Note,
                $"Début de la sous-location (bail glissant, {created.Landlord}) : loyer {French.Money(created.Rent)}, charges {French.Money(created.Charges)}.", now);
            return "Le bail glissant est enregistré.";
        }, errorKey: "NewLease.Landlord");
    }

    public Task<IActionResult> OnPostPaymentAsync(long id, long measureId, [Bind(Prefix = nameof(Payment))] PaymentInput payment, CancellationToken ct)
    {
        Payment = payment;
        return ActAsync(id, measureId, ct, (scope, now) =>
        {
            if (Lease is null || LeaseFromPrevious) throw new DomainRuleException("Cette mesure n'a pas de bail en sous-location.");
            var p = Lease.RecordPayment(payment.PaidOn!.Value, payment.Amount!.Value, payment.Reference, Today);
            return $"Le paiement de {French.Money(p.Amount)} du {French.Date(p.PaidOn)} est enregistré.";
        }, errorKey: "Payment.Amount", anchor: "#bail");
    }

    private async Task<IActionResult> ActAsync(long id, long measureId, CancellationToken ct, Func<StaffScope, DateTime, string> act,
        string errorKey = "", bool axisError = false, string anchor = "")
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
                return Redirect(MeasurePage.Path(id, measureId) + anchor);
            }
            catch (DomainRuleException e)
            {
                if (axisError) AxisError = e.Message;
                // A rule about one field of the entity lands at that field of the same form.
                else ModelState.AddModelError(e.Field is { } field && errorKey.Contains('.') ? $"{errorKey[..errorKey.IndexOf('.')]}.{field}" : errorKey, e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(errorKey, "Cette mesure vient d'être modifiée par quelqu'un d'autre ; rechargez la page.");
            }
            db.ChangeTracker.Clear();
        }
        else if (axisError)
        {
            AxisError = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
        }
        var failedAxis = FailedAxisId;
        await LoadAsync(id, measureId, scope, tracked: false, ct);
        FailedAxisId = failedAxis;
        return Page();
    }

    /// A new lease starts with the measure, in the dwelling the household lives in when the
    /// association holds its lease.
    private async Task PrefillLeaseAsync(long id, CancellationToken ct)
    {
        if (Lease is not null || !Measure.Kind.CanSlideLease()) return;
        NewLease.StartsOn = Measure.StartsOn;
        var dwelling = await db.Stays.AsNoTracking().Where(s => s.HouseholdId == id && s.Status == StayStatus.Active)
            .Join(db.Dwellings.AsNoTracking(), s => s.DwellingId, d => d.Id, (s, d) => d)
            .Where(d => d.AssociationHoldsLease).FirstOrDefaultAsync(ct);
        if (dwelling is null) return;
        NewLease.DwellingId = dwelling.Id;
        NewLease.Landlord = dwelling.Landlord;
        NewLease.Rent = dwelling.Rent > 0 ? dwelling.Rent : null;
        NewLease.Charges = dwelling.Charges;
    }

    private async Task<bool> LoadAsync(long id, long measureId, StaffScope scope, bool tracked, CancellationToken ct)
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

        Diagnostic = measure.Diagnostic?.TextFor(scope.CanReadConfidential(household.ReferentId));
        DiagnosticHidden = measure.Diagnostic is not null && Diagnostic is null;

        var authorIds = measure.Axes.SelectMany(a => a.Notes).Select(n => n.AuthorId).Distinct().ToList();
        Authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        if (measure.Kind.CanSlideLease())
        {
            var rows = await db.Dwellings.AsNoTracking().Where(d => d.AssociationHoldsLease && !d.IsWithdrawn)
                .Join(db.Residences.AsNoTracking(), d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, d.Label, Residence = r.Name })
                .OrderBy(d => d.Residence).ThenBy(d => d.Label).Take(500).ToListAsync(ct);
            Dwellings = rows.Select(r => new DwellingOption(r.Id, $"{r.Residence} — {r.Label}")).ToList();
        }
        if (Lease?.DwellingId is { } dwelling)
            DwellingLabel = await db.Dwellings.AsNoTracking().Where(d => d.Id == dwelling)
                .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => r.Name + " — " + d.Label).FirstOrDefaultAsync(ct);
        Schedule = measure.Reviews(Today);
        return true;
    }
}
