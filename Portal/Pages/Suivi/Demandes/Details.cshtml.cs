using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.Requests;

namespace Portal.Pages.Suivi.Demandes;

public class DetailsModel(PortalDbContext db, UserManager<PortalUser> users, RequestNotifier notifier, TimeProvider clock) : PageModel
{
    public const string ConcurrencyMessage = "Cette demande vient d'être modifiée par quelqu'un d'autre ; rechargez la page.";

    public sealed record Summary(
        long Id, string? Reference, string ApplicantName, string? ApplicantEmail, RequestStatus Status, int Version,
        DateTime? SubmittedAtUtc, DateTime UpdatedAtUtc, string? ClosingReason, int? TeamId, string? TeamName, string? ReferentName,
        bool IsSingleParent, string? Phone, string? CurrentAddress, string? CurrentTown,
        CurrentSituation? Situation, string? SituationDetails, TargetGroups TargetGroups, bool IsDalo, DateOnly? DaloDecisionDate,
        Typologies Typologies, string? Towns, AccessibilityNeeds Accessibility, string? AccessibilityDetails,
        decimal? AffordableRent, decimal? AffordableCharges);
    public sealed record MemberRow(long Id, string FirstName, string LastName, DateOnly BirthDate, Relationship Relationship);
    public sealed record IncomeRow(string? MemberName, IncomeKind Kind, decimal MonthlyAmount);
    public sealed record DocumentRow(long Id, SupportingDocumentKind Kind, string FileName, string ContentType, long Size, DateTime UploadedAtUtc);
    public sealed record RequestedRow(SupportingDocumentKind Kind, string? Note, DateTime RequestedAtUtc, DateTime? FulfilledAtUtc);
    public sealed record EventRow(DateTime AtUtc, RequestEventKind Kind, RequestStatus? FromStatus, RequestStatus? ToStatus, string ActorName, string? Note, bool VisibleToApplicant);
    public sealed record TeamOption(int Id, string Name);

