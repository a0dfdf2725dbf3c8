using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Partners;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Partners;

namespace Portal.Pages.Suivi.Partenaires;

/// The association asks a SIAO to validate an IML candidate, for a request or a household file
/// within the worker's scope. The SIAO's staff are emailed and answer from /partenaire.
public class ValidationSiaoModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links, TimeProvider clock) : PageModel
{
    public sealed record Option(int Id, string Name);

    [BindProperty(SupportsGet = true, Name = "demande")]
    public long? RequestId { get; set; }

    [BindProperty(SupportsGet = true, Name = "menage")]
    public long? HouseholdId { get; set; }

    public string CandidateName { get; private set; } = "";
    public string BackLink { get; private set; } = "/suivi";
    public IReadOnlyList<Option> Siaos { get; private set; } = [];
    public SiaoRow? Latest { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Required(ErrorMessage = "Choisissez le SIAO.")]
        [Display(Name = "SIAO")]
        public int? OrganisationId { get; set; }

        [StringLength(4000, ErrorMessage = "La présentation ne doit pas dépasser 4 000 caractères.")]
        [Display(Name = "Présentation de la candidature (facultatif)")]
        public string? Presentation { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.OrganisationId is { } orgId && !Siaos.Any(s => s.Id == orgId))
            ModelState.AddModelError("Input.OrganisationId", "Choisissez un SIAO de la liste.");
        if (Latest is { Status: SiaoValidationStatus.Pending or SiaoValidationStatus.Validated })
            ModelState.AddModelError("", Latest.Status == SiaoValidationStatus.Pending
                ? "Une demande de validation attend déjà la réponse du SIAO."
                : "Le SIAO a déjà validé cette candidature.");
        if (!ModelState.IsValid) return Page();

        var me = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow().UtcDateTime;
        db.SiaoValidations.Add(new SiaoValidation
        {
            PartnerOrganisationId = Input.OrganisationId!.Value,
            HousingRequestId = RequestId,
            HouseholdId = RequestId is null ? HouseholdId : null,
            CandidateName = CandidateName,
            Presentation = string.IsNullOrWhiteSpace(Input.Presentation) ? null : Input.Presentation.Trim(),
            RequestedById = me.Id,
            RequestedByName = me.FullName,
            RequestedAtUtc = now,
        });
        var partners = await db.Users.AsNoTracking().Where(u => u.PartnerOrganisationId == Input.OrganisationId && u.Email != null)
            .Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
        foreach (var p in partners)
            EmailOutbox.Queue(db, p.Email!, p.FullName, PartnerEmails.SiaoValidationRequested(p.FullName, CandidateName, links.Absolute("/partenaire/validations")));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"La validation de la candidature de {CandidateName} est demandée au SIAO.";
        return Redirect(BackLink);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (RequestId is { } rid)
        {
            var name = await scope.Visible(db.HousingRequests.AsNoTracking()).Where(r => r.Id == rid).Select(r => r.ApplicantName).FirstOrDefaultAsync(ct);
            if (name is null) return false;
            CandidateName = name;
            BackLink = $"/suivi/demandes/{rid}";
            Latest = await SiaoValidations.LatestAsync(db, rid, null, ct);
        }
        else if (HouseholdId is { } hid)
        {
            var name = await scope.Visible(db.Households.AsNoTracking()).Where(h => h.Id == hid).Select(h => h.Name).FirstOrDefaultAsync(ct);
            if (name is null) return false;
            CandidateName = name;
            BackLink = $"/suivi/menages/{hid}/accompagnement";
            Latest = await SiaoValidations.ForHouseholdAsync(db, hid, ct);
        }
        else return false;
        Siaos = await db.PartnerOrganisations.AsNoTracking().Where(o => o.Kind == PartnerKind.Siao && o.IsActive)
            .OrderBy(o => o.Name).Select(o => new Option(o.Id, o.Name)).ToListAsync(ct);
        return true;
    }
}
