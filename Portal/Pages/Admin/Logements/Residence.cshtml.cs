using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Housing;

namespace Portal.Pages.Admin.Logements;

public class ResidenceModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record DwellingRow(long Id, string Label, Typology Typology, Financing Financing, decimal Rent, decimal Charges,
        bool AssociationHoldsLease, string? Landlord, bool IsWithdrawn, string? Occupant);

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public ResidenceKind Kind { get; private set; }
    public IReadOnlyList<DwellingRow> Dwellings { get; private set; } = [];
    public OccupancyRate? Rate { get; private set; }

    public ResidenceInput Residence { get; set; } = new();

    public DwellingInput Dwelling { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var residence = await db.Residences.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (residence is null) return NotFound();
        Residence = ResidenceInput.From(residence);
        await LoadAsync(residence, ct);
        return Page();
    }

    public IActionResult OnPost(long id) => RedirectToPage(new { id });

    public async Task<IActionResult> OnPostSaveAsync(long id, [Bind(Prefix = nameof(Residence))] ResidenceInput input, CancellationToken ct)
    {
        Residence = input;
        var residence = await db.Residences.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (residence is null) return NotFound();
        if (ModelState.IsValid && await db.Residences.AnyAsync(r => r.Name == Residence.Name!.Trim() && r.Id != id, ct))
            ModelState.AddModelError("Residence.Name", "Une résidence porte déjà ce nom.");
        if (ModelState.IsValid)
        {
            try
            {
                residence.Describe(Residence.Name!, Residence.Kind!.Value, Residence.Address, Residence.Town);
                await db.SaveChangesAsync(ct);
                StatusMessage = "La résidence est enregistrée.";
                return RedirectToPage(new { id });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Residence.Name", e.Message);
            }
            catch (DbUpdateException)
            {
                ModelState.AddModelError("Residence.Name", "Une résidence porte déjà ce nom.");
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(await db.Residences.AsNoTracking().SingleAsync(r => r.Id == id, ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddDwellingAsync(long id, [Bind(Prefix = nameof(Dwelling))] DwellingInput input, CancellationToken ct)
    {
        Dwelling = input;
        var residence = await db.Residences.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (residence is null) return NotFound();
        Residence = ResidenceInput.From(residence);
        if (await Dwelling.ApplyAsync(db, ModelState, "Dwelling", id, null, ct) is { } dwelling)
        {
            db.Dwellings.Add(dwelling);
            try
            {
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Le logement {dwelling.Label} est ajouté à la résidence.";
                return RedirectToPage(new { id });
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError("Dwelling.Label", "Un logement de cette résidence porte déjà ce numéro.");
            }
        }
        await LoadAsync(residence, ct);
        return Page();
    }

    private async Task LoadAsync(Residence residence, CancellationToken ct)
    {
        Id = residence.Id;
        Name = residence.Name;
        Kind = residence.Kind;
        var today = StockQueries.Today(clock);
        var stock = await StockQueries.OnAsync(db, today, ct);
        Rate = stock.ByResidence.GetValueOrDefault(residence.Id);
        var occupants = stock.Occupants.Where(o => o.ResidenceId == residence.Id).ToDictionary(o => o.DwellingId, o => o.HouseholdName);
        var rows = await db.Dwellings.AsNoTracking().Where(d => d.ResidenceId == residence.Id)
            .Select(d => new { d.Id, d.Label, d.Typology, d.Financing, d.Rent, d.Charges, d.AssociationHoldsLease, d.Landlord, d.IsWithdrawn })
            .ToListAsync(ct);
        Dwellings = rows
            .OrderBy(d => d.Label, StringComparer.Create(Portal.Domain.Formatting.French.Culture, System.Globalization.CompareOptions.NumericOrdering))
            .Select(d => new DwellingRow(d.Id, d.Label, d.Typology, d.Financing, d.Rent, d.Charges, d.AssociationHoldsLease, d.Landlord, d.IsWithdrawn,
                occupants.GetValueOrDefault(d.Id)))
            .ToList();
    }
}
