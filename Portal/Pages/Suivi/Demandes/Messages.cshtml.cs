using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Partners;
using Portal.Requests;

namespace Portal.Pages.Suivi.Demandes;

/// The thread between the team and the person (or the partner who oriented them): shown on the
/// request's page, and on its own here when a message sent without JavaScript needs correcting.
public class MessagesModel(PortalDbContext db, UserManager<PortalUser> users, RequestNotifier notifier, TimeProvider clock) : PageModel
{
    public sealed record MessageRow(long Id, string AuthorName, bool FromStaff, string Body, DateTime SentAtUtc, bool WithPartner = false);
    public sealed record RequestRow(long Id, string? Reference, string ApplicantName, RequestStatus Status);
    /// What the thread partial shows, on this page and on the request's.
    public sealed record ThreadView(long RequestId, IReadOnlyList<MessageRow> Messages, OrientationInfo? Orientation, string? Sent, MessageInput Message);

    public RequestRow Info { get; private set; } = null!;
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];
    public OrientationInfo? Orientation { get; private set; }
    /// Shown in the thread after a message sent with htmx (the page is not reloaded then).
    public string? ThreadStatus { get; private set; }

    public MessageInput Message { get; set; } = new();

    public ThreadView Thread => new(Info.Id, Messages, Orientation, ThreadStatus, Message);

    [TempData]
    public string? StatusMessage { get; set; }

    public class MessageInput
    {
        [Required(ErrorMessage = "Écrivez votre message.")]
        [StringLength(5000, ErrorMessage = "Le message ne doit pas dépasser 5 000 caractères.")]
        [Display(Name = "Votre message")]
        public string? Body { get; set; }

        /// For an orientation whose person has an account: to the partner rather than to the person.
        public bool ToPartner { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope) return Challenge();
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        await MarkReadAsync(db, id, clock, ct);
        return Page();
    }

    /// The person's messages are read once the team has the request open.
    public static Task MarkReadAsync(PortalDbContext db, long id, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RequestMessages.Where(m => m.HousingRequestId == id && !m.FromStaff && m.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAtUtc, now), ct);
    }

    /// A message to the person; they get an email telling them to read it in their space.
    public async Task<IActionResult> OnPostMessageAsync(long id, [Bind(Prefix = nameof(Message))] MessageInput message, CancellationToken ct)
    {
        Message = message;
        if (await ScopeAsync(ct) is not { } scope) return Challenge();
        var me = (await users.GetUserAsync(User))!;
        var request = await scope.Visible(db.HousingRequests).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();

        if (ModelState.IsValid && string.IsNullOrWhiteSpace(message.Body))
            ModelState.AddModelError("Message.Body", "Écrivez votre message.");
        if (ModelState.IsValid)
        {
            var toPartner = request.StaffWritesToPartner(message.ToPartner);
            request.Write(me.Id, me.FullName, message.Body, fromStaff: true, toPartner, clock.GetUtcNow().UtcDateTime);
            if (toPartner) notifier.NewMessageForPartner(request);
            else if (await db.Users.FindAsync([request.ApplicantId], ct) is { } applicant)
                notifier.NewMessageForApplicant(request, applicant);
            await db.SaveChangesAsync(ct);
            var sent = toPartner ? "Votre message est envoyé. Le partenaire est prévenu par courriel." : "Votre message est envoyé. La personne est prévenue par courriel.";
            if (!Request.IsHtmx())
            {
                StatusMessage = sent;
                return RedirectToPage("Details", null, new { id }, "fil");
            }
            Message = new();
            ModelState.Clear();
            ThreadStatus = sent;
        }

        await LoadAsync(id, scope, ct);
        Response.Htmx(h => h.WithVary());
        return Request.IsHtmx() ? Partial("_Thread", Thread) : Page();
    }

    public static Task<List<MessageRow>> ThreadAsync(PortalDbContext db, long id, CancellationToken ct) =>
        db.RequestMessages.AsNoTracking().Where(m => m.HousingRequestId == id)
            .OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.AuthorName, m.FromStaff, m.Body, m.SentAtUtc, m.WithPartner)).ToListAsync(ct);

    private async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        var info = await scope.Visible(db.HousingRequests.AsNoTracking()).Where(r => r.Id == id)
            .Select(r => new RequestRow(r.Id, r.Reference, r.ApplicantName, r.Status)).SingleOrDefaultAsync(ct);
        if (info is null) return false;
        Info = info;
        Messages = await ThreadAsync(db, id, ct);
        Orientation = await OrientationInfo.ForRequestAsync(db, id, ct);
        return true;
    }

    private async Task<StaffScope?> ScopeAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) is { } me ? StaffScope.For(User, me) : null;
}
