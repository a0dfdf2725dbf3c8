using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class RechercheModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftFormStepModel<RechercheModel.InputModel>(db, users, clock)
{
    public override int Step => 4;

    public class InputModel
    {
        [FrenchValue]
        public Typologies Typologies { get; set; }

        [StringLength(500, ErrorMessage = "La liste des communes est trop longue : 500 caractères au plus.")]
        [PlainText]
        [Display(Name = "Communes souhaitées")]
        public string? Towns { get; set; }

        [FrenchValue]
        public AccessibilityNeeds Accessibility { get; set; }

        [StringLength(1000, ErrorMessage = "Ce texte est trop long : 1 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Autres besoins liés à un handicap ou à la santé (facultatif)")]
        public string? AccessibilityDetails { get; set; }

        [FrenchValue]
        [Display(Name = "Loyer que vous pouvez payer par mois, hors charges (facultatif)")]
        public decimal? AffordableRent { get; set; }

        [FrenchValue]
        [Display(Name = "Charges que vous pouvez payer par mois (facultatif)")]
        public decimal? AffordableCharges { get; set; }
    }

    public static string TypologyLabel(Typologies t) => t switch
    {
        Typologies.T1 => "T1 : une pièce principale (studio)",
        Typologies.T2 => "T2 : séjour et une chambre",
        Typologies.T3 => "T3 : séjour et deux chambres",
        Typologies.T4 => "T4 : séjour et trois chambres",
        Typologies.T5 => "T5 : séjour et quatre chambres ou plus",
        _ => t.ToString(),
    };

    protected override InputModel Read(HousingRequest draft) => new()
    {
        Typologies = draft.Typologies, Towns = draft.Towns, Accessibility = draft.Accessibility,
        AccessibilityDetails = draft.AccessibilityDetails, AffordableRent = draft.AffordableRent, AffordableCharges = draft.AffordableCharges,
    };

    protected override void Apply(HousingRequest draft, InputModel input) =>
        draft.DescribeWishes(input.Typologies, NormalizeTowns(input.Towns), input.Accessibility, input.AccessibilityDetails, input.AffordableRent, input.AffordableCharges);

    /// "Lille ; Roubaix,, " → "Lille, Roubaix": the team routing reads the towns separated by commas.
    private static string? NormalizeTowns(string? towns)
    {
        var list = (towns ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.Length == 0 ? null : string.Join(", ", list);
    }
}
