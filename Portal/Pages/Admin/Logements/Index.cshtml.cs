using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Housing;

namespace Portal.Pages.Admin.Logements;

public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record ResidenceRow(long Id, string Name, ResidenceKind Kind, string? Town, OccupancyRate Rate);

    public DateOnly Today { get; private set; }
    public IReadOnlyList<ResidenceRow> Residences { get; private set; } = [];
    public StockQueries.Snapshot Stock { get; private set; } = null!;

    [BindProperty]
    public ResidenceInput Residence { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public IActionResult OnPost() => RedirectToPage();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await db.Residences.AnyAsync(r => r.Name == Residence.Name!.Trim(), ct))
            ModelState.AddModelError("Residence.Name", "Une résidence porte déjà ce nom.");
        if (ModelState.IsValid)
        {
            try
            {
                var residence = new Residence(Residence.Name!, Residence.Kind!.Value, Residence.Address, Residence.Town);
                db.Residences.Add(residence);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"La résidence « {residence.Name} » est créée : ajoutez-lui ses logements.";
                return RedirectToPage("Residence", new { id = residence.Id });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Residence.Name", e.Message);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError("Residence.Name", "Une résidence porte déjà ce nom.");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = StockQueries.Today(clock);
        Stock = await StockQueries.OnAsync(db, Today, ct);
        var residences = await db.Residences.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.Kind, r.Town }).ToListAsync(ct);
        Residences = residences.Select(r => new ResidenceRow(r.Id, r.Name, r.Kind, r.Town,
            Stock.ByResidence.GetValueOrDefault(r.Id) ?? new OccupancyRate(0, 0))).ToList();
    }
}
