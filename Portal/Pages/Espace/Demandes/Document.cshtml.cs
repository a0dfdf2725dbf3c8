using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Requests;
using Portal.Data;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

/// A supporting document, served only to the person whose request it belongs to.
public class DocumentModel(PortalDbContext db, UserManager<PortalUser> users) : HandledPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long documentId, string? inline, CancellationToken ct)
    {
        var me = users.GetUserId(User)!;
        var document = await db.RequestDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.HousingRequestId == id
                && db.HousingRequests.Any(r => r.Id == id && r.ApplicantId == me))
            .SingleOrDefaultAsync(ct);
        if (document is null) return NotFound();
        return DocumentUploads.Serve(this, document, inline is "1" or "true");
    }
}
