using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Requests;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

/// Addresses of the applicant's request pages (the emails link to <see cref="Details"/>).
public static class RequestLinks
{
    public const string Index = "/espace/demandes";
    public static string Details(long id) => Portal.Requests.RequestNotifier.ApplicantPath(id);
    public static string Step(long id, int step) => $"/espace/demandes/{id}/etape/{step}";
    public static string Document(long id, long documentId, bool inline = false) =>
        $"/espace/demandes/{id}/documents/{documentId}" + (inline ? "?inline=1" : "");
}

public sealed record DraftStep(int Number, string Title);

public static class DraftSteps
{
    public const int Count = 6;

    public static readonly IReadOnlyList<DraftStep> All =
    [
        new(1, "Votre ménage"),
        new(2, "Vos ressources"),
        new(3, "Votre situation"),
        new(4, "Le logement recherché"),
        new(5, "Pièces justificatives"),
        new(6, "Vérifier et envoyer"),
    ];

    public static string Title(int step) => All[step - 1].Title;

    /// The documents most requests need, shown as a checklist at step 5.
    public static IReadOnlyList<SupportingDocumentKind> Suggested(HousingRequest request) =>
        request.IsDalo
            ? [SupportingDocumentKind.IdentityDocument, SupportingDocumentKind.TaxNotice, SupportingDocumentKind.IncomeProof, SupportingDocumentKind.CafCertificate, SupportingDocumentKind.DaloDecision]
            : [SupportingDocumentKind.IdentityDocument, SupportingDocumentKind.TaxNotice, SupportingDocumentKind.IncomeProof, SupportingDocumentKind.CafCertificate];
}

public sealed record MissingPart(int Step, string Message);

public static class RequestCompleteness
{
    /// What must be filled in before the request can be sent, each with the step where it is.
    public static IReadOnlyList<MissingPart> Missing(HousingRequest request)
    {
        var missing = new List<MissingPart>();
        if (!request.Members.Any(m => m.Relationship == Relationship.Applicant && m.BirthDate != default && m.FirstName.Length > 0 && m.LastName.Length > 0))
            missing.Add(new(1, "Indiquez qui vous êtes : votre prénom, votre nom et votre date de naissance."));
        if (request.Situation is null)
            missing.Add(new(3, "Indiquez où vous vivez aujourd'hui."));
        if (request.Typologies == Typologies.None)
            missing.Add(new(4, "Choisissez au moins une taille de logement."));
        if (string.IsNullOrWhiteSpace(request.Towns))
            missing.Add(new(4, "Indiquez au moins une commune où vous souhaitez habiter."));
        return missing;
    }
}

public static class StatusBadges
{
    public static string CssClass(RequestStatus status) => status switch
    {
        RequestStatus.Draft or RequestStatus.Closed => "badge",
        RequestStatus.DocumentsRequested or RequestStatus.WaitingList => "badge badge-pending",
        RequestStatus.Accepted or RequestStatus.HousingOffered or RequestStatus.MovedIn => "badge badge-done",
        RequestStatus.Refused => "badge badge-failed",
        _ => "badge badge-running",
    };

    /// The usual steps still ahead of a request, for "la suite".
    public static IReadOnlyList<RequestStatus> Ahead(RequestStatus status)
    {
        if (status.IsFinal()) return [];
        var anchor = status switch
        {
            RequestStatus.DocumentsRequested => RequestStatus.UnderReview,
            RequestStatus.WaitingList => RequestStatus.Accepted,
            _ => status,
        };
        var index = RequestStatusText.MainPath.ToList().IndexOf(anchor);
        return RequestStatusText.MainPath.Skip(index + 1).ToList();
    }
}

/// A step of the "Demander un logement" form. Every step loads the person's own draft (someone
/// else's, or an unknown id, is a 404), and once saved goes on, back, or out to "Mes demandes".
public abstract class DraftStepModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : HandledPageModel
{
    public const string SavedAndLeft = "Votre brouillon est enregistré. Vous pourrez le reprendre à tout moment, depuis cet appareil ou un autre.";

