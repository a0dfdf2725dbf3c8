using System.ComponentModel.DataAnnotations;
using Portal.Data;
using Portal.Web;

namespace Portal.Pages.Admin.Partenaires;

public class OrganisationInput
{
    [Required(ErrorMessage = "Indiquez le nom de l'organisation.")]
    [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
    [PlainText]
    [Display(Name = "Nom de l'organisation")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choisissez le type de partenaire.")]
    [FrenchValue]
    [Display(Name = "Type de partenaire")]
    public PartnerKind? Kind { get; set; }

    [StringLength(120, ErrorMessage = "La commune ne doit pas dépasser 120 caractères.")]
    [PlainText]
    [Display(Name = "Commune (facultatif)")]
    public string? Town { get; set; }

    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : contact@exemple.fr).")]
    [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
    [Display(Name = "Adresse électronique générale (facultatif)")]
    public string? Email { get; set; }

    [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide.")]
    [StringLength(30, ErrorMessage = "Le numéro ne doit pas dépasser 30 caractères.")]
    [Display(Name = "Téléphone (facultatif)")]
    public string? Phone { get; set; }

    public static readonly PartnerKind[] Kinds =
        [PartnerKind.Siao, PartnerKind.Ccas, PartnerKind.DepartmentalCouncil, PartnerKind.MissionLocale, PartnerKind.Landlord, PartnerKind.Health, PartnerKind.Justice, PartnerKind.Caf, PartnerKind.Other];

    public void ApplyTo(PartnerOrganisation o)
    {
        o.Name = Name!.Trim();
        o.Kind = Kind!.Value;
        o.Town = string.IsNullOrWhiteSpace(Town) ? null : Town.Trim();
        o.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        o.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
    }
}
