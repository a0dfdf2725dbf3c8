using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Partners;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Partners;

namespace Portal.Pages.Partenaire.Validations;

/// The SIAO validates or refuses the IML candidates the association presents to it (seed 003).
/// It sees the candidate's name and the association's presentation, nothing else of the file.
public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string CandidateName, string? Presentation, string RequestedByName, DateTime RequestedAtUtc,
        SiaoValidationStatus Status, string? DecidedByName, DateTime? DecidedAtUtc, string? DecisionNote);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public PartnerScope Partner { get; private set; } = null!;

    [BindProperty]
    public DecideInput Decide { get; set; } = new();

    public long? FailedId { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public class DecideInput
    {
        public long Id { get; set; }

        /// "valider" or "refuser": the button pressed.
        public string? Answer { get; set; }

        [StringLength(2000, ErrorMessage = "Le motif ne doit pas dépasser 2 000 caractères.")]
        [Display(Name = "Motif ou observation")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        Partner = partner;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        if (await PartnerScope.ForAsync(User, db, ct) is not { } partner) return Forbid();
        Partner = partner;
        var validation = await partner.Validations(db.SiaoValidations).SingleOrDefaultAsync(v => v.Id == Decide.Id, ct);
        if (validation is null) return NotFound();
        if (Decide.Answer is not ("valider" or "refuser")) ModelState.AddModelError("Decide.Answer", "Choisissez de valider ou de refuser la candidature.");
        if (ModelState.IsValid)
        {
            var me = (await users.GetUserAsync(User))!;
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                validation.Decide(Decide.Answer == "valider", Decide.Note, me, now);
                var link = links.Absolute(validation.HousingRequestId is { } rid ? $"/suivi/demandes/{rid}" : $"/suivi/menages/{validation.HouseholdId}/accompagnement");
                if (await db.Users.FindAsync([validation.RequestedById], ct) is { Email: not null } worker)
                    EmailOutbox.Queue(db, worker.Email, worker.FullName, PartnerEmails.SiaoAnswered(worker.FullName, validation.CandidateName,
                        validation.Status.Label(), validation.DecisionNote, link));
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Votre réponse pour {validation.CandidateName} est enregistrée : {validation.Status.Label()}. L'association est prévenue.";
                return RedirectToPage();
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Field == "Note" ? "Decide.Note" : "Decide.Answer", e.Message);
                db.ChangeTracker.Clear();
            }
        }
        FailedId = Decide.Id;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await Partner.Validations(db.SiaoValidations.AsNoTracking())
            .OrderBy(v => v.Status).ThenByDescending(v => v.RequestedAtUtc).ThenByDescending(v => v.Id)
            .Take(200)
            .Select(v => new Row(v.Id, v.CandidateName, v.Presentation, v.RequestedByName, v.RequestedAtUtc, v.Status, v.DecidedByName, v.DecidedAtUtc, v.DecisionNote))
            .ToListAsync(ct);
}
