using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// The action plan: its axes, their statuses and notes.
/// Three forms post here; each handler binds its own InputModel (a [BindProperty] would validate
/// every form of the page on each post).
public class PlanModel(PortalDbContext db, TimeProvider clock) : MeasurePageModel(db, clock)
{
    public override MeasureSection Section => MeasureSection.Plan;

    public IReadOnlyDictionary<string, string> Authors { get; private set; } = new Dictionary<string, string>();
    public AxisInput NewAxis { get; set; } = new();
    public AxisStatusInput ChangeStatus { get; set; } = new();
    public AxisNoteInput Note { get; set; } = new();
    /// The axis whose form the last post's errors belong to.
    public long? FailedAxisId { get; private set; }

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

    public class AxisStatusInput
    {
        [Required(ErrorMessage = "Choisissez le statut.")]
        [FrenchValue]
        [Display(Name = "Statut")]
        public AxisStatus? Status { get; set; }
    }

    public class AxisNoteInput
    {
        [FrenchValue]
        [Display(Name = "Date de la note")]
        public DateOnly? WrittenOn { get; set; }

        [Required(ErrorMessage = "Écrivez la note.")]
        [StringLength(4000, ErrorMessage = "La note ne doit pas dépasser 4 000 caractères.")]
        [PlainText]
        [Display(Name = "Note")]
        public string? Text { get; set; }
    }

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct)
    {
        var authorIds = Measure.Axes.SelectMany(a => a.Notes).Select(n => n.AuthorId).Distinct().ToList();
        Authors = await Db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }

    public Task<IActionResult> OnPostAddAxisAsync(long id, long measureId, [Bind(Prefix = nameof(NewAxis))] AxisInput axis, CancellationToken ct)
    {
        NewAxis = axis;
        return ActAsync(id, measureId, "NewAxis.Area", (scope, now) =>
        {
            var actions = axis.Actions?.Trim() ?? "";
            if (!string.IsNullOrWhiteSpace(axis.Who)) actions = (actions.Length > 0 ? actions + "\n" : "") + "Qui : " + axis.Who.Trim();
            var added = Measure.AddAxis(axis.Area!.Value, axis.Objective!, actions);
            return $"L'axe « {added.Area.Label()} » est ajouté au plan d'action.";
        }, ct, fragment: "ajout-axe");
    }

    public Task<IActionResult> OnPostAxisStatusAsync(long id, long measureId, long axisId, [Bind(Prefix = nameof(ChangeStatus))] AxisStatusInput input, CancellationToken ct)
    {
        ChangeStatus = input;
        FailedAxisId = axisId;
        return ActAsync(id, measureId, "ChangeStatus.Status", (scope, now) =>
        {
            var axis = AxisOf(axisId);
            axis.MoveTo(input.Status!.Value);
            return $"L'axe « {axis.Area.Label()} » est maintenant « {axis.Status.Label()} ».";
        }, ct, fragment: $"axe-{axisId}");
    }

    public Task<IActionResult> OnPostAxisNoteAsync(long id, long measureId, long axisId, [Bind(Prefix = nameof(Note))] AxisNoteInput input, CancellationToken ct)
    {
        Note = input;
        FailedAxisId = axisId;
        return ActAsync(id, measureId, "Note.Text", (scope, now) =>
        {
            var axis = AxisOf(axisId);
            axis.AddNote(input.WrittenOn ?? Today, scope.UserId, input.Text!);
            return $"La note est ajoutée à l'axe « {axis.Area.Label()} ».";
        }, ct, fragment: $"axe-{axisId}");
    }

    private ActionAxis AxisOf(long axisId) =>
        Measure.Axes.FirstOrDefault(a => a.Id == axisId) ?? throw new DomainRuleException("Cet axe n'existe pas.");

    /// The first error of a field of the axis form that failed, if it is this axis's.
    public string? ErrorFor(long axisId, string key) =>
        FailedAxisId == axisId && ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
}
