using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;
using static Portal.Pages.Suivi.Menages.HouseholdFileData;

namespace Portal.Pages.Suivi.Menages;

/// Who the household is, how to reach it, where and how it lives now.
public class IdentiteModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    public override string Section => "/Suivi/Menages/Identite";
    protected override string? OpenedDetail => "Identité et situation";

    public IdentityInput? Identity { get; set; }

    public class IdentityInput
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

        public static IdentityInput From(string name, IdentityRow s) => new()
        {
            Name = name, Phone = s.Phone, Email = s.Email, Address = s.Address, Town = s.Town, Situation = s.Situation,
            SituationDetails = s.SituationDetails, TargetGroups = s.TargetGroups, IsDalo = s.IsDalo, IsSingleParent = s.IsSingleParent,
            CurrentRent = s.CurrentRent, CurrentCharges = s.CurrentCharges,
        };
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct) =>
        Identity ??= IdentityInput.From(Header.Name, await IdentityAsync(Db, Header.Id, ct));

    public Task<IActionResult> OnPostIdentityAsync(long id, [Bind(Prefix = nameof(Identity))] IdentityInput identity, CancellationToken ct)
    {
        Identity = identity;
        if (identity.Name is not null && HouseholdFactory.SearchKey(identity.Name).Length == 0)
            ModelState.AddModelError("Identity.Name", "Le nom du ménage doit contenir au moins une lettre.");
        return EditAsync(id, ct, (h, _) =>
        {
            h.Name = identity.Name!.Trim();
            h.SearchName = HouseholdFactory.SearchKey(h.Name);
            h.Phone = Clean(identity.Phone);
            h.Email = Clean(identity.Email);
            h.Address = Clean(identity.Address);
            h.Town = Clean(identity.Town);
            h.Situation = identity.Situation;
            h.SituationDetails = Clean(identity.SituationDetails);
            h.TargetGroups = identity.TargetGroups;
            h.IsDalo = identity.IsDalo;
            h.IsSingleParent = identity.IsSingleParent;
            h.CurrentRent = identity.CurrentRent;
            h.CurrentCharges = identity.CurrentCharges;
            return Task.FromResult(("Identité et situation", "L'identité et la situation du ménage sont enregistrées."));
        });
    }
}
