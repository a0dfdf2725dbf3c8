using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Pages.Admin.RendezVous;

/// Adds (no id) or edits a place. Fields are read as text and checked here, so that every message
/// is in French and a hand-made post never fails.
public class LieuModel(PortalDbContext db) : HandledPageModel
{
    public const int MaxName = 200;
    public const int MaxAddress = 500;

    public sealed record TeamOption(int Id, string Name);

    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Adresse { get; set; }
    [BindProperty] public string? Equipe { get; set; }
    [BindProperty] public string? Actif { get; set; }

    public int? Id { get; private set; }
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    public bool IsActive => Actif is "true" or "on";

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (place is null) return NotFound();
            Nom = place.Name;
            Type = ((int)place.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Adresse = place.Address;
            Equipe = place.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Actif = place.IsActive ? "true" : null;
        }
        else
        {
            Actif = "true";
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Place? place = null;
        if (id is { } existing)
        {
            place = await db.Places.FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (place is null) return NotFound();
        }
        await LoadAsync(ct);
        ModelState.Clear();

        var name = Nom?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(Nom), "Indiquez le nom du lieu.");
        else if (name.Length > MaxName) ModelState.AddModelError(nameof(Nom), $"Le nom ne doit pas dépasser {MaxName} caractères.");
        else if (await db.Places.AnyAsync(p => p.Name == name && p.Id != (id ?? 0), ct))
            ModelState.AddModelError(nameof(Nom), "Un lieu porte déjà ce nom.");

        PlaceKind kind = default;
        if (!int.TryParse(Type, out var k) || !Enum.IsDefined((PlaceKind)k)) ModelState.AddModelError(nameof(Type), "Choisissez le type de lieu.");
        else kind = (PlaceKind)k;

        var address = string.IsNullOrWhiteSpace(Adresse) ? null : Adresse.Trim();
        if (address is { Length: > MaxAddress }) ModelState.AddModelError(nameof(Adresse), $"L'adresse ne doit pas dépasser {MaxAddress} caractères.");

        int? teamId = null;
        if (!string.IsNullOrEmpty(Equipe))
        {
            if (int.TryParse(Equipe, out var t) && Teams.Any(x => x.Id == t)) teamId = t;
            else ModelState.AddModelError(nameof(Equipe), "Choisissez une équipe dans la liste.");
        }

        if (!ModelState.IsValid) return Page();

        place ??= db.Places.Add(new Place()).Entity;
        place.Name = name;
        place.Kind = kind;
        place.Address = address;
        place.TeamId = teamId;
        place.IsActive = IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Nom), "Un lieu porte déjà ce nom.");
            return Page();
        }
        TempData["StatusMessage"] = id is null ? $"Le lieu « {name} » est ajouté." : $"Le lieu « {name} » est enregistré.";
        return Redirect("/admin/rendez-vous");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);
}
