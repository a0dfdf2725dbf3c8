using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// The sliding lease of an IML or bail glissant measure: recorded once, then its payments and
/// its month-by-month statement. Two forms post here; each handler binds its own InputModel (a
/// [BindProperty] would validate both forms on each post).
public class BailModel(PortalDbContext db, TimeProvider clock) : MeasurePageModel(db, clock)
{
    public sealed record DwellingOption(long Id, string Label);

    public override MeasureSection Section => MeasureSection.Lease;

    public IReadOnlyList<DwellingOption> Dwellings { get; private set; } = [];
    public LeaseInput NewLease { get; set; } = new();
    public PaymentInput Payment { get; set; } = new();

    public class LeaseInput
    {
        [Required(ErrorMessage = "Indiquez le bailleur.")]
        [StringLength(200, ErrorMessage = "Le bailleur ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Bailleur")]
        public string? Landlord { get; set; }

        [Required(ErrorMessage = "Indiquez la date d'entrée dans les lieux.")]
        [FrenchValue]
        [Display(Name = "Début de la sous-location")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Indiquez le loyer.")]
        [FrenchValue]
        [Range(0.01, 100000, ErrorMessage = "Le loyer doit être compris entre 0,01 € et 100 000 €.")]
        [Display(Name = "Loyer mensuel (€)")]
        public decimal? Rent { get; set; }

        [Required(ErrorMessage = "Indiquez les charges (0 s'il n'y en a pas).")]
        [FrenchValue]
        [Range(0, 100000, ErrorMessage = "Les charges doivent être comprises entre 0 € et 100 000 €.")]
        [Display(Name = "Charges mensuelles (€)")]
        public decimal? Charges { get; set; }

        [FrenchValue]
        [Display(Name = "Logement")]
        public long? DwellingId { get; set; }
    }

    public class PaymentInput
    {
        [Required(ErrorMessage = "Indiquez la date du paiement.")]
        [FrenchValue]
        [Display(Name = "Payé le")]
        public DateOnly? PaidOn { get; set; }

        [Required(ErrorMessage = "Indiquez le montant payé.")]
        [FrenchValue]
        [Range(0.01, 100000, ErrorMessage = "Le montant doit être compris entre 0,01 € et 100 000 €.")]
        [Display(Name = "Montant (€)")]
        public decimal? Amount { get; set; }

        [StringLength(200, ErrorMessage = "La référence ne doit pas dépasser 200 caractères.")]
        [PlainText]
        [Display(Name = "Référence (facultatif)")]
        public string? Reference { get; set; }
    }

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct)
    {
        await LoadDwellingLabelAsync(ct);
        if (!Measure.Kind.CanSlideLease()) return;
        var rows = await Db.Dwellings.AsNoTracking().Where(d => d.AssociationHoldsLease && !d.IsWithdrawn)
            .Join(Db.Residences.AsNoTracking(), d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, d.Label, Residence = r.Name })
            .OrderBy(d => d.Residence).ThenBy(d => d.Label).Take(500).ToListAsync(ct);
        Dwellings = rows.Select(r => new DwellingOption(r.Id, $"{r.Residence} — {r.Label}")).ToList();
    }

    /// A new lease starts with the measure, in the dwelling the household lives in when the
    /// association holds its lease.
    protected override async Task PrefillAsync(CancellationToken ct)
    {
        Payment.PaidOn = Today;
        if (Lease is not null || !Measure.Kind.CanSlideLease()) return;
        NewLease.StartsOn = Measure.StartsOn;
        var dwelling = await Db.Stays.AsNoTracking().Where(s => s.HouseholdId == Household.Id && s.Status == StayStatus.Active)
            .Join(Db.Dwellings.AsNoTracking(), s => s.DwellingId, d => d.Id, (s, d) => d)
            .Where(d => d.AssociationHoldsLease).FirstOrDefaultAsync(ct);
        if (dwelling is null) return;
        NewLease.DwellingId = dwelling.Id;
        NewLease.Landlord = dwelling.Landlord;
        NewLease.Rent = dwelling.Rent > 0 ? dwelling.Rent : null;
        NewLease.Charges = dwelling.Charges;
    }

    public Task<IActionResult> OnPostCreateLeaseAsync(long id, long measureId, [Bind(Prefix = nameof(NewLease))] LeaseInput lease, CancellationToken ct)
    {
        NewLease = lease;
        return ActAsync(id, measureId, "NewLease.Landlord", (scope, now) =>
        {
            var created = Measure.StartLease(Lease, lease.Landlord!, lease.StartsOn!.Value, lease.Rent!.Value, lease.Charges!.Value);
            if (lease.DwellingId is { } dwellingId)
            {
                if (!Dwellings.Any(d => d.Id == dwellingId)) throw new DomainRuleException("Ce logement n'est pas proposé.", nameof(LeaseInput.DwellingId));
                created.AttachDwelling(dwellingId);
            }
            Db.SlidingLeases.Add(created);
            SupportFiles.Journal(Db, id, scope, created.StartsOn, JournalKind.Note,
                $"Début de la sous-location (bail glissant, {created.Landlord}) : loyer {French.Money(created.Rent)}, charges {French.Money(created.Charges)}.", now);
            return "Le bail glissant est enregistré.";
        }, ct);
    }

    public Task<IActionResult> OnPostPaymentAsync(long id, long measureId, [Bind(Prefix = nameof(Payment))] PaymentInput payment, CancellationToken ct)
    {
        Payment = payment;
        return ActAsync(id, measureId, "Payment.Amount", (scope, now) =>
        {
            if (Lease is null || LeaseFromPrevious) throw new DomainRuleException("Cette mesure n'a pas de bail en sous-location.");
            var p = Lease.RecordPayment(payment.PaidOn!.Value, payment.Amount!.Value, payment.Reference, Today);
            return $"Le paiement de {French.Money(p.Amount)} du {French.Date(p.PaidOn)} est enregistré.";
        }, ct, fragment: "paiements");
    }
}
