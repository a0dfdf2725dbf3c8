using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Work;

namespace Portal.Pages.Admin.Documents;

/// The admin's check that document generation works, with a test sheet. Admins run the system, not
/// cases: the documents staff generate about households, sessions or years are not listed, shown
/// or downloaded here (they are reached from /suivi, through their subject).
public class IndexModel(PortalDbContext db, UserManager<PortalUser> users) : PageModel
{
    private IQueryable<DocumentRequest> TestSheets => db.DocumentRequests.Where(r => r.Kind == DocumentKinds.TestSheet);

    public sealed record Row(long Id, string Title, string Kind, WorkStatus Status, DateTime CreatedAtUtc, string RequestedBy, string? FileName, long? Size, int Attempts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await Project(TestSheets.OrderByDescending(r => r.Id).Take(50)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        var request = new DocumentRequest
        {
            Kind = DocumentKinds.TestSheet,
            Title = "Fiche de test",
            RequestedById = users.GetUserId(User)!,
        };
        db.DocumentRequests.Add(request);
        await db.SaveChangesAsync(ct);
        if (Request.IsHtmx())
        {
            var row = await Project(db.DocumentRequests.Where(r => r.Id == request.Id)).SingleAsync(ct);
            return Partial("_Row", row);
        }
        return RedirectToPage();
    }

    /// Polled by a row while its document is being prepared; stops polling once it is ready or failed.
    public async Task<IActionResult> OnGetRowAsync(long id, CancellationToken ct)
    {
        var row = await Project(TestSheets.Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null) return NotFound();
        Response.Htmx(h => h.WithVary());
        return Partial("_Row", row);
    }

    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken ct)
    {
        var doc = await db.GeneratedDocuments.AsNoTracking()
            .Where(g => g.DocumentRequestId == id && g.DocumentRequest!.Kind == DocumentKinds.TestSheet)
            .Select(g => new { g.FileName, g.ContentType, g.Content })
            .SingleOrDefaultAsync(ct);
        if (doc is null) return NotFound();
        return File(doc.Content, doc.ContentType, doc.FileName);
    }

    private static IQueryable<Row> Project(IQueryable<DocumentRequest> requests) =>
        requests.AsNoTracking().Select(r => new Row(
            r.Id, r.Title, r.Kind, r.Status, r.CreatedAtUtc,
            r.RequestedBy != null ? r.RequestedBy.FullName : "",
            r.Document != null ? r.Document.FileName : null,
            r.Document != null ? r.Document.Content.Length : null,
            r.Attempts));
}
