using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Partners;

namespace Portal.Pages.Partenaire.Baux;

/// A landlord's sliding-lease reviews: the date, the summary the association shares, and the
/// confirmation of the slide to the household's name.
public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string HouseholdName, string ReviewLabel, DateOnly ReviewOn, string InvitedByName,
        string? SharedSummary, DateTime? SharedAtUtc, bool AsksSlideConfirmation, DateTime? SlideConfirmedAtUtc, string? SlideConfirmedByName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        await LoadAsync(partner, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(long invitationId, CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        var invitation = await partner.Reviews(db.LeaseReviewInvitations).SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null) return NotFound();
        var me = (await users.GetUserAsync(User))!;
        try
        {
            invitation.ConfirmSlide(me, clock.GetUtcNow().UtcDateTime);
            if (await db.Users.FindAsync([invitation.InvitedById], ct) is { Email: not null } worker)
                EmailOutbox.Queue(db, worker.Email, worker.FullName, PartnerEmails.SlideConfirmed(worker.FullName, invitation.HouseholdName, partner.OrganisationName,
                    links.Absolute($"/suivi/menages/{invitation.HouseholdId}/accompagnement/mesures/{invitation.SupportMeasureId}/bailleur")));
            await db.SaveChangesAsync(ct);
            StatusMessage = $"Vous confirmez le glissement du bail de {invitation.HouseholdName}. L'association est prévenue.";
            return RedirectToPage();
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            db.ChangeTracker.Clear();
            await LoadAsync(partner, ct);
            return Page();
        }
    }

    private async Task LoadAsync(PartnerScope partner, CancellationToken ct) =>
        Rows = await partner.Reviews(db.LeaseReviewInvitations.AsNoTracking())
            .OrderByDescending(i => i.ReviewOn).ThenByDescending(i => i.Id).Take(200)
            .Select(i => new Row(i.Id, i.HouseholdName, i.ReviewLabel, i.ReviewOn, i.InvitedByName, i.SharedSummary, i.SharedAtUtc,
                i.AsksSlideConfirmation, i.SlideConfirmedAtUtc, i.SlideConfirmedByName))
            .ToListAsync(ct);
}
