using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Web;

namespace Portal.Pages.Admin.Logements;

public class ResidenceInput
{
    [Required(ErrorMessage = "Indiquez le nom de la résidence.")]
    [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
    [PlainText]
    [Display(Name = "Nom")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choisissez le type de résidence.")]
    [FrenchValue]
    [Display(Name = "Type")]
    public ResidenceKind? Kind { get; set; }

    [StringLength(500, ErrorMessage = "L'adresse ne doit pas dépasser 500 caractères.")]
    [PlainText]
    [Display(Name = "Adresse (facultatif)")]
    public string? Address { get; set; }

    [StringLength(120, ErrorMessage = "La commune ne doit pas dépasser 120 caractères.")]
    [PlainText]
    [Display(Name = "Commune (facultatif)")]
    public string? Town { get; set; }

    public static ResidenceInput From(Residence r) => new() { Name = r.Name, Kind = r.Kind, Address = r.Address, Town = r.Town };
}

public class DwellingInput
{
    [Required(ErrorMessage = "Indiquez le numéro ou le nom du logement.")]
    [StringLength(100, ErrorMessage = "Le numéro ne doit pas dépasser 100 caractères.")]
    [PlainText]
    [Display(Name = "Numéro ou nom du logement")]
    public string? Label { get; set; }

    [Required(ErrorMessage = "Choisissez la typologie.")]
    [FrenchValue]
    [Display(Name = "Typologie")]
    public Typology? Typology { get; set; }

    [Required(ErrorMessage = "Choisissez le financement.")]
    [FrenchValue]
    [Display(Name = "Financement")]
    public Financing? Financing { get; set; }

    [Required(ErrorMessage = "Indiquez le loyer mensuel.")]
    [FrenchValue]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Le loyer doit être compris entre 0 et 100 000 €.")]
    [Display(Name = "Loyer mensuel (€)")]
    public decimal? Rent { get; set; }

    [Required(ErrorMessage = "Indiquez les charges mensuelles (0 s'il n'y en a pas).")]
    [FrenchValue]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Les charges doivent être comprises entre 0 et 100 000 €.")]
    [Display(Name = "Charges mensuelles (€)")]
    public decimal? Charges { get; set; }

    [FrenchValue]
    [Display(Name = "L'association est titulaire du bail (sous-location)")]
    public bool AssociationHoldsLease { get; set; }

    [StringLength(500, ErrorMessage = "L'adresse ne doit pas dépasser 500 caractères.")]
    [PlainText]
    [Display(Name = "Adresse, étage, porte (facultatif)")]
    public string? Address { get; set; }

    [StringLength(200, ErrorMessage = "Le nom du bailleur ne doit pas dépasser 200 caractères.")]
    [PlainText]
    [Display(Name = "Bailleur (facultatif)")]
    public string? Landlord { get; set; }

    public static DwellingInput From(Dwelling d) => new()
    {
        Label = d.Label, Typology = d.Typology, Financing = d.Financing, Rent = d.Rent, Charges = d.Charges,
        AssociationHoldsLease = d.AssociationHoldsLease, Address = d.Address, Landlord = d.Landlord,
    };

    /// Checks the label is free in the residence, then creates or updates the dwelling; a refused
    /// rule lands at the field. Returns false when the form has errors.
    public async Task<Dwelling?> ApplyAsync(PortalDbContext db, ModelStateDictionary state, string prefix, long residenceId, Dwelling? existing, CancellationToken ct)
    {
        if (!state.IsValid) return null;
        var label = Label!.Trim();
        if (await db.Dwellings.AnyAsync(d => d.ResidenceId == residenceId && d.Label == label && (existing == null || d.Id != existing.Id), ct))
        {
            state.AddModelError($"{prefix}.Label", "Un logement de cette résidence porte déjà ce numéro.");
            return null;
        }
        try
        {
            var dwelling = existing ?? new Dwelling(residenceId, label, Typology!.Value, Financing!.Value, Rent!.Value, Charges!.Value, AssociationHoldsLease);
            if (existing is not null)
            {
                existing.Describe(label, Typology!.Value, Financing!.Value, AssociationHoldsLease);
                existing.SetRent(Rent!.Value, Charges!.Value);
            }
            dwelling.Locate(Address, Landlord);
            return dwelling;
        }
        catch (DomainRuleException e)
        {
            state.AddModelError($"{prefix}.Label", e.Message);
            return null;
        }
    }
}
