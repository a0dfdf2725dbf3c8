using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Partners;

namespace Portal.Pages.Partenaire;

/// A partner's home: the orientations their organisation sent, newest first, with what became of
/// them; the SIAO's validations to give and the landlord's reviews when there are some.
public class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record Row(long Id, string? Reference, string HouseholdName, RequestStatus Status, OrientationUrgency? Urgency,
        DateTime? SubmittedAtUtc, string? OrientedByName, int UnreadMessages);

    public PartnerScope Partner { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PendingValidations { get; private set; }
    public int Reviews { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        Partner = partner;
        Rows = await partner.Orientations(db.HousingRequests.AsNoTracking())
            .OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id)
            .Take(200)
            .Select(r => new Row(r.Id, r.Reference, r.ApplicantName, r.Status, r.Urgency, r.SubmittedAtUtc,
                db.Users.Where(u => u.Id == r.OrientedById).Select(u => u.FullName).FirstOrDefault(),
                r.Messages.Count(m => m.WithPartner && m.FromStaff && m.ReadAtUtc == null)))
            .ToListAsync(ct);
        PendingValidations = await partner.Validations(db.SiaoValidations).CountAsync(v => v.Status == SiaoValidationStatus.Pending, ct);
        Reviews = await partner.Reviews(db.LeaseReviewInvitations).CountAsync(ct);
        return Page();
    }
}
