using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

// A 10.5 MB file must reach the handler to get its French message, not a bare 413.
[RequestFormLimits(MultipartBodyLengthLimit = 12_000_000)]
[RequestSizeLimit(12_500_000)]
public class DetailsModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : HandledPageModel
{
    public HousingRequest Item { get; private set; } = null!;
    public IReadOnlyList<RequestDocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<RequestedDocument> MissingDocuments { get; private set; } = [];
    public IReadOnlyList<RequestEvent> Timeline { get; private set; } = [];
    public IReadOnlyList<RequestMessage> Messages { get; private set; } = [];
    public IReadOnlySet<long> NewMessageIds { get; private set; } = new HashSet<long>();
    public string? MessageSent { get; private set; }

    public bool CanAddDocuments => Item.AcceptsDocuments;

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty]
    public MessageInput Message { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? WarningMessage { get; set; }

    public class MessageInput
    {
        [StringLength(5000, ErrorMessage = "Votre message est trop long : 5 000 caractères au plus. Vous pouvez l'envoyer en plusieurs fois.")]
        [PlainText]
        [Display(Name = "Votre message")]
        public string? Body { get; set; }
    }

    private string UserId => users.GetUserId(User)!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } answer) return answer;
        await PrepareAsync(ct);
        // The person has now seen the team's messages.
        if (NewMessageIds.Count > 0)
        {
            var now = Now;
            await db.RequestMessages.Where(m => m.HousingRequestId == id && m.FromStaff && !m.WithPartner && m.ReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAtUtc, now), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostMessageAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } answer) return answer;
        if (ModelState.GetFieldValidationState("Message.Body") != ModelValidationState.Invalid && string.IsNullOrWhiteSpace(Message.Body))
            ModelState.AddModelError("Message.Body", "Écrivez votre message avant de l'envoyer.");
        if (ModelState.GetFieldValidationState("Message.Body") == ModelValidationState.Invalid)
        {
            await PrepareAsync(ct);
            return Request.IsHtmx() ? Partial("_Messages", this) : Page();
        }

        var me = (await users.GetUserAsync(User))!;
        Item.Write(me.Id, me.FullName, Message.Body, fromStaff: false, withPartner: false, Now);
        await db.SaveChangesAsync(ct);
        if (!Request.IsHtmx())
        {
            StatusMessage = "Votre message est envoyé à l'équipe.";
            return Redirect(RequestLinks.Details(id) + "#messages");
        }
        ModelState.Clear();
        Message = new MessageInput();
        MessageSent = "Votre message est envoyé à l'équipe.";
        await PrepareAsync(ct);
        return Partial("_Messages", this);
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } answer) return answer;
        if (!CanAddDocuments)
        {
            WarningMessage = "Cette demande est close : vous ne pouvez plus y ajouter de document.";
            return Redirect(RequestLinks.Details(id));
        }
        await PrepareAsync(ct);
        var document = await DocumentUploads.ReadAsync(Upload, Documents.Count, DocumentFolder.SentRequest, this, UserId, Now, ct);
        if (document is null) return Page();

        var me = (await users.GetUserAsync(User))!;
        var now = Now;
        var complete = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            Item.AddDocument(document, now);
            await db.SaveChangesAsync(ct);
            // The team checks the documents before resuming the review: the status stays until they do.
            complete = Item.RecordDocumentAdded(document, Upload.RequestedId, me.Id, me.FullName, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            WarningMessage = "Votre demande vient d'être mise à jour par l'équipe : vérifiez-la, puis ajoutez à nouveau votre document.";
            return Redirect(RequestLinks.Details(id) + "#pieces");
        }
        StatusMessage = complete
            ? $"Le document « {document.FileName} » est ajouté. Toutes les pièces demandées sont arrivées : l'équipe va les vérifier puis reprendre l'étude de votre demande."
            : $"Le document « {document.FileName} » est ajouté ({Labels.Of(document.Kind)}).";
        return Redirect(RequestLinks.Details(id) + "#pieces");
    }

    // The person's most visited page: its reads are compiled once (its documents too, in
    // DocumentUploads.Rows), so EF does not walk, hash and look up each query's expression tree at
    // every view.
    private static readonly Func<PortalDbContext, long, string, CancellationToken, Task<HousingRequest?>> ReadRequest =
        EF.CompileAsyncQuery((PortalDbContext db, long id, string me, CancellationToken ct) => db.HousingRequests.AsNoTracking()
            .Where(r => r.Id == id && r.ApplicantId == me)
            .Include(r => r.Members).Include(r => r.Incomes).Include(r => r.RequestedDocuments)
            .AsSplitQuery()
            .SingleOrDefault());

    private static readonly Func<PortalDbContext, long, string, CancellationToken, Task<HousingRequest?>> ReadRequestTracked =
        EF.CompileAsyncQuery((PortalDbContext db, long id, string me, CancellationToken ct) => db.HousingRequests
            .Where(r => r.Id == id && r.ApplicantId == me)
            .Include(r => r.Members).Include(r => r.Incomes).Include(r => r.RequestedDocuments)
            .AsSplitQuery()
            .SingleOrDefault());

    private static readonly Func<PortalDbContext, long, IAsyncEnumerable<RequestEvent>> ReadTimeline =
        EF.CompileAsyncQuery<PortalDbContext, long, RequestEvent>((db, id) => db.RequestEvents.AsNoTracking()
            .Where(e => e.HousingRequestId == id && e.VisibleToApplicant)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id));

    // The association's exchanges with an orienting partner are not the person's thread.
    private static readonly Func<PortalDbContext, long, IAsyncEnumerable<RequestMessage>> ReadMessages =
        EF.CompileAsyncQuery<PortalDbContext, long, RequestMessage>((db, id) => db.RequestMessages.AsNoTracking()
            .Where(m => m.HousingRequestId == id && !m.WithPartner)
            .OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id));

    /// Null when the request is loaded; 404 when it is not the person's; the form while it is a draft.
    private async Task<IActionResult?> LoadAsync(long id, bool tracked, CancellationToken ct)
    {
        var item = await (tracked ? ReadRequestTracked : ReadRequest)(db, id, UserId, ct);
        if (item is null) return NotFound();
        if (item.Status == RequestStatus.Draft) return Redirect(RequestLinks.Step(id, Math.Clamp(item.WizardStep, 1, DraftSteps.Count)));
        Item = item;
        return null;
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        var id = Item.Id;
        MissingDocuments = Item.RequestedDocuments.Where(r => r.FulfilledByDocumentId is null).OrderBy(r => r.RequestedAtUtc).ThenBy(r => r.Id).ToList();
        Documents = await DocumentUploads.Rows(db, id).ToListAsync(ct);
        Timeline = await ReadTimeline(db, id).ToListAsync(ct);
        Messages = await ReadMessages(db, id).ToListAsync(ct);
        NewMessageIds = Messages.Where(m => m.FromStaff && m.ReadAtUtc is null).Select(m => m.Id).ToHashSet();
    }

    public static string EventTitle(RequestEvent e) => e.Kind switch
    {
        RequestEventKind.StatusChanged when e.ToStatus == RequestStatus.Draft => "Demande commencée",
        RequestEventKind.StatusChanged when e.ToStatus is { } to => to.Label(),
        RequestEventKind.DocumentsRequested => "Pièces demandées",
        RequestEventKind.DocumentAdded => "Document ajouté",
        RequestEventKind.TeamAssigned => "Demande confiée à une équipe",
        _ => "Information",
    };

    public static string? EventExplanation(RequestEvent e) => e.Kind switch
    {
        RequestEventKind.StatusChanged when e.ToStatus is { } to && to != RequestStatus.Draft => to.Explanation(),
        RequestEventKind.DocumentsRequested => RequestStatus.DocumentsRequested.Explanation(),
        _ => null,
    };
}
