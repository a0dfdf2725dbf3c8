using Portal.Accounts;
using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Partners;
using Portal.Requests;

namespace Portal.Pages.Partenaire.Orientations;

/// One orientation as its partner sees it: what they sent, where it stands, the decision with its
/// reason, who the referent is and how to reach them, the documents they gave, their thread with
/// the team. The association's own file (journal, other documents, the person's thread) stays out.
public class DetailsModel(PortalDbContext db, UserManager<PortalUser> users, RequestNotifier notifier, PublicLinks links, TimeProvider clock) : PageModel
{
    public sealed record Summary(long Id, string? Reference, string HouseholdName, RequestStatus Status, DateTime? SubmittedAtUtc,
        OrientationUrgency? Urgency, ConsentMethod? ConsentMethod, DateOnly? ConsentGivenOn, CurrentSituation? Situation, string? SituationDetails,
        TargetGroups TargetGroups, string? CurrentTown, string? TeamName, string? ReferentName, string? ReferentEmail, string? ReferentPhone,
        string? ClosingReason, bool AwaitsPersonAccount, string ApplicantId, string? OrientedByName);
    public sealed record MemberRow(string FirstName, string LastName, DateOnly BirthDate, Relationship Relationship);
    public sealed record EventRow(DateTime AtUtc, RequestEventKind Kind, RequestStatus? ToStatus, string? Note);
    public sealed record MessageRow(long Id, string AuthorName, bool FromStaff, string Body, DateTime SentAtUtc, bool New);
    public sealed record RequestedRow(long Id, SupportingDocumentKind Kind, string? Note, DateTime RequestedAtUtc, DateTime? FulfilledAtUtc);

    public Summary Info { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];
    public IReadOnlyList<RequestDocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<RequestedRow> Requested { get; private set; } = [];
    /// The last decision-like step with its reason, shown first.
    public EventRow? Decision { get; private set; }

    [BindProperty(Name = "Message")]
    public MessageInput Message { get; set; } = new();

    [BindProperty(Name = "Upload")]
    public UploadInput Upload { get; set; } = new();

