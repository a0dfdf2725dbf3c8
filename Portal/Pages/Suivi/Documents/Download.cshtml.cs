using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents;

namespace Portal.Pages.Suivi.Documents;

/// Downloads a generated document, for staff who reach its subject; each download is audited.
public class DownloadModel(PortalDbContext db, TimeProvider clock, DocumentDesk desk) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (await desk.FindVisibleAsync(scope, id, ct) is null) return NotFound();
        var doc = await db.DocumentRequests.AsNoTracking()
            .Where(r => r.Id == id && r.Document != null)
            .Select(r => new { r.Title, r.HouseholdId, r.Document!.FileName, r.Document.ContentType, r.Document.Content, r.Document.Version })
            .SingleOrDefaultAsync(ct);
        if (doc is null) return NotFound();
        scope.Audit(db, DocumentDesk.DownloadedAction, doc.HouseholdId, clock.GetUtcNow().UtcDateTime, $"{doc.Title} (version {doc.Version})");
        await db.SaveChangesAsync(ct);
        return File(doc.Content, doc.ContentType, doc.FileName);
    }
}
