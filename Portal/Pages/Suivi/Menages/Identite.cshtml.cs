using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Portal.Pages.Suivi.Menages;

/// Who the household is, how to reach it, where and how it lives now.
public class IdentiteModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    public override string Section => "/Suivi/Menages/Identite";
    protected override string? OpenedDetail => "Identité et situation";

    public HouseholdInput? Identity { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct) =>
        Identity ??= HouseholdInput.Of(await Db.Households.AsNoTracking().SingleAsync(h => h.Id == Header.Id, ct));

    public Task<IActionResult> OnPostIdentityAsync(long id, [Bind(Prefix = nameof(Identity))] HouseholdInput identity, CancellationToken ct)
    {
        Identity = identity;
        return EditAsync(id, ct, (h, _) =>
        {
            identity.ApplyTo(h);
            return Task.FromResult(("Identité et situation", "L'identité et la situation du ménage sont enregistrées."));
        });
    }
}
