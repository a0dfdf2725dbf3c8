using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Templates;

namespace Portal.Pages.Admin.Modeles;

public class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record KindRow(TemplateKind Kind, int? ActiveVersion, DateTime? ActiveSinceUploadUtc, int Versions);

    public IReadOnlyList<KindRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stats = await db.DocumentTemplates.AsNoTracking()
            .GroupBy(t => t.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var active = await db.DocumentTemplates.AsNoTracking()
            .Where(t => t.IsActive)
            .Select(t => new { t.Kind, t.Version, t.UploadedAtUtc })
            .ToListAsync(ct);
        Rows = TemplateKinds.All.Select(k =>
        {
            var a = active.FirstOrDefault(x => x.Kind == k.Kind);
            return new KindRow(k, a?.Version, a?.UploadedAtUtc, stats.FirstOrDefault(s => s.Kind == k.Kind)?.Count ?? 0);
        }).ToList();
    }
}
