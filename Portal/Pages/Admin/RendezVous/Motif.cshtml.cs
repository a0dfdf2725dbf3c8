using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Pages.Admin.RendezVous;

/// Adds (no id) or edits an appointment motif; the domain's <see cref="Portal.Domain.Appointments.Motif"/>
/// checks the name, duration and kinds of place.
public class MotifModel(PortalDbContext db) : HandledPageModel
{
    public const int MaxName = 200;

    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Duree { get; set; }
    [BindProperty] public string? Residents { get; set; }
    [BindProperty] public List<string>? Lieux { get; set; }
    [BindProperty] public string? Actif { get; set; }

    public int? Id { get; private set; }
    public bool IsActive => Actif is "true" or "on";
    public bool IsBookableByResidents => Residents is "true" or "on";
    public bool Allows(PlaceKind kind) => Lieux?.Contains(((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture)) == true;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var motif = await db.AppointmentMotifs.AsNoTracking().FirstOrDefaultAsync(m => m.Id == existing, ct);
            if (motif is null) return NotFound();
            Nom = motif.Name;
            Duree = motif.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Residents = motif.BookableByResidents ? "true" : null;
            Lieux = motif.AllowedPlaceKinds.Kinds().Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Actif = motif.IsActive ? "true" : null;
        }
        else
        {
            Actif = "true";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        AppointmentMotif? row = null;
        if (id is { } existing)
        {
            row = await db.AppointmentMotifs.FirstOrDefaultAsync(m => m.Id == existing, ct);
            if (row is null) return NotFound();
        }
        ModelState.Clear();

        var name = Nom?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(Nom), "Indiquez le nom du motif.");
        else if (name.Length > MaxName) ModelState.AddModelError(nameof(Nom), $"Le nom ne doit pas dépasser {MaxName} caractères.");
        else if (await db.AppointmentMotifs.AnyAsync(m => m.Name == name && m.Id != (id ?? 0), ct))
            ModelState.AddModelError(nameof(Nom), "Un motif porte déjà ce nom.");

        var minutes = 0;
        if (string.IsNullOrWhiteSpace(Duree)) ModelState.AddModelError(nameof(Duree), "Indiquez la durée en minutes.");
        else if (!int.TryParse(Duree.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minutes) || minutes < 1 || minutes > 480)
            ModelState.AddModelError(nameof(Duree), "La durée d'un motif doit être un nombre entier de minutes, entre 1 minute et 8 heures.");

        var kinds = PlaceKinds.None;
        foreach (var value in Lieux ?? [])
            if (int.TryParse(value, out var k) && Enum.IsDefined((PlaceKind)k)) kinds |= ((PlaceKind)k).AsSet();
        if (kinds == PlaceKinds.None) ModelState.AddModelError(nameof(Lieux), "Choisissez au moins un type de lieu pour ce motif.");

        if (ModelState.IsValid)
        {
            try
            {
                // The domain has the last word on what a motif may be.
                _ = new Motif(name, TimeSpan.FromMinutes(minutes), IsBookableByResidents, kinds);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(nameof(Nom), e.Message);
            }
        }
        if (!ModelState.IsValid) return Page();

        row ??= db.AppointmentMotifs.Add(new AppointmentMotif()).Entity;
        row.Name = name;
        row.DurationMinutes = minutes;
        row.BookableByResidents = IsBookableByResidents;
        row.AllowedPlaceKinds = kinds;
        row.IsActive = IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Nom), "Un motif porte déjà ce nom.");
            return Page();
        }
        TempData["StatusMessage"] = id is null ? $"Le motif « {name} » est ajouté." : $"Le motif « {name} » est enregistré.";
        return Redirect("/admin/rendez-vous");
    }
}
