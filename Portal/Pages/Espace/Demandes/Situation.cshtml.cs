using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class SituationModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftStepModel(db, users, clock)
{
    public override int Step => 3;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel : SituationInput
    {
        [FrenchValue]
        [Display(Name = "Date de la décision DALO (facultatif)")]
        public DateOnly? DaloDecisionDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        Input = new InputModel
        {
            Situation = Draft.Situation,
            SituationDetails = Draft.SituationDetails,
            TargetGroups = Draft.TargetGroups,
            IsDalo = Draft.IsDalo,
            DaloDecisionDate = Draft.DaloDecisionDate,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, string? go, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        var today = DateOnly.FromDateTime(French.ToParis(Now));
        return await ChangeAndGoAsync(
            () => Draft.DescribeSituation(Input.Situation, Input.SituationDetails, Input.TargetGroups, Input.IsDalo, Input.DaloDecisionDate, today), go, ct);
    }
}
