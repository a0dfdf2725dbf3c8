using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Web;
using static Portal.Pages.Suivi.Menages.HouseholdFileData;

namespace Portal.Pages.Suivi.Menages;

/// The journal of the support: interviews, visits, calls, steps with partners. A confidential
/// entry is read only by the household's referent and the managers.
public class JournalModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    public static readonly JournalKind[] WritableKinds =
        [JournalKind.Interview, JournalKind.HomeVisit, JournalKind.PhoneCall, JournalKind.PartnerStep, JournalKind.Note];

    public override string Section => "/Suivi/Menages/Journal";
    protected override string? OpenedDetail => "Journal du suivi";

    public IReadOnlyList<JournalRow> Journal { get; private set; } = [];

    public JournalInput Entry { get; set; } = new();

    public class JournalInput
    {
        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le type d'entrée.")]
        [Display(Name = "Type")]
        public JournalKind? Kind { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez la date, par exemple 14/07/2026.")]
        [Display(Name = "Date")]
        public DateOnly? OccurredOn { get; set; }

        [Required(ErrorMessage = "Écrivez le contenu de l'entrée.")]
        [StringLength(10000, ErrorMessage = "Le texte est trop long : 10 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Texte")]
        public string? Text { get; set; }

        [FrenchValue]
        public bool IsConfidential { get; set; }
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct) =>
        Journal = await JournalAsync(Db, Header.Id, CanReadConfidential, take: null, ct);

    public async Task<IActionResult> OnPostJournalAsync(long id, [Bind(Prefix = nameof(Entry))] JournalInput entry, CancellationToken ct)
    {
        Entry = entry;
        var scope = await StaffScope.ForAsync(User, Db, ct);
        if (!await scope.Visible(Db.Households).AnyAsync(h => h.Id == id, ct)) return NotFound();
        var today = ParisToday();
        if (entry.Kind is { } kind && !WritableKinds.Contains(kind))
            ModelState.AddModelError("Entry.Kind", "Choisissez le type d'entrée dans la liste.");
        if (entry.OccurredOn is { } on && ModelState.GetValidationState("Entry.OccurredOn") != ModelValidationState.Invalid)
        {
            if (on > today) ModelState.AddModelError("Entry.OccurredOn", "La date ne peut pas être dans le futur : le journal raconte ce qui a eu lieu.");
            else if (on < new DateOnly(2000, 1, 1)) ModelState.AddModelError("Entry.OccurredOn", "Vérifiez l'année : elle doit être après 2000.");
        }
        if (entry.Text is not null && string.IsNullOrWhiteSpace(entry.Text))
            ModelState.AddModelError("Entry.Text", "Écrivez le contenu de l'entrée.");
        if (!ModelState.IsValid) return await ShowAgainAsync(id, scope, ct);

        var now = Clock.GetUtcNow().UtcDateTime;
        Db.JournalEntries.Add(new JournalEntry
        {
            HouseholdId = id, Kind = entry.Kind!.Value, OccurredOn = entry.OccurredOn!.Value, AuthorId = scope.UserId,
            AuthorName = scope.UserName.Length > 200 ? scope.UserName[..200] : scope.UserName,
            Text = entry.Text!.Trim(), IsConfidential = entry.IsConfidential, CreatedAtUtc = now,
        });
        scope.Audit(Db, AuditActions.ChangedFile, id, now, "Entrée ajoutée au journal");
        await Db.SaveChangesAsync(ct);
        StatusMessage = entry.IsConfidential ? "L'entrée confidentielle est ajoutée au journal." : "L'entrée est ajoutée au journal.";
        return RedirectToPage(Section, null, new { id }, "journal-entrees");
    }
}
