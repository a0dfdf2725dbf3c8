using System.Text.RegularExpressions;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents;

namespace Portal.Pages.Suivi.Documents;

public partial class IndexModel(PortalDbContext db, DocumentDesk desk) : PageModel
{
    public IReadOnlyList<DocumentRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<long, string> Households { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        Rows = await desk.WhereReachableAsync(scope, await DocumentDesk.Rows(desk.VisibleTo(scope).OrderByDescending(r => r.Id).Take(50)).ToListAsync(ct), ct);
        var ids = Rows.Select(r => r.HouseholdId).OfType<long>().Distinct().ToList();
        Households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
    }

    /// Posted by the « générer » partial: asks for the document and answers with its status, polled in place.
    public async Task<IActionResult> OnPostGenerateAsync(string? kind, string? subject, bool share, string? key, string? target, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var request = await desk.RequestAsync(scope, kind, subject, share, key, ct);
        if (request is null) return NotFound();
        if (!Request.IsHtmx()) return RedirectToPage();
        // Most documents take a fraction of a second: waiting a little here shows the link at once
        // instead of after the first poll.
        await WaitForAsync(request.Id, ReadyWait, ct);
        var row = await DocumentDesk.Rows(db.DocumentRequests.Where(r => r.Id == request.Id)).SingleAsync(ct);
        var safeTarget = SafeTarget(target);
        return Partial("_DocumentStatus", new DocumentStatusView(row, safeTarget, safeTarget is null ? null : Guid.NewGuid().ToString("N")));
    }

    public async Task<IActionResult> OnGetStatusAsync(long id, string? target, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (await desk.FindVisibleAsync(scope, id, ct) is null) return NotFound();
        var row = await DocumentDesk.Rows(db.DocumentRequests.Where(r => r.Id == id)).SingleAsync(ct);
        Response.Htmx(h => h.WithVary());
        return Partial("_DocumentStatus", new DocumentStatusView(row, SafeTarget(target), null));
    }

    private static readonly TimeSpan ReadyWait = TimeSpan.FromMilliseconds(1200);

    private async Task WaitForAsync(long id, TimeSpan max, CancellationToken ct)
    {
        var until = DateTime.UtcNow + max;
        while (DateTime.UtcNow < until)
        {
            var status = await db.DocumentRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct);
            if (status is not (Domain.Work.WorkStatus.Pending or Domain.Work.WorkStatus.Running)) return;
            await Task.Delay(50, ct);
        }
    }

    private static string? SafeTarget(string? target) =>
        target is { Length: > 0 and <= 200 } && TargetPattern().IsMatch(target) ? target : null;

    [GeneratedRegex("^docgen-[A-Za-z0-9_-]+$")]
    private static partial Regex TargetPattern();
}
