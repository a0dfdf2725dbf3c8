using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Housing;
using Portal.Web;

namespace Portal.Pages.Suivi.Sejours;

/// One household's stay in a dwelling: renew it, or record the departure from the dwelling (the
/// household's exit with its destination is recorded on the household's file).
public class DetailsModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Info(long StayId, long HouseholdId, string HouseholdName, string? ReferentName, string DwellingLabel, string ResidenceName,
        string? DwellingAddress, DateOnly StartsOn, DateOnly EndsOn, DateOnly? ExitedOn, StayStatus Status, int GrantedMonths);

    public Info Stay { get; private set; } = null!;
    public IReadOnlyList<StayRenewal> Renewals { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public RenewInput Renewal { get; set; } = new();

    public ExitInput Departure { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class RenewInput
    {
        [Required(ErrorMessage = "Indiquez la durée du renouvellement, en mois.")]
        [RegularExpression("^[0-9]{1,2}$", ErrorMessage = "Indiquez un nombre de mois, de 1 à 12.")]
        [Display(Name = "Durée du renouvellement (mois)")]
        public string? Months { get; set; }

        [Required(ErrorMessage = "Indiquez la date de la décision.")]
        [FrenchValue]
        [Display(Name = "Date de la décision")]
        public DateOnly? DecidedOn { get; set; }
    }

    public class ExitInput
    {
        [Required(ErrorMessage = "Indiquez la date de départ du logement.")]
        [FrenchValue]
        [Display(Name = "Date de départ du logement")]
        public DateOnly? On { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Renewal.DecidedOn = Today;
        Departure.On = Today;
        return Page();
    }

    public IActionResult OnPost(long id) => RedirectToPage(new { id });

    public async Task<IActionResult> OnPostRenewAsync(long id, [Bind(Prefix = nameof(Renewal))] RenewInput renewal, CancellationToken ct)
    {
        Renewal = renewal;
        if (await VisibleStayAsync(id, ct) is not { } stay) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                var done = stay.Renew(int.Parse(Renewal.Months!), Renewal.DecidedOn!.Value);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Le séjour est renouvelé de {done.Months} mois : fin prévue le {Portal.Domain.Formatting.French.Date(done.NewEndsOn)}.";
                return RedirectToPage(new { id });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Renewal.Months", e.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExitAsync(long id, [Bind(Prefix = nameof(Departure))] ExitInput departure, CancellationToken ct)
    {
        Departure = departure;
        if (await VisibleStayAsync(id, ct) is not { } stay) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                stay.Exit(Departure.On!.Value);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Le départ du logement est enregistré au {Portal.Domain.Formatting.French.Date(Departure.On.Value)} : le logement est libre à partir de cette date.";
                return RedirectToPage(new { id });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Departure.On", e.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<Stay?> VisibleStayAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var stay = await db.Stays.Include(s => s.Renewals).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (stay is null || !await scope.Visible(db.Households).AnyAsync(h => h.Id == stay.HouseholdId, ct)) return null;
        return stay;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Today = StockQueries.Today(clock);
        var scope = await StaffScope.ForAsync(User, db, ct);
        var stay = await db.Stays.AsNoTracking().Include(s => s.Renewals).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (stay is null) return false;
        var household = await scope.Visible(db.Households.AsNoTracking()).Where(h => h.Id == stay.HouseholdId)
            .Select(h => new { h.Id, h.Name, Referent = db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault() }).SingleOrDefaultAsync(ct);
        if (household is null) return false;
        var place = await db.Dwellings.AsNoTracking().Where(d => d.Id == stay.DwellingId)
            .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => new { d.Label, DwellingAddress = d.Address, Residence = r.Name, ResidenceAddress = r.Address, r.Town })
            .SingleAsync(ct);
        Stay = new Info(stay.Id, household.Id, household.Name, household.Referent, place.Label, place.Residence,
            place.DwellingAddress ?? string.Join(", ", new[] { place.ResidenceAddress, place.Town }.Where(s => !string.IsNullOrWhiteSpace(s))),
            stay.StartsOn, stay.EndsOn, stay.ExitedOn, stay.Status, stay.GrantedMonths);
        Renewals = stay.Renewals.OrderBy(r => r.DecidedOn).ToList();
        return true;
    }
}