    public Summary Info { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<IncomeRow> Incomes { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<RequestedRow> Requested { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<MessagesModel.MessageRow> Messages { get; private set; } = [];
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    /// Who oriented the household, when a partner did (null for a person's own request).
    public Portal.Partners.OrientationInfo? Orientation { get; private set; }
    public Portal.Partners.SiaoRow? Siao { get; private set; }
    public RentBurden? Burden { get; private set; }
    public bool IsManager { get; private set; }
    /// The household file opened from this request, if any.
    public long? HouseholdId { get; private set; }
    public bool CanOpenHousehold => HouseholdId is null && Info.Status is RequestStatus.Accepted or RequestStatus.HousingOffered or RequestStatus.MovedIn;

    public bool Can(RequestAction action) => RequestStateMachine.CanApply(Info.Status, action);

    public AskInput Ask { get; set; } = new();
    public CloseInput Closing { get; set; } = new();
    public AssignInput Assign { get; set; } = new();

    public MessagesModel.ThreadView Thread => new(Info.Id, Messages, Orientation, null, new());

    [TempData]
    public string? StatusMessage { get; set; }

    public class AskInput
    {
        [Display(Name = "Pièces à demander")]
        public List<SupportingDocumentKind>? Kinds { get; set; }

        [StringLength(1000, ErrorMessage = "La précision ne doit pas dépasser 1 000 caractères.")]
        [Display(Name = "Précision pour la personne (facultatif)")]
        public string? Note { get; set; }
    }

    public class CloseInput
    {
        [Required(ErrorMessage = "Indiquez le motif de la clôture : il sera communiqué à la personne.")]
        [StringLength(1000, ErrorMessage = "Le motif ne doit pas dépasser 1 000 caractères.")]
        [Display(Name = "Motif de la clôture")]
        public string? Reason { get; set; }
    }

    public class AssignInput
    {
        [Required(ErrorMessage = "Choisissez une équipe.")]
        [Display(Name = "Équipe")]
        public int? TeamId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Challenge();
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        await MessagesModel.MarkReadAsync(db, id, clock, ct);
        return Page();
    }

    /// The message and household forms used to post here: a page left open from then still works
    /// (307 keeps the post and its token); any other unknown handler leads back to the page.
    public IActionResult OnPost(long id) => Request.Query["handler"].ToString() switch
    {
        var h when h.Equals("Message", StringComparison.OrdinalIgnoreCase) => RedirectToPagePreserveMethod("Messages", "Message", new { id }),
        var h when h.Equals("OpenHousehold", StringComparison.OrdinalIgnoreCase) => RedirectToPagePreserveMethod("DossierMenage", "OpenHousehold", new { id }),
        _ => RedirectToPage(new { id }),
    };

    /// A supporting document, shown in the browser (PDF, images) or downloaded; its type is the one
    /// sniffed from its content at upload, never the name or the type the browser claimed.
    public async Task<IActionResult> OnGetDocumentAsync(long id, long documentId, bool download, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Challenge();
        var doc = await scope.Visible(db.HousingRequests.AsNoTracking())
            .Where(r => r.Id == id)
            .SelectMany(r => r.Documents)
            .Where(d => d.Id == documentId)
            .Select(d => new { d.FileName, d.ContentType, d.Content })
            .SingleOrDefaultAsync(ct);
        if (doc is null) return NotFound();
        return DocumentResponses.Serve(this, doc.FileName, doc.ContentType, doc.Content, inline: !download);
    }

    public Task<IActionResult> OnPostTakeInChargeAsync(long id, int? version, CancellationToken ct) =>
        ActAsync(id, version, ct, (request, me, applicant, now) =>
        {
            request.TakeInCharge(me.Id, me.FullName, now);
            if (applicant is not null) notifier.StatusChanged(request, applicant, null);
            return $"Vous avez pris en charge la demande {request.Reference}. La personne est prévenue par courriel.";
        });

    public Task<IActionResult> OnPostRequestDocumentsAsync(long id, int? version, [Bind(Prefix = nameof(Ask))] AskInput ask, CancellationToken ct)
    {
        Ask = ask;
        var kinds = (ask.Kinds ?? []).Where(Enum.IsDefined).Distinct().ToList();
        if (ModelState.IsValid && kinds.Count == 0)
            ModelState.AddModelError("Ask.Kinds", "Cochez au moins une pièce à demander.");
        return ActAsync(id, version, ct, (request, me, applicant, now) =>
        {
            var note = string.IsNullOrWhiteSpace(ask.Note) ? null : ask.Note.Trim();
            request.RequestDocuments(kinds, note, me.Id, me.FullName, now);
            if (applicant is not null) notifier.DocumentsRequested(request, applicant, kinds, note);
            return $"Les pièces sont demandées ({kinds.Count}). La personne est prévenue par courriel.";
        });
    }

    public Task<IActionResult> OnPostCommitteeAsync(long id, int? version, CancellationToken ct) =>
        ActAsync(id, version, ct, (request, me, applicant, now) =>
        {
            request.Move(RequestAction.PresentToCommittee, me.Id, me.FullName, now);
            if (applicant is not null) notifier.StatusChanged(request, applicant, null);
            return $"La demande {request.Reference} est prête pour la commission. La personne est prévenue par courriel.";
        });

    public Task<IActionResult> OnPostCloseAsync(long id, int? version, [Bind(Prefix = nameof(Closing))] CloseInput closing, CancellationToken ct)
    {
        Closing = closing;
        return ActAsync(id, version, ct, (request, me, applicant, now) =>
        {
            var reason = closing.Reason?.Trim();
            request.Move(RequestAction.Close, me.Id, me.FullName, now, reason);
            if (applicant is not null) notifier.StatusChanged(request, applicant, reason);
            return $"La demande {request.Reference} est clôturée. La personne est prévenue par courriel, avec le motif.";
        });
    }

    public async Task<IActionResult> OnPostAssignTeamAsync(long id, int? version, [Bind(Prefix = nameof(Assign))] AssignInput assign, CancellationToken ct)
    {
        Assign = assign;
        if (!User.IsInRole(Roles.Manager))
        {
            // A social worker never sees a request outside their team; inside it, this is a manager's job.
            if (await ScopeAsync(ct) is { } scope && await scope.Visible(db.HousingRequests).AnyAsync(r => r.Id == id, ct))
                return Forbid();
            return NotFound();
        }
        Team? team = null;
        if (ModelState.IsValid && assign.TeamId is { } teamId)
        {
            team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
            if (team is null) ModelState.AddModelError("Assign.TeamId", "Cette équipe n'existe pas.");
        }
        return await ActAsync(id, version, ct, (request, me, applicant, now) =>
        {
            request.AssignTeam(team!.Id, team.Name, me.Id, me.FullName, now);
            return $"La demande {request.Reference} est confiée à l'équipe {team.Name}.";
        });
    }

    /// Loads the request within the user's scope, applies one change, queues its email and saves
    /// both together; a refusal of the rules or a concurrent change is shown on the page.
    private async Task<IActionResult> ActAsync(long id, int? version, CancellationToken ct,
        Func<HousingRequest, PortalUser, PortalUser?, DateTime, string> act)
    {
        if (await ScopeAsync(ct) is not { } scope) return Challenge();
        var me = (await users.GetUserAsync(User))!;
        var request = await scope.Visible(db.HousingRequests).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();

        if (ModelState.IsValid && version is { } seen && seen != request.Version)
            ModelState.AddModelError("", ConcurrencyMessage);
        if (ModelState.IsValid)
        {
            var applicant = await db.Users.FindAsync([request.ApplicantId], ct);
            try
            {
                var done = act(request, me, applicant, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                StatusMessage = done;
                return RedirectToPage(new { id });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", ConcurrencyMessage);
            }
            db.ChangeTracker.Clear();
        }
        await LoadAsync(id, scope, ct);
        return Page();
    }

    private async Task<StaffScope?> ScopeAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        IsManager = User.IsInRole(Roles.Manager);
        return me is null ? null : StaffScope.For(User, me);
    }

    private async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        var summary = await scope.Visible(db.HousingRequests.AsNoTracking())
            .Where(r => r.Id == id)
            .Select(r => new Summary(
                r.Id, r.Reference, r.ApplicantName, db.Users.Where(u => u.Id == r.ApplicantId).Select(u => u.Email).FirstOrDefault(), r.Status, r.Version,
                r.SubmittedAtUtc, r.UpdatedAtUtc, r.ClosingReason, r.TeamId, db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == r.ReferentId).Select(u => u.FullName).FirstOrDefault(),
                r.IsSingleParent, r.Phone, r.CurrentAddress, r.CurrentTown,
                r.Situation, r.SituationDetails, r.TargetGroups, r.IsDalo, r.DaloDecisionDate,
                r.Typologies, r.Towns, r.Accessibility, r.AccessibilityDetails, r.AffordableRent, r.AffordableCharges))
            .SingleOrDefaultAsync(ct);
        if (summary is null) return false;
        Info = summary;
        HouseholdId = await db.Households.Where(h => h.HousingRequestId == id).Select(h => (long?)h.Id).FirstOrDefaultAsync(ct);

        Members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HousingRequestId == id)
            .OrderBy(m => m.Position).ThenBy(m => m.Id)
            .Select(m => new MemberRow(m.Id, m.FirstName, m.LastName, m.BirthDate, m.Relationship)).ToListAsync(ct);
        Incomes = await db.IncomeLines.AsNoTracking().Where(i => i.HousingRequestId == id)
            .OrderBy(i => i.Member != null ? i.Member.Position : -1).ThenBy(i => i.Id)
            .Select(i => new IncomeRow(i.Member != null ? i.Member.FirstName + " " + i.Member.LastName : null, i.Kind, i.MonthlyAmount))
            .ToListAsync(ct);
        Documents = await db.RequestDocuments.AsNoTracking().Where(d => d.HousingRequestId == id)
            .OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedAtUtc)).ToListAsync(ct);
        Requested = await db.RequestedDocuments.AsNoTracking().Where(d => d.HousingRequestId == id)
            .OrderByDescending(d => d.RequestedAtUtc).ThenBy(d => d.Id)
            .Select(d => new RequestedRow(d.Kind, d.Note, d.RequestedAtUtc, d.FulfilledAtUtc)).ToListAsync(ct);
        Events = await db.RequestEvents.AsNoTracking().Where(e => e.HousingRequestId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.AtUtc, e.Kind, e.FromStatus, e.ToStatus, e.ActorName, e.Note, e.VisibleToApplicant)).ToListAsync(ct);
        Messages = await MessagesModel.ThreadAsync(db, id, ct);
        Orientation = await Portal.Partners.OrientationInfo.ForRequestAsync(db, id, ct);
        Siao = await Portal.Partners.SiaoValidations.LatestAsync(db, id, HouseholdId, ct);
        if (IsManager && summary.TeamId is null)
            Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);

        if (summary.AffordableRent is { } rent)
            Burden = RentBurden.From(Incomes.Select(i => (i.Kind, i.MonthlyAmount)), rent, summary.AffordableCharges ?? 0);
        return true;
    }
}
