using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Web;

namespace Portal.Pages.Suivi.Menages;

/// What every page of a household file shares: the file within the user's scope (404 outside it),
/// its header and section tabs, the audit of each opening, and one way to apply a change that
/// checks the version the user saw.
public abstract class HouseholdFilePage(PortalDbContext db, TimeProvider clock) : PageModel
{
    protected PortalDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public const string ConcurrencyMessage = "Ce dossier vient d'être modifié par quelqu'un d'autre : la page montre maintenant sa dernière version. Vérifiez puis enregistrez à nouveau (ce que vous aviez saisi est conservé).";

    public sealed record FileHeader(
        long Id, string Name, HouseholdStatus Status, int Version, int? TeamId, string? TeamName, string? ReferentId, string? ReferentName,
        long? HousingRequestId, string? RequestReference, string? ResidentId, bool IsDalo, DateOnly? ExitedOn, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

    /// The tabs of the file, in the order the user sees them: page name and label.
    public static readonly (string Page, string Label)[] Sections =
    [
        ("/Suivi/Menages/Dossier", "Vue d'ensemble"),
        ("/Suivi/Menages/Identite", "Identité et situation"),
        ("/Suivi/Menages/Personnes", "Personnes"),
        ("/Suivi/Menages/Ressources", "Ressources"),
        ("/Suivi/Menages/Partenaires", "Partenaires"),
        ("/Suivi/Menages/Journal", "Journal"),
        ("/Suivi/Accompagnement/Index", "Accompagnement"),
        ("/Suivi/Accompagnement/Mediations", "Médiations"),
    ];

    public FileHeader Header { get; private set; } = null!;
    public bool IsManager { get; private set; }
    public bool CanReadConfidential { get; private set; }
    public DateOnly Today { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// The version of the file the form was shown with; a missing or tampered one counts as stale.
    [BindProperty(Name = "version"), FrenchValue]
    public long? SeenVersion { get; set; }

    /// This page among <see cref="Sections"/>.
    public abstract string Section { get; }

    /// What the audit line of an opening says (null for the overview, as before the file had tabs).
    protected abstract string? OpenedDetail { get; }

    /// Loads what this page shows once the file is known to be within reach.
    protected abstract Task LoadSectionAsync(StaffScope scope, CancellationToken ct);

    /// A GET: the file within reach, written to the audit log as opened.
    protected async Task<IActionResult> OpenAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, Db, ct);
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        scope.Audit(Db, AuditActions.OpenedFile, id, Clock.GetUtcNow().UtcDateTime, OpenedDetail);
        await Db.SaveChangesAsync(ct);
        return Page();
    }

    protected async Task<bool> LoadAsync(long id, StaffScope scope, CancellationToken ct)
    {
        IsManager = scope.IsManager;
        Today = ParisToday();
        var header = await scope.Visible(Db.Households.AsNoTracking())
            .Where(h => h.Id == id)
            .Select(h => new FileHeader(
                h.Id, h.Name, h.Status, h.Version, h.TeamId, Db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(), h.ReferentId,
                Db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault(), h.HousingRequestId,
                Db.HousingRequests.Where(r => r.Id == h.HousingRequestId).Select(r => r.Reference).FirstOrDefault(), h.ResidentId, h.IsDalo, h.ExitedOn, h.CreatedAtUtc, h.UpdatedAtUtc))
            .SingleOrDefaultAsync(ct);
        if (header is null) return false;
        Header = header;
        CanReadConfidential = scope.CanReadConfidential(header.ReferentId);
        await LoadSectionAsync(scope, ct);
        return true;
    }

    /// Loads the household within the user's scope, checks the version they saw, applies one change
    /// and saves it with an audit line, then back to this page; a refusal or a concurrent change is
    /// shown on the page with everything they typed.
    protected async Task<IActionResult> EditAsync(long id, CancellationToken ct,
        Func<Household, StaffScope, Task<(string Detail, string Done)>> edit, string? fragment = null)
    {
        var scope = await StaffScope.ForAsync(User, Db, ct);
        var household = await scope.Visible(Db.Households).SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return NotFound();

        if (SeenVersion != household.Version)
            ModelState.AddModelError("", ConcurrencyMessage);
        if (ModelState.IsValid)
        {
            try
            {
                var now = Clock.GetUtcNow().UtcDateTime;
                var (detail, done) = await edit(household, scope);
                household.Touch(now);
                scope.Audit(Db, AuditActions.ChangedFile, id, now, detail);
                await Db.SaveChangesAsync(ct);
                StatusMessage = done;
                return RedirectToPage(Section, null, new { id }, fragment);
            }
            catch (DomainRuleException e)
            {
                // At the field of the form it concerns when the page has that field, else above the forms.
                ModelState.AddRuleError(e);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", ConcurrencyMessage);
            }
            Db.ChangeTracker.Clear();
        }
        return await ShowAgainAsync(id, scope, ct);
    }

    /// The page again after a refused post, with what was typed.
    protected async Task<IActionResult> ShowAgainAsync(long id, StaffScope scope, CancellationToken ct) =>
        await LoadAsync(id, scope, ct) ? Page() : NotFound();

    protected DateOnly ParisToday() => DateOnly.FromDateTime(French.ToParis(Clock.GetUtcNow().UtcDateTime));

    protected static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
