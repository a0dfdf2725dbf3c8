using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Espace.Documents;

/// A shared document of the person's own household; anything else is a 404.
public class DownloadModel(PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var doc = await IndexModel.Mine(db, User).Where(r => r.Id == id)
            .Select(r => new { r.Document!.FileName, r.Document.ContentType, r.Document.Content })
            .SingleOrDefaultAsync(ct);
        return doc is null ? NotFound() : File(doc.Content, doc.ContentType, doc.FileName);
    }
}
