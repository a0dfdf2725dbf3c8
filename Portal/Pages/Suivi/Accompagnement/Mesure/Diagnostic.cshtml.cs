using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// The measure's initial diagnostic, written once.
public class DiagnosticModel(PortalDbContext db, TimeProvider clock) : MeasurePageModel(db, clock)
{
    public override MeasureSection Section => MeasureSection.Diagnostic;

    [BindProperty]
    public DiagnosticInput Diag { get; set; } = new();

    public class DiagnosticInput
    {
        [Required(ErrorMessage = "Écrivez le diagnostic.")]
        [StringLength(8000, ErrorMessage = "Le diagnostic ne doit pas dépasser 8 000 caractères.")]
        [PlainText]
        [Display(Name = "Diagnostic initial")]
        public string? Text { get; set; }

        public bool Confidential { get; set; }
    }

    protected override Task LoadSectionAsync(StaffScope scope, CancellationToken ct) => LoadDiagnosticAsync(scope, ct);

    public Task<IActionResult> OnPostAsync(long id, long measureId, CancellationToken ct) =>
        ActAsync(id, measureId, "Diag.Text", (scope, now) =>
        {
            Measure.WriteDiagnostic(Diag.Text!, Measure.StartsOn, scope.UserId, scope.UserName, now, Diag.Confidential);
            SupportFiles.Journal(Db, id, scope, Measure.StartsOn, JournalKind.Interview, Portal.Domain.Support.Diagnostic.JournalLine(measureId), now);
            return "Le diagnostic initial est enregistré.";
        }, ct);
}
