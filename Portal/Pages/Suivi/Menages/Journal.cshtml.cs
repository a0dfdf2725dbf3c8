using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
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
        var household = await scope.Visible(Db.Households).SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return NotFound();
        var today = ParisToday();
        // Each input asked on its own, so that every message shows at once.
        if (entry.Kind is { } kind) ModelState.Passes(() => JournalEntry.CheckWritable(kind), nameof(Entry));
        if (entry.OccurredOn is { } on) ModelState.Passes(() => JournalEntry.CheckOccurredOn(on, today), nameof(Entry));
        if (entry.Text is not null) ModelState.Passes(() => JournalEntry.CheckText(entry.Text), nameof(Entry));
        var now = Clock.GetUtcNow().UtcDateTime;
        if (!ModelState.IsValid || !ModelState.Passes(() => household.WriteInJournal(
                entry.Kind!.Value, entry.OccurredOn!.Value, entry.Text!, entry.IsConfidential, scope.UserId, scope.UserName, today, now), nameof(Entry)))
            return await ShowAgainAsync(id, scope, ct);

        scope.Audit(Db, AuditActions.ChangedFile, id, now, "Entrée ajoutée au journal");
        await Db.SaveChangesAsync(ct);
        StatusMessage = entry.IsConfidential ? "L'entrée confidentielle est ajoutée au journal." : "L'entrée est ajoutée au journal.";
        return RedirectToPage(Section, null, new { id }, "journal-entrees");
    }
}
