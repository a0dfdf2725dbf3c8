using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Support;
using Portal.Web;

namespace Portal.Pages.Suivi.Partenaires;

/// The landlord of a sliding lease at its reviews (seed 003: the 6-month review « en présence du
/// bailleur et du ménage », the slide at one year): the referent invites the landlord's partner
/// account to a review, shares the summary they choose, and the landlord confirms the slide.
public class BailleurModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links, TimeProvider clock) : PageModel
{
    public sealed record Option(int Id, string Name);
    public sealed record ReviewOption(string Value, string Label, DateOnly DueOn, int Months);
    public sealed record InvitationRow(long Id, string Organisation, string ReviewLabel, DateOnly ReviewOn, string InvitedByName,
        string? SharedSummary, DateTime? SharedAtUtc, bool AsksSlideConfirmation, DateTime? SlideConfirmedAtUtc, string? SlideConfirmedByName);

    public HouseholdHeader Household { get; private set; } = null!;
    public long MeasureId { get; private set; }
    public SlidingLease Lease { get; private set; } = null!;
    public IReadOnlyList<Option> Landlords { get; private set; } = [];
    public IReadOnlyList<ReviewOption> ReviewOptions { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];
    public long? FailedShareId { get; private set; }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [BindProperty]
    public ShareInput Share { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class InviteInput
    {
        [Required(ErrorMessage = "Choisissez le bailleur partenaire.")]
        [Display(Name = "Bailleur partenaire")]
        public int? OrganisationId { get; set; }

        [Required(ErrorMessage = "Choisissez le bilan.")]
        [Display(Name = "Bilan")]
        public string? Review { get; set; }

        [FrenchValue]
        [Display(Name = "Date de la rencontre")]
        public DateOnly? On { get; set; }

        public bool AskSlide { get; set; }
    }

    public class ShareInput
    {
        public long InvitationId { get; set; }

        [Required(ErrorMessage = "Écrivez le compte rendu à partager avec le bailleur.")]
        [StringLength(4000, ErrorMessage = "Le compte rendu ne doit pas dépasser 4 000 caractères.")]
        [PlainText]
        [Display(Name = "Compte rendu partagé avec le bailleur")]
        public string? Summary { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, long measureId, CancellationToken ct) =>
        await LoadAsync(id, measureId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(long id, long measureId, CancellationToken ct)
    {
        if (!await LoadAsync(id, measureId, ct)) return NotFound();
        Only("Invite.");
        if (Invite.OrganisationId is { } orgId && !Landlords.Any(l => l.Id == orgId))
            ModelState.AddModelError("Invite.OrganisationId", "Choisissez un bailleur de la liste.");
        var review = ReviewOptions.FirstOrDefault(r => r.Value == Invite.Review);
        if (Invite.Review is not null && review is null) ModelState.AddModelError("Invite.Review", "Choisissez un bilan de la liste.");
        if (Lease.Status != LeaseStatus.Sublet) ModelState.AddModelError("Invite.Review", "Le bail a déjà glissé : il n'y a plus de bilan à tenir avec le bailleur.");
        if (!ModelState.IsValid) return Page();

        var me = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var on = Invite.On ?? review!.DueOn;
        db.LeaseReviewInvitations.Add(new LeaseReviewInvitation
        {
            SlidingLeaseId = Lease.Id, SupportMeasureId = MeasureId, HouseholdId = id, PartnerOrganisationId = Invite.OrganisationId!.Value,
            HouseholdName = Household.Name, ReviewLabel = review!.Label, ReviewOn = on, InvitedById = me.Id, InvitedByName = me.FullName,
            InvitedAtUtc = now, AsksSlideConfirmation = Invite.AskSlide || review.Months >= 12,
        });
        await EmailLandlordAsync(Invite.OrganisationId.Value, name => PartnerEmails.ReviewInvitation(name, Household.Name, review.Label.ToLower(French.Culture), French.Date(on), links.Absolute("/partenaire/baux")), ct);
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Le bailleur est invité au {review.Label.ToLower(French.Culture)} du {French.Date(on)}.";
        return RedirectToPage(new { id, measureId });
    }

    public async Task<IActionResult> OnPostShareAsync(long id, long measureId, CancellationToken ct)
    {
        if (!await LoadAsync(id, measureId, ct)) return NotFound();
        Only("Share.");
        var invitation = await db.LeaseReviewInvitations.SingleOrDefaultAsync(i => i.Id == Share.InvitationId && i.SupportMeasureId == measureId && i.HouseholdId == id, ct);
        if (invitation is null) return NotFound();
        if (!ModelState.IsValid)
        {
            FailedShareId = invitation.Id;
            return Page();
        }
        invitation.SharedSummary = Share.Summary!.Trim();
        invitation.SharedAtUtc = clock.GetUtcNow().UtcDateTime;
        await EmailLandlordAsync(invitation.PartnerOrganisationId, name => PartnerEmails.ReviewShared(name, Household.Name, invitation.ReviewLabel.ToLower(French.Culture), links.Absolute("/partenaire/baux")), ct);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Le compte rendu est partagé avec le bailleur.";
        return RedirectToPage(new { id, measureId });
    }

    /// Two forms on one page: only the one posted is validated.
    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task EmailLandlordAsync(int organisationId, Func<string, EmailContent> content, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.PartnerOrganisationId == organisationId && u.Email != null)
            .Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
        foreach (var p in people) EmailOutbox.Queue(db, p.Email!, p.FullName, content(p.FullName));
    }

    private async Task<bool> LoadAsync(long id, long measureId, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (await SupportFiles.HouseholdAsync(db, scope, id, ct) is not { } household) return false;
        var measure = await db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews).Include(m => m.Renewals)
            .SingleOrDefaultAsync(m => m.Id == measureId && m.HouseholdId == id, ct);
        if (measure is null) return false;
        var lease = await db.SlidingLeases.AsNoTracking().FirstOrDefaultAsync(l => l.SupportMeasureId == measureId, ct);
        if (lease is null) return false;
        Household = household;
        MeasureId = measureId;
        Lease = lease;
        var today = SupportFiles.Today(clock);
        ReviewOptions = measure.Reviews(today).Select(r => new ReviewOption(r.MonthsFromStart.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Label, r.DueOn, r.MonthsFromStart)).ToList();
        Landlords = await db.PartnerOrganisations.AsNoTracking().Where(o => o.Kind == PartnerKind.Landlord && o.IsActive)
            .OrderBy(o => o.Name).Select(o => new Option(o.Id, o.Name)).ToListAsync(ct);
        Invitations = await db.LeaseReviewInvitations.AsNoTracking().Where(i => i.SupportMeasureId == measureId && i.HouseholdId == id)
            .OrderBy(i => i.ReviewOn).ThenBy(i => i.Id)
            .Select(i => new InvitationRow(i.Id, i.PartnerOrganisation!.Name, i.ReviewLabel, i.ReviewOn, i.InvitedByName, i.SharedSummary, i.SharedAtUtc,
                i.AsksSlideConfirmation, i.SlideConfirmedAtUtc, i.SlideConfirmedByName))
            .ToListAsync(ct);
        return true;
    }
}
