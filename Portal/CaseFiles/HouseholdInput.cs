using System.ComponentModel.DataAnnotations;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.CaseFiles;

/// Where and how a household lives now, and the priority groups it belongs to: typed by the person
/// in their request (step 3) and by staff on a household file.
public class SituationInput
{
    [FrenchValue]
    [Display(Name = "Situation actuelle")]
    public CurrentSituation? Situation { get; set; }

    [StringLength(4000, ErrorMessage = "Les précisions sont trop longues : 4 000 caractères au plus.")]
    [PlainText]
    [Display(Name = "Précisions sur la situation")]
    public string? SituationDetails { get; set; }

    [FrenchValue]
    public TargetGroups TargetGroups { get; set; }

    [FrenchValue]
    public bool IsDalo { get; set; }
}

/// What staff type about a household, on its file ("Identité et situation") and when they open one:
/// one set of fields, checks and French messages, and one way onto the entity.
public class HouseholdInput : SituationInput
{
    [Required(ErrorMessage = "Indiquez le nom du ménage, par exemple « DURAND Marie ».")]
    [StringLength(250, ErrorMessage = "Le nom du ménage est trop long : 250 caractères au plus.")]
    [PlainText]
    [Display(Name = "Nom du ménage")]
    public string? Name { get; set; }

    [StringLength(30, ErrorMessage = "Le numéro de téléphone est trop long : 30 caractères au plus.")]
    [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide, par exemple 06 12 34 56 78.")]
    [Display(Name = "Téléphone")]
    public string? Phone { get; set; }

    [StringLength(256, ErrorMessage = "L'adresse électronique est trop longue : 256 caractères au plus.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide, par exemple marie.durand@exemple.fr.")]
    [Display(Name = "Adresse électronique")]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "L'adresse est trop longue : 500 caractères au plus.")]
    [PlainText]
    [Display(Name = "Adresse")]
    public string? Address { get; set; }

    [StringLength(120, ErrorMessage = "Le nom de la commune est trop long : 120 caractères au plus.")]
    [PlainText]
    [Display(Name = "Commune")]
    public string? Town { get; set; }

    [FrenchValue]
    public bool IsSingleParent { get; set; }

    [FrenchValue]
    [Range(0, 100000, ErrorMessage = "Le loyer doit être compris entre 0 et 100 000 €.")]
    [Display(Name = "Loyer actuel hors charges (facultatif)")]
    public decimal? CurrentRent { get; set; }

    [FrenchValue]
    [Range(0, 100000, ErrorMessage = "Les charges doivent être comprises entre 0 et 100 000 €.")]
    [Display(Name = "Charges actuelles (facultatif)")]
    public decimal? CurrentCharges { get; set; }

    /// The household as it is now, to edit.
    public static HouseholdInput Of(Household h) => new()
    {
        Name = h.Name, Phone = h.Phone, Email = h.Email, Address = h.Address, Town = h.Town, Situation = h.Situation,
        SituationDetails = h.SituationDetails, TargetGroups = h.TargetGroups, IsDalo = h.IsDalo, IsSingleParent = h.IsSingleParent,
        CurrentRent = h.CurrentRent, CurrentCharges = h.CurrentCharges,
    };

    /// Onto the household: named through the domain (a name needs a letter), the rest trimmed, blanks as none.
    public void ApplyTo(Household household)
    {
        household.Rename(Name ?? "");
        household.Phone = Clean(Phone);
        household.Email = Clean(Email);
        household.Address = Clean(Address);
        household.Town = Clean(Town);
        household.Situation = Situation;
        household.SituationDetails = Clean(SituationDetails);
        household.TargetGroups = TargetGroups;
        household.IsDalo = IsDalo;
        household.IsSingleParent = IsSingleParent;
        household.CurrentRent = CurrentRent;
        household.CurrentCharges = CurrentCharges;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// A new file: the household, its people, and who follows it.
public sealed class NewHouseholdInput : HouseholdInput
{
    public List<HouseholdMemberInput> Members { get; set; } = [];

    [FrenchValue]
    [Display(Name = "Équipe")]
    public long? TeamId { get; set; }

    [StringLength(450)]
    [Display(Name = "Référent ou référente")]
    public string? ReferentId { get; set; }
}

/// One row of people, in the resident's request form and in a new file: a blank row is skipped.
public sealed class HouseholdMemberInput
{
    /// The member a resident's row updates (their request's form sends it back).
    [FrenchValue]
    public long? Id { get; set; }

    [StringLength(100, ErrorMessage = "Le prénom est trop long : 100 caractères au plus.")]
    [PlainText]
    [Display(Name = "Prénom")]
    public string? FirstName { get; set; }

    [StringLength(100, ErrorMessage = "Le nom est trop long : 100 caractères au plus.")]
    [PlainText]
    [Display(Name = "Nom")]
    public string? LastName { get; set; }

    [FrenchValue]
    [Display(Name = "Date de naissance")]
    public DateOnly? BirthDate { get; set; }

    [FrenchValue]
    [Display(Name = "Lien")]
    public Relationship? Relationship { get; set; }

    [FrenchValue]
    [Display(Name = "Civilité (facultatif)")]
    public Civility? Civility { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && BirthDate is null;
}
