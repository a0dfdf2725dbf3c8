using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Accompagnement;

/// Landlord–tenant mediations of a household: open one (landlord, issue, start), then record how it
/// ended. Each step is written to the household's journal.
public class MediationsModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record LandlordOption(long Id, string Label);

    public HouseholdHeader Household { get; private set; } = null!;
    public IReadOnlyList<Mediation> Mediations { get; private set; } = [];
    public IReadOnlyList<LandlordOption> Landlords { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// The mediation whose closing form is shown again with its errors.
    public long? ClosingId { get; private set; }

    public OpenInput Open { get; set; } = new();
    public CloseInput Close { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public static string Path(long householdId) => $"/suivi/menages/{householdId}/mediations";

    public class OpenInput
    {
        [FrenchValue]
        [Display(Name = "Bailleur parmi les partenaires du ménage")]
        public long? LandlordPartnerId { get; set; }

        [StringLength(200, ErrorMessage = "Le nom du bailleur est trop long : 200 caractères au plus.")]
        [PlainText]
        [Display(Name = "Ou nom du bailleur")]
        public string? Landlord { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le motif de la médiation.")]
        [Display(Name = "Motif")]
        public MediationIssue? Issue { get; set; }

        [StringLength(Mediation.MaxText, ErrorMessage = "Les précisions sont trop longues : 2 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Précisions")]
        public string? Details { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez la date de début, par exemple 14/07/2026.")]
        [Display(Name = "Début de la médiation")]
        public DateOnly? StartedOn { get; set; }
    }

    public class CloseInput
    {
        [FrenchValue]
        [Required(ErrorMessage = "Choisissez l'issue de la médiation.")]
        [Display(Name = "Issue")]
        public MediationOutcome? Outcome { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez la date de fin, par exemple 14/07/2026.")]
        [Display(Name = "Fin de la médiation")]
        public DateOnly? EndedOn { get; set; }

        [StringLength(Mediation.MaxText, ErrorMessage = "Les précisions sont trop longues : 2 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Précisions (accord, échéancier, partenaire…)")]
        public string? OutcomeDetails { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        Open.StartedOn = Today;
        Close.EndedOn = Today;
        scope.Audit(db, AuditActions.OpenedFile, id, clock.GetUtcNow().UtcDateTime, "Médiations bailleur-locataire");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// A post naming no known handler goes back to the page.
    public IActionResult OnPost(long id) => Redirect(Path(id));

    public async Task<IActionResult> OnPostOpenAsync(long id, [Bind(Prefix = nameof(Open))] OpenInput open, CancellationToken ct)
    {
        Open = open;
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        Close.EndedOn = Today;
        if (Household.Status == HouseholdStatus.Exited)
            ModelState.AddModelError("", "Ce ménage est sorti : une nouvelle médiation ne peut plus être ouverte.");
        string? landlord = open.Landlord?.Trim();
        if (open.LandlordPartnerId is { } partnerId)
        {
            var partner = Landlords.FirstOrDefault(l => l.Id == partnerId);
            if (partner is null) ModelState.AddModelError("Open.LandlordPartnerId", "Choisissez le bailleur dans la liste des partenaires du ménage.");
            else if (string.IsNullOrEmpty(landlord)) landlord = await db.HouseholdPartners.Where(p => p.Id == partnerId).Select(p => p.Organisation).SingleAsync(ct);
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var mediation = Mediation.Open(id, landlord ?? "", open.LandlordPartnerId, open.Issue!.Value, open.Details, open.StartedOn!.Value, Today);
            db.Mediations.Add(mediation);
            SupportFiles.Journal(db, id, scope, mediation.StartedOn, JournalKind.Mediation,
                $"Médiation avec {mediation.Landlord} ouverte : {mediation.Issue.Label()}{(mediation.Details is { } d ? $" ({d})" : "")}.", now);
            scope.Audit(db, AuditActions.ChangedFile, id, now, "Médiation bailleur-locataire ouverte");
            await db.SaveChangesAsync(ct);
            StatusMessage = $"La médiation avec {mediation.Landlord} est ouverte.";
            return Redirect(Path(id));
        }
        catch (DomainRuleException e)
        {
            var field = e.Field switch
            {
                nameof(Mediation.Landlord) => "Open.Landlord",
                nameof(Mediation.Issue) => "Open.Issue",
                nameof(Mediation.Details) => "Open.Details",
                nameof(Mediation.StartedOn) => "Open.StartedOn",
                _ => "",
            };
            ModelState.AddModelError(field, e.Message);
        }
        db.ChangeTracker.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, long mediationId, [Bind(Prefix = nameof(Close))] CloseInput close, CancellationToken ct)
    {
        Close = close;
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        Open.StartedOn = Today;
        var mediation = await db.Mediations.SingleOrDefaultAsync(m => m.Id == mediationId && m.HouseholdId == id, ct);
        if (mediation is null) return NotFound();
        ClosingId = mediationId;
        if (!ModelState.IsValid) return Page();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            mediation.Close(close.Outcome!.Value, close.EndedOn!.Value, close.OutcomeDetails, Today);
            SupportFiles.Journal(db, id, scope, mediation.EndedOn!.Value, JournalKind.Mediation,
                $"Médiation avec {mediation.Landlord} ({mediation.Issue.Label()}) close : {mediation.Outcome!.Value.Label()}{(mediation.OutcomeDetails is { } d ? $" ({d})" : "")}.", now);
            scope.Audit(db, AuditActions.ChangedFile, id, now, "Médiation bailleur-locataire close");
            await db.SaveChangesAsync(ct);
            StatusMessage = $"La médiation avec {mediation.Landlord} est close : {mediation.Outcome!.Value.Label()}.";
            return Redirect(Path(id));
        }
        catch (DomainRuleException e)
        {
            var field = e.Field switch
            {
                nameof(Mediation.Outcome) => "Close.Outcome",
                nameof(Mediation.EndedOn) => "Close.EndedOn",
                nameof(Mediation.OutcomeDetails) => "Close.OutcomeDetails",
                _ => "",
            };
            ModelState.AddModelError(field, e.Message);
        }
        db.ChangeTracker.Clear();
        Mediations = await ListAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        if (await SupportFiles.HouseholdAsync(db, scope, id, ct) is not { } household) return false;
        Household = household;
        Today = SupportFiles.Today(clock);
        Mediations = await ListAsync(id, ct);
        Landlords = await db.HouseholdPartners.AsNoTracking()
            .Where(p => p.HouseholdId == id && p.Kind == PartnerKind.Landlord)
            .OrderBy(p => p.Organisation)
            .Select(p => new LandlordOption(p.Id, p.ContactName != null ? p.Organisation + " (" + p.ContactName + ")" : p.Organisation))
            .ToListAsync(ct);
        return true;
    }

    private Task<List<Mediation>> ListAsync(long id, CancellationToken ct) =>
        db.Mediations.AsNoTracking().Where(m => m.HouseholdId == id)
            .OrderBy(m => m.Outcome != null).ThenByDescending(m => m.StartedOn).ThenByDescending(m => m.Id)
            .ToListAsync(ct);
}
