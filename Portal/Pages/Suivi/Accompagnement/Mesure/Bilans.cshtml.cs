using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// The reviews: their schedule, what was said, and the form recording the next one with its
/// decision (continue, renew, slide the lease, end).
public class BilansModel(PortalDbContext db, TimeProvider clock) : MeasurePageModel(db, clock)
{
    private static readonly Dictionary<string, string> FieldKeys = new()
    {
        ["SituationJudgedStable"] = "Review.Stable",
        [nameof(MeasureRenewal.DecidedOn)] = "Review.HeldOn",
    };

    public override MeasureSection Section => MeasureSection.Reviews;

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

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

    protected override Task LoadSectionAsync(StaffScope scope, CancellationToken ct) => LoadDwellingLabelAsync(ct);

    protected override Task PrefillAsync(CancellationToken ct)
    {
        Review.HeldOn = Today;
        Review.Months = Measure.NextReview(Today)?.MonthsFromStart.ToString();
        return Task.CompletedTask;
    }

    public Task<IActionResult> OnPostAsync(long id, long measureId, CancellationToken ct)
    {
        var review = Review;
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
        return ActAsync(id, measureId, "Review.Months", (scope, now) =>
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
                var followUp = Measure.RecordSlideReview(months!.Value, heldOn, Lease, review.Stable, review.Situation);
                Db.SupportMeasures.Add(followUp);
                done = $"Le bail a glissé le {French.Date(heldOn)} : le ménage est désormais locataire en titre. Une mesure « {followUp.Kind.Label()} » prend le relais.";
            }
            else
            {
                Measure.RecordReview(months!.Value, heldOn, review.Decision!.Value, review.Situation, renewal);
                done = $"Le {label.ToLowerInvariant()} est enregistré : {review.Decision!.Value.Label().ToLowerInvariant()}.";
            }
            SupportFiles.Journal(Db, id, scope, heldOn, JournalKind.Interview,
                $"{label} ({Measure.Kind.Label()}) — décision : {review.Decision!.Value.Label()}.\n{review.Situation!.Trim()}", now);
            return done;
        }, ct, FieldKeys);
    }
}
