using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Admin.Partenaires;

/// The partner organisations (SIAO, CCAS, landlords…) whose staff orient households.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, PartnerKind Kind, string? Town, bool IsActive, int Accounts, int Orientations);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (Input.Kind is { } kind && !OrganisationInput.Kinds.Contains(kind)) ModelState.AddModelError("Input.Kind", "Choisissez un type dans la liste.");
        var name = Input.Name?.Trim();
        if (ModelState.IsValid && await db.PartnerOrganisations.AnyAsync(o => o.Name == name, ct))
            ModelState.AddModelError("Input.Name", "Une organisation porte déjà ce nom.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var org = new PartnerOrganisation { CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        Input.ApplyTo(org);
        db.PartnerOrganisations.Add(org);
        await db.SaveChangesAsync(ct);
        StatusMessage = $"L'organisation {org.Name} est créée : invitez maintenant les personnes qui y travaillent.";
        return Redirect($"/admin/partenaires/{org.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.PartnerOrganisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Town, o.IsActive, o.Members.Count,
                db.HousingRequests.Count(r => r.PartnerOrganisationId == o.Id && r.SubmittedAtUtc != null)))
            .ToListAsync(ct);
}
