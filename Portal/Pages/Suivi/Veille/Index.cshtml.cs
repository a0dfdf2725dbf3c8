using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Web;
using Portal.Support;

namespace Portal.Pages.Suivi.Veille;

/// Veille sociale: households flagged in marked difficulty, reviewed each month until the flag is
/// lifted; incidents (death, assault…) and the follow-up given.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record EntryRow(WatchListEntry Entry, string HouseholdName, bool ToReview);
    public sealed record IncidentRow(Incident Incident, string Subject);
    public sealed record Option(long Id, string Label);

    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];
    public IReadOnlyList<IncidentRow> AwaitingFollowUp { get; private set; } = [];
    public IReadOnlyList<IncidentRow> RecentIncidents { get; private set; } = [];
    public IReadOnlyList<Option> Households { get; private set; } = [];
    public IReadOnlyList<Option> Residences { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Authors { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    public long? ErrorFor { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(await StaffScope.ForAsync(User, db, ct), ct);
        return Page();
    }

    public IActionResult OnPost() => RedirectToPage();

    public Task<IActionResult> OnPostFlagAsync(long? householdId, string? reason, CancellationToken ct) =>
        ActAsync(0, ct, async (scope, today, now) =>
        {
            var household = householdId is { } id ? await SupportFiles.HouseholdAsync(db, scope, id, ct) : null;
            if (household is null) throw new DomainRuleException("Choisissez un ménage.");
            if (await db.WatchListEntries.AnyAsync(w => w.HouseholdId == household.Id && w.LiftedOn == null, ct))
                throw new DomainRuleException("Ce ménage est déjà en veille.");
            Text(reason, 2000);
            db.WatchListEntries.Add(new WatchListEntry(household.Id, today, scope.UserId, reason ?? ""));
            SupportFiles.Journal(db, household.Id, scope, today, JournalKind.Note, $"Mise en veille sociale : {reason!.Trim()}", now);
            return $"{household.Name} est placé en veille.";
        });

    public Task<IActionResult> OnPostNoteAsync(long entryId, string? text, CancellationToken ct) =>
        ActAsync(entryId, ct, async (scope, today, now) =>
        {
            var entry = await EntryAsync(scope, entryId, ct);
            Text(text, 4000);
            entry.AddNote(today, scope.UserId, text ?? "");
            return "La note est ajoutée.";
        });

    public Task<IActionResult> OnPostLiftAsync(long entryId, string? reason, CancellationToken ct) =>
        ActAsync(entryId, ct, async (scope, today, now) =>
        {
            var entry = await EntryAsync(scope, entryId, ct);
            Text(reason, 2000);
            entry.Lift(today, reason ?? "");
            SupportFiles.Journal(db, entry.HouseholdId, scope, today, JournalKind.Note, $"Fin de la veille sociale : {reason!.Trim()}", now);
            return "La veille est levée.";
        });

    public Task<IActionResult> OnPostIncidentAsync([ModelBinder(typeof(FrenchValueBinder))] IncidentKind? kind,
        [ModelBinder(typeof(FrenchValueBinder))] DateOnly? occurredOn, string? description, long? householdId, long? residenceId, CancellationToken ct) =>
        ActAsync(-1, ct, async (scope, today, now) =>
        {
            if (kind is null) throw new DomainRuleException("Choisissez le type d'incident.");
            if (occurredOn is null) throw new DomainRuleException("Indiquez la date de l'incident (jj/mm/aaaa).");
            if (occurredOn > today) throw new DomainRuleException("Un incident ne peut pas être daté dans le futur.");
            Text(description, 4000);
            if (householdId is { } hid && await SupportFiles.HouseholdAsync(db, scope, hid, ct) is null)
                throw new DomainRuleException("Choisissez un ménage de la liste.");
            if (residenceId is { } rid && !await db.Residences.AnyAsync(r => r.Id == rid, ct))
                throw new DomainRuleException("Choisissez une résidence de la liste.");
            db.Incidents.Add(new Incident(occurredOn.Value, kind.Value, description ?? "", householdId, residenceId));
            return "L'incident est enregistré ; il attend le suivi donné.";
        });

    public Task<IActionResult> OnPostFollowUpAsync(long incidentId, string? followUp, CancellationToken ct) =>
        ActAsync(-2 - incidentId, ct, async (scope, today, now) =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw new DomainRuleException("Cet incident n'existe pas.");
            if (incident.HouseholdId is { } hid && await SupportFiles.HouseholdAsync(db, scope, hid, ct) is null)
                throw new DomainRuleException("Cet incident n'existe pas.");
            Text(followUp, 4000);
            incident.RecordFollowUp(today, followUp ?? "");
            return "Le suivi donné est enregistré.";
        });

    private static void Text(string? text, int max)
    {
        if (text is not null && text.Length > max) throw new DomainRuleException($"Le texte ne doit pas dépasser {max:N0} caractères.");
        if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            throw new DomainRuleException("Ce texte contient un caractère invisible non autorisé : retirez-le puis réessayez.");
    }

    private async Task<WatchListEntry> EntryAsync(StaffScope scope, long entryId, CancellationToken ct)
    {
        var entry = await db.WatchListEntries.Include(w => w.Notes).SingleOrDefaultAsync(w => w.Id == entryId, ct);
        if (entry is null || await SupportFiles.HouseholdAsync(db, scope, entry.HouseholdId, ct) is null)
            throw new DomainRuleException("Ce ménage n'est pas dans votre veille.");
        return entry;
    }

    private async Task<IActionResult> ActAsync(long errorFor, CancellationToken ct, Func<StaffScope, DateOnly, DateTime, Task<string>> act)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!ModelState.IsValid)
            Error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
        else
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                StatusMessage = await act(scope, SupportFiles.Today(clock), now);
                await db.SaveChangesAsync(ct);
                return RedirectToPage();
            }
            catch (DomainRuleException e)
            {
                Error = e.Message;
            }
            db.ChangeTracker.Clear();
        }
        ErrorFor = errorFor;
        StatusMessage = null;
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(StaffScope scope, CancellationToken ct)
    {
        Today = SupportFiles.Today(clock);
        var visible = scope.Visible(db.Households.AsNoTracking());
        var entries = await db.WatchListEntries.AsNoTracking().Include(w => w.Notes)
            .Where(w => w.LiftedOn == null && visible.Any(h => h.Id == w.HouseholdId))
            .OrderBy(w => w.FlaggedOn).ToListAsync(ct);
        var ids = entries.Select(e => e.HouseholdId).ToList();
        var names = await visible.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var toReview = WatchListEntry.ToReviewIn(Today, entries).Select(e => e.Id).ToHashSet();
        Entries = entries.Select(e => new EntryRow(e, names.GetValueOrDefault(e.HouseholdId, "—"), toReview.Contains(e.Id))).ToList();
        var authorIds = entries.SelectMany(e => e.Notes.Select(n => n.AuthorId).Append(e.FlaggedById)).Distinct().ToList();
        Authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        var residences = await db.Residences.AsNoTracking().OrderBy(r => r.Name).Select(r => new Option(r.Id, r.Name)).ToListAsync(ct);
        Residences = residences;
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.HouseholdId == null || visible.Any(h => h.Id == i.HouseholdId))
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(200).ToListAsync(ct);
        var incidentHouseholds = incidents.Where(i => i.HouseholdId != null).Select(i => i.HouseholdId!.Value).Distinct().ToList();
        var incidentNames = await visible.Where(h => incidentHouseholds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var residenceNames = residences.ToDictionary(r => r.Id, r => r.Label);
        string Subject(Incident i) => string.Join(" — ", new[]
        {
            i.HouseholdId is { } h ? incidentNames.GetValueOrDefault(h) : null,
            i.ResidenceId is { } r ? residenceNames.GetValueOrDefault(r) : null,
        }.Where(s => s is not null));
        AwaitingFollowUp = incidents.Where(i => i.AwaitsFollowUp).Select(i => new IncidentRow(i, Subject(i))).ToList();
        RecentIncidents = incidents.Where(i => !i.AwaitsFollowUp).Take(20).Select(i => new IncidentRow(i, Subject(i))).ToList();
        Households = await visible.Where(h => h.Status == HouseholdStatus.Active).OrderBy(h => h.SearchName).Take(1000)
            .Select(h => new Option(h.Id, h.Name)).ToListAsync(ct);
    }
}