    [BindProperty(Name = "Invite")]
    public InviteInput Invite { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ThreadStatus { get; private set; }

    public bool CanAddDocuments => !Info.Status.IsFinal();

    public class MessageInput
    {
        [Required(ErrorMessage = "Écrivez votre message.")]
        [StringLength(5000, ErrorMessage = "Le message ne doit pas dépasser 5 000 caractères.")]
        [Display(Name = "Votre message à l'équipe")]
        public string? Body { get; set; }
    }

    public class InviteInput
    {
        [Required(ErrorMessage = "Indiquez le nom et le prénom de la personne.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Nom et prénom de la personne")]
        public string? FullName { get; set; }

        [Required(ErrorMessage = "Indiquez l'adresse électronique de la personne.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
        [Display(Name = "Adresse électronique de la personne")]
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Forbid();
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RequestMessages.Where(m => m.HousingRequestId == id && m.WithPartner && m.FromStaff && m.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAtUtc, now), ct);
        return Page();
    }

    /// A post to an unknown handler lands here: back to the page.
    public IActionResult OnPost(long id) => Redirect(Path(id));

    /// A document the partner's organisation gave for this orientation.
    public async Task<IActionResult> OnGetDocumentAsync(long id, long documentId, bool download, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Forbid();
        var orgUsers = db.Users.Where(u => u.PartnerOrganisationId == scope.OrganisationId).Select(u => u.Id);
        var doc = await scope.Orientations(db.HousingRequests.AsNoTracking()).Where(r => r.Id == id)
            .SelectMany(r => r.Documents).Where(d => d.Id == documentId && orgUsers.Contains(d.UploadedById))
            .Select(d => new { d.FileName, d.ContentType, d.Content }).SingleOrDefaultAsync(ct);
        if (doc is null) return NotFound();
        return DocumentResponses.Serve(this, doc.FileName, doc.ContentType, doc.Content, inline: !download);
    }

    public async Task<IActionResult> OnPostMessageAsync(long id, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Forbid();
        var request = await scope.Orientations(db.HousingRequests).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();
        ClearOthers("Message");
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Message.Body))
            ModelState.AddModelError("Message.Body", "Écrivez votre message.");
        if (ModelState.IsValid)
        {
            request.Write(scope.UserId, scope.Signature, Message.Body, fromStaff: false, withPartner: true, clock.GetUtcNow().UtcDateTime);
            notifier.PartnerReplied(request, scope.OrganisationName);
            await db.SaveChangesAsync(ct);
            const string sent = "Votre message est envoyé à l'équipe de l'association.";
            if (!Request.IsHtmx())
            {
                StatusMessage = sent;
                return Redirect(Path(id) + "#fil");
            }
            ModelState.Clear();
            Message = new();
            ThreadStatus = sent;
        }
        await LoadAsync(id, scope, ct);
        Response.Htmx(h => h.WithVary());
        return Request.IsHtmx() ? Partial("_Thread", this) : Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Forbid();
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        ClearOthers("Upload");
        if (!CanAddDocuments)
        {
            StatusMessage = "Cette orientation est close : aucun document ne peut plus y être ajouté.";
            return Redirect(Path(id));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var document = await DocumentUploads.ReadAsync(Upload, Documents.Count, DocumentFolder.Orientation, this, scope.UserId, now, ct);
        if (document is null) return Page();

        var request = await db.HousingRequests.Include(r => r.RequestedDocuments).SingleAsync(r => r.Id == id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        request.AddDocument(document, now);
        await db.SaveChangesAsync(ct);
        request.RecordDocumentAdded(document, Upload.RequestedId, scope.UserId, scope.Signature, now, byPartner: true);
        notifier.PartnerReplied(request, scope.OrganisationName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        StatusMessage = $"Le document « {document.FileName} » est ajouté ({Labels.Of(document.Kind)}). L'équipe est prévenue.";
        return Redirect(Path(id) + "#pieces");
    }

    /// Invites the person to follow the request from a resident account of their own: a new account
    /// gets an invitation to choose a password (the staff invitation's link and lifetime); an
    /// existing resident account is linked and told.
    public async Task<IActionResult> OnPostInviteAsync(long id, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Forbid();
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        ClearOthers("Invite");
        if (!Info.AwaitsPersonAccount)
            ModelState.AddModelError("Invite.Email", "La personne suit déjà cette demande depuis son espace.");
        var email = Invite.Email?.Trim() ?? "";
        PortalUser? existing = null;
        if (ModelState.IsValid && (existing = await users.FindByEmailAsync(email)) is not null && !await users.IsInRoleAsync(existing, Roles.Resident))
            ModelState.AddModelError("Invite.Email", "Cette adresse appartient à un compte qui n'est pas celui d'un résident : indiquez l'adresse personnelle de la personne.");
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.HousingRequests.SingleAsync(r => r.Id == id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = existing;
        if (person is null)
        {
            person = new PortalUser { UserName = email, Email = email, FullName = Invite.FullName!.Trim(), CreatedAtUtc = now };
            var created = await users.CreateAsync(person);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                foreach (var e in created.Errors) ModelState.AddModelError("Invite.Email", e.Description);
                return Page();
            }
            await users.AddToRoleAsync(person, Roles.Resident);
            var token = await AccountTokens.InvitationAsync(users, person);
            var link = links.Absolute(AccountLinks.NewPasswordPath(person.Id, token, invitation: true));
            EmailOutbox.Queue(db, email, person.FullName, PartnerEmails.PersonInvited(person.FullName, scope.OrganisationName, request.Reference!, link));
        }
        else
        {
            EmailOutbox.Queue(db, email, person.FullName, PartnerEmails.PersonLinked(person.FullName, scope.OrganisationName, request.Reference!,
                links.Absolute(RequestNotifier.ApplicantPath(id))));
        }
        request.LinkPerson(person.Id, person.FullName, now);
        var household = await db.Households.FirstOrDefaultAsync(h => h.HousingRequestId == id, ct);
        if (household is not null && household.ResidentId is null)
        {
            household.ResidentId = person.Id;
            household.Email ??= email;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        StatusMessage = existing is null
            ? $"{person.FullName} est invité(e) à créer son compte : un courriel lui est envoyé à {email}."
            : $"La demande est maintenant dans l'espace de {person.FullName}, qui en est prévenu(e) par courriel.";
        return Redirect(Path(id));
    }

    public static string Path(long id) => $"/partenaire/orientations/{id}";

    /// Three forms on one page: only the one posted is validated.
    private void ClearOthers(string keep)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(keep, StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
    }

    private Task<PartnerScope?> ScopeAsync(CancellationToken ct) => PartnerScope.ForAsync(User, db, ct);

    private async Task<bool> LoadAsync(long id, PartnerScope scope, CancellationToken ct)
    {
        var info = await (
                from r in scope.Orientations(db.HousingRequests.AsNoTracking()).Where(r => r.Id == id)
                from team in db.Teams.Where(t => t.Id == r.TeamId).DefaultIfEmpty()
                from referent in db.Users.Where(u => u.Id == r.ReferentId).DefaultIfEmpty()
                select new Summary(r.Id, r.Reference, r.ApplicantName, r.Status, r.SubmittedAtUtc, r.Urgency, r.ConsentMethod, r.ConsentGivenOn,
                    r.Situation, r.SituationDetails, r.TargetGroups, r.CurrentTown, team != null ? team.Name : null,
                    referent != null ? referent.FullName : null, referent != null ? referent.Email : null, referent != null ? referent.PhoneNumber : null,
                    r.ClosingReason, r.OrientedById != null && r.ApplicantId == r.OrientedById, r.ApplicantId,
                    db.Users.Where(u => u.Id == r.OrientedById).Select(u => u.FullName).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);
        if (info is null) return false;
        Info = info;
        Members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HousingRequestId == id).OrderBy(m => m.Position).ThenBy(m => m.Id)
            .Select(m => new MemberRow(m.FirstName, m.LastName, m.BirthDate, m.Relationship)).ToListAsync(ct);
        Events = await db.RequestEvents.AsNoTracking()
            .Where(e => e.HousingRequestId == id && e.VisibleToApplicant && (e.Kind == RequestEventKind.StatusChanged || e.Kind == RequestEventKind.DocumentsRequested))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.AtUtc, e.Kind, e.ToStatus, e.Note)).ToListAsync(ct);
        Decision = Events.LastOrDefault(e => e.ToStatus is RequestStatus.Accepted or RequestStatus.Refused or RequestStatus.WaitingList
            or RequestStatus.HousingOffered or RequestStatus.MovedIn or RequestStatus.Closed);
        Messages = await db.RequestMessages.AsNoTracking().Where(m => m.HousingRequestId == id && m.WithPartner)
            .OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.AuthorName, m.FromStaff, m.Body, m.SentAtUtc, m.FromStaff && m.ReadAtUtc == null)).ToListAsync(ct);
        var orgUsers = db.Users.Where(u => u.PartnerOrganisationId == scope.OrganisationId).Select(u => u.Id);
        Documents = await db.RequestDocuments.AsNoTracking()
            .Where(d => d.HousingRequestId == id && orgUsers.Contains(d.UploadedById))
            .OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
            .Select(d => new RequestDocumentRow(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedAtUtc)).ToListAsync(ct);
        Requested = await db.RequestedDocuments.AsNoTracking().Where(d => d.HousingRequestId == id)
            .OrderByDescending(d => d.RequestedAtUtc).ThenBy(d => d.Id)
            .Select(d => new RequestedRow(d.Id, d.Kind, d.Note, d.RequestedAtUtc, d.FulfilledAtUtc)).ToListAsync(ct);
        if (Invite.FullName is null && Members.FirstOrDefault() is { } first) Invite.FullName = $"{first.FirstName} {first.LastName}";
        return true;
    }
}
