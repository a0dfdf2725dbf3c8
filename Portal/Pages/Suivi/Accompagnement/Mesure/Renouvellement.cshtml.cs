using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// Renewing the measure outside a review (a funder's decision), within its kind's total length.
public class RenouvellementModel(PortalDbContext db, TimeProvider clock) : MeasurePageModel(db, clock)
{
    public override MeasureSection Section => MeasureSection.Renewal;

    [BindProperty]
    public RenewInput Renewal { get; set; } = new();

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

    protected override Task PrefillAsync(CancellationToken ct)
    {
        Renewal.DecidedOn = Today;
        return Task.CompletedTask;
    }

    public Task<IActionResult> OnPostAsync(long id, long measureId, CancellationToken ct)
    {
        var months = SupportFiles.ParseInt(Renewal.Months);
        if (ModelState.IsValid && months is null) ModelState.AddModelError("Renewal.Months", SupportFiles.InvalidNumber);
        return ActAsync(id, measureId, "Renewal.Months", (scope, now) =>
        {
            var r = Measure.Renew(months!.Value, Renewal.DecidedOn!.Value);
            SupportFiles.Journal(Db, id, scope, r.DecidedOn, JournalKind.Note,
                $"Renouvellement de la mesure {Measure.Kind.Label()} pour {r.Months} mois, jusqu'au {French.Date(r.NewEndsOn)}.", now);
            return $"La mesure est renouvelée jusqu'au {French.Date(r.NewEndsOn)}.";
        }, ct);
    }
}
