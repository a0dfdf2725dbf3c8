using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Menages;

/// Who else works with the household (CCAS, CAF, a landlord…), and how to reach them.
public class PartenairesModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    public sealed record PartnerRow(long Id, PartnerKind Kind, string Organisation, string? ContactName, string? Phone, string? Email, string? Notes);

    public override string Section => "/Suivi/Menages/Partenaires";
    protected override string? OpenedDetail => "Partenaires";

    public IReadOnlyList<PartnerRow> Partners { get; private set; } = [];
    /// The partner whose edit form is open again after an error.
    public long? EditingPartnerId { get; private set; }

    public PartnerInput Partner { get; set; } = new();
    public PartnerInput EditPartner { get; set; } = new();

    /// The partner an edit or a removal is about.
    [BindProperty(Name = "partnerId"), FrenchValue]
    public long? PartnerId { get; set; }

    public class PartnerInput
    {
        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le type de partenaire.")]
        [Display(Name = "Type de partenaire")]
        public PartnerKind? Kind { get; set; }

        [Required(ErrorMessage = "Indiquez l'organisme, par exemple « CCAS de Lille ».")]
        [StringLength(200, ErrorMessage = "Le nom de l'organisme est trop long : 200 caractères au plus.")]
        [PlainText]
        [Display(Name = "Organisme")]
        public string? Organisation { get; set; }

        [StringLength(200, ErrorMessage = "Le nom du contact est trop long : 200 caractères au plus.")]
        [PlainText]
        [Display(Name = "Interlocuteur (facultatif)")]
        public string? ContactName { get; set; }

        [StringLength(30, ErrorMessage = "Le numéro de téléphone est trop long : 30 caractères au plus.")]
        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide, par exemple 03 20 12 34 56.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? Phone { get; set; }

        [StringLength(256, ErrorMessage = "L'adresse électronique est trop longue : 256 caractères au plus.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide, par exemple contact@ccas-lille.fr.")]
        [Display(Name = "Adresse électronique (facultatif)")]
        public string? Email { get; set; }

        [StringLength(2000, ErrorMessage = "Les notes sont trop longues : 2 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Notes (facultatif)")]
        public string? Notes { get; set; }
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct) =>
        Partners = await Db.HouseholdPartners.AsNoTracking().Where(p => p.HouseholdId == Header.Id)
            .OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p => new PartnerRow(p.Id, p.Kind, p.Organisation, p.ContactName, p.Phone, p.Email, p.Notes)).ToListAsync(ct);

    public Task<IActionResult> OnPostAddPartnerAsync(long id, [Bind(Prefix = nameof(Partner))] PartnerInput partner, CancellationToken ct)
    {
        Partner = partner;
        return EditAsync(id, ct, (h, _) =>
        {
            var row = new HouseholdPartner { HouseholdId = h.Id };
            Apply(row, partner);
            Db.HouseholdPartners.Add(row);
            return Task.FromResult(("Partenaire ajouté", $"Le partenaire {row.Organisation} est ajouté."));
        });
    }

    public Task<IActionResult> OnPostEditPartnerAsync(long id, [Bind(Prefix = nameof(EditPartner))] PartnerInput partner, CancellationToken ct)
    {
        EditPartner = partner;
        EditingPartnerId = PartnerId;
        return EditAsync(id, ct, async (h, _) =>
        {
            var row = await Db.HouseholdPartners.SingleOrDefaultAsync(p => p.Id == PartnerId && p.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Ce partenaire a été retiré du dossier entre-temps.");
            Apply(row, partner);
            return ("Partenaire modifié", $"Le partenaire {row.Organisation} est modifié.");
        });
    }

    public Task<IActionResult> OnPostRemovePartnerAsync(long id, CancellationToken ct) =>
        EditAsync(id, ct, async (h, _) =>
        {
            var row = await Db.HouseholdPartners.SingleOrDefaultAsync(p => p.Id == PartnerId && p.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Ce partenaire a déjà été retiré du dossier.");
            Db.HouseholdPartners.Remove(row);
            return ("Partenaire retiré", $"Le partenaire {row.Organisation} est retiré du dossier.");
        });

    private static void Apply(HouseholdPartner row, PartnerInput input)
    {
        row.Kind = input.Kind!.Value;
        row.Organisation = input.Organisation!.Trim();
        row.ContactName = Clean(input.ContactName);
        row.Phone = Clean(input.Phone);
        row.Email = Clean(input.Email);
        row.Notes = Clean(input.Notes);
    }
}
