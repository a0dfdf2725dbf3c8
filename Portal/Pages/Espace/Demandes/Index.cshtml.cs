using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : HandledPageModel
{
    public sealed record Row(long Id, string? Reference, RequestStatus Status, int WizardStep, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateTime UpdatedAtUtc, int UnreadMessages);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Row? CurrentDraft => Rows.FirstOrDefault(r => r.Status == RequestStatus.Draft);

    [TempData]
    public string? StatusMessage { get; set; }

    // The resident's home in the portal, opened at every visit: compiled once, so EF does not hash
    // and look up the expression tree at each view.
    private static readonly Func<PortalDbContext, string, IAsyncEnumerable<Row>> ReadRows =
        EF.CompileAsyncQuery((PortalDbContext db, string me) => db.HousingRequests.AsNoTracking()
            .Where(r => r.ApplicantId == me)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Reference, r.Status, r.WizardStep, r.CreatedAtUtc, r.SubmittedAtUtc, r.UpdatedAtUtc,
                r.Messages.Count(m => m.FromStaff && m.ReadAtUtc == null))));

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await ReadRows(db, users.GetUserId(User)!).ToListAsync(ct);

    /// "Demander un logement": picks up the draft in progress, if any, so one person keeps one draft.
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var me = (await users.GetUserAsync(User))!;
        var draft = await db.HousingRequests.AsNoTracking()
            .Where(r => r.ApplicantId == me.Id && r.Status == RequestStatus.Draft)
            .OrderByDescending(r => r.UpdatedAtUtc)
            .Select(r => new { r.Id, r.WizardStep })
            .FirstOrDefaultAsync(ct);
        if (draft is not null) return Redirect(RequestLinks.Step(draft.Id, Math.Clamp(draft.WizardStep, 1, DraftSteps.Count)));

        var request = HousingRequest.NewDraft(me.Id, me.FullName, me.PhoneNumber, clock.GetUtcNow().UtcDateTime);
        db.HousingRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Redirect(RequestLinks.Step(request.Id, 1));
    }
}
