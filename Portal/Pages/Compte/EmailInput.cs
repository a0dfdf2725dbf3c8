using System.ComponentModel.DataAnnotations;

namespace Portal.Pages.Compte;

/// The one-field form of the pages that send a link to an address.
public class EmailInput
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
    [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";
}
