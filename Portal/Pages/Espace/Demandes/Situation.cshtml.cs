using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class SituationModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftFormStepModel<SituationModel.InputModel>(db, users, clock)
{
    public override int Step => 3;

    public class InputModel : SituationInput
    {
        [FrenchValue]
        [Display(Name = "Date de la décision DALO (facultatif)")]
        public DateOnly? DaloDecisionDate { get; set; }
    }

    protected override InputModel Read(HousingRequest draft) => new()
    {
        Situation = draft.Situation, SituationDetails = draft.SituationDetails, TargetGroups = draft.TargetGroups,
        IsDalo = draft.IsDalo, DaloDecisionDate = draft.DaloDecisionDate,
    };

    protected override void Apply(HousingRequest draft, InputModel input) =>
        draft.DescribeSituation(input.Situation, input.SituationDetails, input.TargetGroups, input.IsDalo, input.DaloDecisionDate, Today);
}
