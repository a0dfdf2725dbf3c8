using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;

namespace Portal.Pages.Admin.Logements;

public class LogementModel(PortalDbContext db) : PageModel
{
    public sealed record StayRow(string HouseholdName, DateOnly StartsOn, DateOnly EndsOn, DateOnly? ExitedOn);

    public long Id { get; private set; }
    public long ResidenceId { get; private set; }
    public string ResidenceName { get; private set; } = "";
    public string Label { get; private set; } = "";
    public bool IsWithdrawn { get; private set; }
    public IReadOnlyList<StayRow> Stays { get; private set; } = [];

    [BindProperty]
    public DwellingInput Dwelling { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var dwelling = await db.Dwellings.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dwelling is null) return NotFound();
        Dwelling = DwellingInput.From(dwelling);
        await LoadAsync(dwelling, ct);
        return Page();
    }

    public IActionResult OnPost(long id) => RedirectToPage(new { id });

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct)
    {
        var dwelling = await db.Dwellings.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dwelling is null) return NotFound();
        if (await Dwelling.ApplyAsync(db, ModelState, "Dwelling", dwelling.ResidenceId, dwelling, ct) is not null)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                StatusMessage = "Le logement est enregistré.";
                return RedirectToPage(new { id });
            }
            catch (DbUpdateException)
            {
                ModelState.AddModelError("Dwelling.Label", "Un logement de cette résidence porte déjà ce numéro.");
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(await db.Dwellings.AsNoTracking().SingleAsync(d => d.Id == id, ct), ct);
        return Page();
    }

    /// Takes the dwelling out of the stock (or back in): it stays in the history of past stays.
    public async Task<IActionResult> OnPostWithdrawAsync(long id, bool withdrawn, CancellationToken ct)
    {
        var dwelling = await db.Dwellings.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dwelling is null) return NotFound();
        if (withdrawn && await db.Stays.AnyAsync(s => s.DwellingId == id && s.Status == StayStatus.Active, ct))
        {
            ModelState.AddModelError("", "Ce logement est occupé : enregistrez d'abord la sortie du ménage avant de le retirer du parc.");
            Dwelling = DwellingInput.From(dwelling);
            await LoadAsync(dwelling, ct);
            return Page();
        }
        dwelling.Withdraw(withdrawn);
        await db.SaveChangesAsync(ct);
        StatusMessage = withdrawn ? "Le logement est retiré du parc : il ne sera plus proposé à l'attribution." : "Le logement est remis dans le parc.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Dwelling dwelling, CancellationToken ct)
    {
        Id = dwelling.Id;
        ResidenceId = dwelling.ResidenceId;
        Label = dwelling.Label;
        IsWithdrawn = dwelling.IsWithdrawn;
        ResidenceName = await db.Residences.Where(r => r.Id == dwelling.ResidenceId).Select(r => r.Name).SingleAsync(ct);
        Stays = await db.Stays.AsNoTracking().Where(s => s.DwellingId == dwelling.Id)
            .Join(db.Households, s => s.HouseholdId, h => h.Id, (s, h) => new { h.Name, s.StartsOn, s.EndsOn, s.ExitedOn })
            .OrderByDescending(s => s.StartsOn)
            .Select(s => new StayRow(s.Name, s.StartsOn, s.EndsOn, s.ExitedOn))
            .ToListAsync(ct);
    }
}