    protected PortalDbContext Db => db;
    protected UserManager<PortalUser> Users => users;
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    protected string UserId => users.GetUserId(User)!;

    public abstract int Step { get; }
    public HousingRequest Draft { get; private set; } = null!;
    public long Id => Draft.Id;

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? WarningMessage { get; set; }

    /// Null when the draft is loaded into <see cref="Draft"/>; otherwise the answer to give.
    protected async Task<IActionResult?> LoadAsync(long id, CancellationToken ct, Func<IQueryable<HousingRequest>, IQueryable<HousingRequest>>? include = null)
    {
        var me = UserId;
        var query = db.HousingRequests.Where(r => r.Id == id && r.ApplicantId == me);
        if (include is not null) query = include(query);
        var draft = await query.AsSplitQuery().SingleOrDefaultAsync(ct);
        if (draft is null) return NotFound();
        if (!draft.IsEditableByApplicant)
        {
            WarningMessage = "Cette demande est déjà envoyée : elle ne peut plus être modifiée. Pour signaler un changement, écrivez à l'équipe en bas de cette page.";
            return Redirect(RequestLinks.Details(id));
        }
        Draft = draft;
        return null;
    }

    /// Makes the step's change on the draft once the form is well formed, then saves and goes on; a
    /// refusal of the domain shows the form again with its message at the field it names.
    protected async Task<IActionResult> ChangeAndGoAsync(Action change, string? go, CancellationToken ct)
    {
        if (!ModelState.IsValid || !ModelState.Passes(change, "Input")) return Page();
        return await SaveAndGoAsync(go, ct);
    }

    /// Saves the step, then follows the button the person pressed: "next", "previous" or "quit".
    protected async Task<IActionResult> SaveAndGoAsync(string? go, CancellationToken ct)
    {
        var target = go switch
        {
            "previous" => Math.Max(1, Step - 1),
            "quit" => Step,
            _ => Math.Min(DraftSteps.Count, Step + 1),
        };
        Draft.ReachStep(target, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved or sent meanwhile from another tab or device: show what is there now.
            WarningMessage = "Votre demande vient d'être modifiée depuis un autre onglet ou un autre appareil. Vérifiez les informations ci-dessous, puis enregistrez à nouveau.";
            return Redirect(RequestLinks.Step(Draft.Id, Step));
        }
        if (go == "quit")
        {
            StatusMessage = SavedAndLeft;
            return Redirect(RequestLinks.Index);
        }
        return Redirect(RequestLinks.Step(Draft.Id, target));
    }
}

/// A step that is one form over the draft: shown from the draft, saved onto it through the domain
/// (whose refusals come back at their field).
public abstract class DraftFormStepModel<TInput>(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftStepModel(db, users, clock)
    where TInput : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    protected DateOnly Today => DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(Now));

    /// The form as the draft fills it.
    protected abstract TInput Read(HousingRequest draft);

    /// The form onto the draft, through its guarded methods.
    protected abstract void Apply(HousingRequest draft, TInput input);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        Input = Read(Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, string? go, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        return await ChangeAndGoAsync(() => Apply(Draft, Input), go, ct);
    }
}

/// What the person entered, shown before sending (with "Modifier" links) and on the request page.
public sealed record SummaryModel(HousingRequest Request, IReadOnlyList<RequestDocumentRow> Documents, bool Editable, int HeadingLevel)
{
    public IReadOnlyList<HouseholdMember> Members =>
        Request.Members.OrderByDescending(m => m.Relationship == Relationship.Applicant).ThenBy(m => m.Position).ToList();

    public RentBurden? Burden =>
        Request.AffordableRent is { } rent && Request.Incomes.Count > 0
            ? RentBurden.From(Request.Incomes.Select(i => (i.Kind, i.MonthlyAmount)), rent, Request.AffordableCharges ?? 0)
            : null;
}
