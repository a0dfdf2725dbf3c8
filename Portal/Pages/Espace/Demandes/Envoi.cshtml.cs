using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class EnvoiModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, RequestNotifier notifier)
    : DraftStepModel(db, users, clock)
{
    public const string PrivacyRequired = "Cochez cette case pour confirmer que vous avez lu la notice sur vos données personnelles.";

    public override int Step => 6;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<MissingPart> Missing { get; private set; } = [];
    public IReadOnlyList<RequestDocumentRow> Documents { get; private set; } = [];
    public bool SendAttempted { get; private set; }

    public class InputModel
    {
        [FrenchValue]
        public bool AcceptPrivacy { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, Everything) is { } answer) return answer;
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken ct)
    {
        var me = UserId;
        var sent = await Db.HousingRequests.AsNoTracking()
            .Where(r => r.Id == id && r.ApplicantId == me).Select(r => (RequestStatus?)r.Status).SingleOrDefaultAsync(ct);
        if (sent is null) return NotFound();
        // Sent already (a second click, another tab): show it, send nothing more.
        if (sent != RequestStatus.Draft) return Redirect(RequestLinks.Details(id));
        if (await LoadAsync(id, ct, Everything) is { } answer) return answer;

        if (!Input.AcceptPrivacy) ModelState.AddModelError("Input.AcceptPrivacy", PrivacyRequired);
        if (RequestCompleteness.Missing(Draft).Count > 0 || !ModelState.IsValid)
        {
            SendAttempted = true;
            await PrepareAsync(ct);
            return Page();
        }

        var applicant = (await Users.GetUserAsync(User))!;
        var now = Now;
        Draft.AcceptPrivacy(now);
        Draft.RouteTo(RequestRouting.TeamFor(Draft, await Db.Teams.AsNoTracking().ToListAsync(ct)));
        Draft.Move(RequestAction.Submit, me, applicant.FullName, now);
        notifier.Received(Draft, applicant);
        try
        {
            // One transaction: the status, the timeline and the receipt email are saved together or not at all.
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var status = await Db.HousingRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct);
            if (status != RequestStatus.Draft) return Redirect(RequestLinks.Details(id));
            WarningMessage = "Votre demande vient d'être modifiée depuis un autre onglet ou un autre appareil. Vérifiez-la, puis envoyez-la à nouveau.";
            return Redirect(RequestLinks.Step(id, Step));
        }
        StatusMessage = $"Votre demande est envoyée. Sa référence est {Draft.Reference}. Un courriel de confirmation vous a été adressé.";
        return Redirect(RequestLinks.Details(id));
    }

    private static IQueryable<HousingRequest> Everything(IQueryable<HousingRequest> q) =>
        q.Include(r => r.Members).Include(r => r.Incomes);

    private async Task PrepareAsync(CancellationToken ct)
    {
        Missing = RequestCompleteness.Missing(Draft);
        Documents = await DocumentUploads.Rows(Db, Draft.Id).ToListAsync(ct);
    }
}
