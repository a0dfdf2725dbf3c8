using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Housing;
using Portal.Web;

namespace Portal.Pages.Suivi.Commissions;

/// One session: who attended, the agenda (what this user may see of it) and a decision per item.
/// Managers decide; a social worker reads their team's items and may propose one.
public class SeanceModel(PortalDbContext db, UserManager<PortalUser> users, Portal.Requests.RequestNotifier notifier, TimeProvider clock) : PageModel
{
    private readonly CommitteeDecisions decisions = new(db, notifier);

    public sealed record MemberRow(long Id, string Name, string? Organisation, bool Present);
    public sealed record ItemRow(long Id, int Position, AgendaItemSubject Subject, string PresenterName, string? Summary, Decision? Decision,
        string? DecisionDetails, long? StayId, string? ReferentName);
    public sealed record AgendaItemSubject(string Title, string? Link, RequestStatus? RequestStatus);
    public sealed record Option(string Value, string Label);
    public sealed record DwellingOption(long Id, string Label);

    public long Id { get; private set; }
    public string CommitteeName { get; private set; } = "";
    public CommitteeKind CommitteeKind { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public SessionStatus Status { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<ItemRow> Items { get; private set; } = [];
    public int HiddenItems { get; private set; }
    public IReadOnlyList<Option> Candidates { get; private set; } = [];
    public IReadOnlyList<Option> Presenters { get; private set; } = [];
    public IReadOnlyList<DwellingOption> VacantDwellings { get; private set; } = [];
    public bool IsManager { get; private set; }
    public bool CanReschedule { get; private set; }
    public DateOnly DefaultEntry { get; private set; }
    /// The item whose decision form was posted and refused: its fields show the errors.
    public long? FailedItemId { get; private set; }
    public string? FailedKind { get; private set; }

    [BindProperty] public DecisionInput Decide { get; set; } = new();
    [BindProperty] public ItemInput NewItem { get; set; } = new();
    [BindProperty] public ScheduleInput Schedule { get; set; } = new();

    [TempData] public string? StatusMessage { get; set; }

    public class DecisionInput
    {
        [FrenchValue] public long? ItemId { get; set; }
        [FrenchValue] public long? DwellingId { get; set; }
        [FrenchValue] public DateOnly? EntryOn { get; set; }
        public string? Months { get; set; }
        [FrenchValue] public SupportKind? SupportKind { get; set; }
        [FrenchValue] public Funder? Funder { get; set; }
        [FrenchValue] public DateOnly? StartsOn { get; set; }
        [FrenchValue] public decimal? MonthlyAmount { get; set; }
        [FrenchValue] public DateOnly? StartMonth { get; set; }
        [PlainText] public string? Reason { get; set; }
    }

    public class ItemInput
    {
        public string? Subject { get; set; }
        public string? PresentedById { get; set; }
        [PlainText] public string? Summary { get; set; }
    }

    public class ScheduleInput
    {
        [FrenchValue] public DateOnly? HeldOn { get; set; }
    }

    public string? ErrorFor(long itemId, string field) =>
        FailedItemId == itemId && ModelState.TryGetValue($"Decide.{field}", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public IActionResult OnPost(long id) => RedirectToPage(new { id });

    public async Task<IActionResult> OnPostAttendanceAsync(long id, List<long>? present, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        var existing = await db.CommitteeAttendances.Where(a => a.CommitteeSessionId == id).ToListAsync(ct);
        var recorded = existing.Select(a => a.CommitteeMemberId).ToList();
        // An inactive member is only kept where they were already recorded present.
        var members = await db.CommitteeMembers.Where(m => m.CommitteeId == session.CommitteeId && (m.IsActive || recorded.Contains(m.Id)))
            .Select(m => m.Id).ToListAsync(ct);
        var chosen = (present ?? []).Where(members.Contains).ToHashSet();
        db.CommitteeAttendances.RemoveRange(existing.Where(a => !chosen.Contains(a.CommitteeMemberId)));
        foreach (var m in chosen.Where(m => existing.All(a => a.CommitteeMemberId != m)))
            db.CommitteeAttendances.Add(new CommitteeAttendance { CommitteeSessionId = id, CommitteeMemberId = m });
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Présences enregistrées : {chosen.Count} membre{(chosen.Count > 1 ? "s" : "")}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddItemAsync(long id, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        var access = await AgendaAccess.ForAsync(User, db, ct);
        var me = await MeAsync(ct);
        ModelState.Clear();
        var parsed = ParseSubject(NewItem.Subject);
        if (parsed is not { } subject || !await access.CanSeeAsync(db, subject.Kind, subject.Id, ct))
            ModelState.AddModelError("NewItem.Subject", "Choisissez une situation dans la liste.");
        var presenter = access.IsManager && !string.IsNullOrWhiteSpace(NewItem.PresentedById) ? NewItem.PresentedById : me.Id;
        if (access.IsManager && ModelState.IsValid && !(await StaffAsync()).Any(s => s.Value == presenter))
            ModelState.AddModelError("NewItem.PresentedById", "Choisissez la personne qui présente la situation dans la liste.");
        if (NewItem.Summary is { Length: > 4000 })
            ModelState.AddModelError("NewItem.Summary", "La présentation ne doit pas dépasser 4 000 caractères.");
        if (ModelState.IsValid)
        {
            try
            {
                await decisions.AddItemAsync(session, parsed!.Value.Kind, parsed.Value.Id, presenter, NewItem.Summary, new(me.Id, me.FullName),
                    clock.GetUtcNow().UtcDateTime, ct);
                StatusMessage = "La situation est inscrite à l'ordre du jour.";
                return RedirectToPage(new { id });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("NewItem.Subject", e.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAllocateAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "allocation", ct, async (session, item, me, now) =>
        {
            if (Decide.DwellingId is null) ModelState.AddModelError("Decide.DwellingId", "Choisissez le logement attribué.");
            if (Decide.EntryOn is null && !ModelState.ContainsKey("Decide.EntryOn")) ModelState.AddModelError("Decide.EntryOn", "Indiquez la date d'entrée dans les lieux.");
            var months = Months("Decide.Months", Stay.DefaultMonths);
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.AllocateAsync(session, item, me, Decide.DwellingId!.Value, Decide.EntryOn!.Value, months!.Value, now, ct);
            }
            catch (DomainRuleException e)
            {
                // The entry date and the length are the decision's own fields; any other rule is about the dwelling.
                ModelState.AddModelError(e.Field is "EntryOn" or "Months" ? $"Decide.{e.Field}" : "Decide.DwellingId", e.Message);
                return null;
            }
            catch (Exception e) when (e is DbUpdateException or DbException)
            {
                ModelState.AddModelError("Decide.DwellingId", CommitteeDecisions.DwellingTaken);
                return null;
            }
            return "Le logement est attribué et le séjour est ouvert.";
        });

    public Task<IActionResult> OnPostSupportAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "support", ct, async (session, item, me, now) =>
        {
            if (Decide.SupportKind is null && !ModelState.ContainsKey("Decide.SupportKind")) ModelState.AddModelError("Decide.SupportKind", "Choisissez le type d'accompagnement.");
            if (Decide.Funder is null && !ModelState.ContainsKey("Decide.Funder")) ModelState.AddModelError("Decide.Funder", "Choisissez le financeur.");
            if (Decide.StartsOn is null && !ModelState.ContainsKey("Decide.StartsOn")) ModelState.AddModelError("Decide.StartsOn", "Indiquez la date de début.");
            var months = Months("Decide.Months", null);
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.OpenSupportAsync(session, item, me, Decide.SupportKind!.Value, Decide.Funder!.Value, Decide.StartsOn!.Value, months!.Value, now, ct);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Decide.Months", e.Message);
                return null;
            }
            return "L'accompagnement est décidé et la mesure est ouverte.";
        });

    public Task<IActionResult> OnPostAidAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "aid", ct, async (session, item, me, now) =>
        {
            if (Decide.MonthlyAmount is null && !ModelState.ContainsKey("Decide.MonthlyAmount")) ModelState.AddModelError("Decide.MonthlyAmount", "Indiquez le montant mensuel de l'aide.");
            if (Decide.StartMonth is null && !ModelState.ContainsKey("Decide.StartMonth")) ModelState.AddModelError("Decide.StartMonth", "Indiquez le premier mois payé.");
            var months = Months("Decide.Months", null);
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.GrantAidAsync(session, item, me, Decide.MonthlyAmount!.Value, months!.Value, Decide.StartMonth!.Value, now, ct);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Decide.MonthlyAmount", e.Message);
                return null;
            }
            return "L'aide du fonds est accordée.";
        });

    public Task<IActionResult> OnPostRefuseAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "refusal", ct, async (session, item, me, now) =>
        {
            if (Decide.Reason is { Length: > 2000 }) ModelState.AddModelError("Decide.Reason", "Le motif ne doit pas dépasser 2 000 caractères.");
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.RefuseAsync(session, item, me, Decide.Reason ?? "", now, ct);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Decide.Reason", e.Message);
                return null;
            }
            return "Le refus est enregistré.";
        });

    public Task<IActionResult> OnPostPostponeAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "postponement", ct, async (session, item, me, now) =>
        {
            if (Decide.Reason is { Length: > 2000 }) ModelState.AddModelError("Decide.Reason", "Le motif ne doit pas dépasser 2 000 caractères.");
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.PostponeAsync(session, item, me, Decide.Reason, now, ct);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("Decide.Reason", e.Message);
                return null;
            }
            return "L'examen de la situation est ajourné.";
        });

    /// Moves a planned session to another date, as long as nothing is decided yet.
    public async Task<IActionResult> OnPostRescheduleAsync(long id, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        var error = ModelState.TryGetValue("Schedule.HeldOn", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
        ModelState.Clear();
        if (error is not null) ModelState.AddModelError("Schedule.HeldOn", error);
        else if (Schedule.HeldOn is null) ModelState.AddModelError("Schedule.HeldOn", "Indiquez la nouvelle date de la séance.");
        if (ModelState.IsValid)
        {
            try
            {
                var before = session.HeldOn;
                session.Reschedule(Schedule.HeldOn!.Value);
                await db.SaveChangesAsync(ct);
                StatusMessage = before == session.HeldOn
                    ? "La séance garde sa date."
                    : $"La séance du {French.Date(before)} est déplacée au {French.Date(session.HeldOn)}.";
                return RedirectToPage(new { id });
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddModelError("Schedule.HeldOn", ex.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    /// Takes an undecided item off the agenda. A request already moved to "presented to the
    /// committee" keeps its status: the person was told, and a later session may take it.
    public async Task<IActionResult> OnPostRemoveItemAsync(long id, long? itemId, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        var item = session.Items.FirstOrDefault(i => i.Id == itemId);
        var access = await AgendaAccess.ForAsync(User, db, ct);
        if (item is null || !await access.CanSeeAsync(db, item.Subject, item.SubjectId, ct)) return NotFound();
        if (!access.IsManager) return Forbid();
        ModelState.Clear();
        try
        {
            session.RemoveItem(item);
            await db.SaveChangesAsync(ct);
            StatusMessage = "La situation est retirée de l'ordre du jour.";
            return RedirectToPage(new { id });
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        ModelState.Clear();
        try
        {
            session.Close();
            await db.SaveChangesAsync(ct);
            StatusMessage = "La séance est close.";
            return RedirectToPage(new { id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    /// Loads the session and the item, checks the user may see it (404) and decide (403), runs the
    /// decision; a refused rule is shown at the field of that item's form.
    private async Task<IActionResult> DecideAsync(long id, string kind, CancellationToken ct,
        Func<CommitteeSession, AgendaItem, CommitteeDecisions.Actor, DateTime, Task<string?>> decide)
    {
        var session = await db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        var item = session.Items.FirstOrDefault(i => i.Id == Decide.ItemId);
        var access = await AgendaAccess.ForAsync(User, db, ct);
        if (item is null || !await access.CanSeeAsync(db, item.Subject, item.SubjectId, ct)) return NotFound();
        if (!access.IsManager) return Forbid();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("NewItem.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var me = await MeAsync(ct);
        string? done = null;
        try
        {
            done = await decide(session, item, new(me.Id, me.FullName), clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        if (done is not null)
        {
            StatusMessage = done;
            return Redirect($"/suivi/commissions/seances/{id}#point-{item.Id}");
        }
        FailedItemId = item.Id;
        FailedKind = kind;
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private int? Months(string key, int? fallback)
    {
        var text = Decide.Months?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (fallback is null) ModelState.AddModelError(key, "Indiquez la durée, en mois.");
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is > 0 and <= 120) return months;
        ModelState.AddModelError(key, "Indiquez une durée en mois, par exemple 6.");
        return null;
    }

    private static (AgendaSubject Kind, long Id)? ParseSubject(string? value)
    {
        var parts = (value ?? "").Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return parts[0] switch
        {
            "R" => (AgendaSubject.Request, id),
            "H" => (AgendaSubject.Household, id),
            _ => null,
        };
    }

    private async Task<PortalUser> MeAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user expected.");

    private async Task<List<Option>> StaffAsync()
    {
        var staff = (await users.GetUsersInRoleAsync(Roles.Manager)).Concat(await users.GetUsersInRoleAsync(Roles.SocialWorker));
        return staff.DistinctBy(u => u.Id)
            .Select(u => new Option(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.Id : u.FullName))
            .OrderBy(o => o.Label).ToList();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return false;
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == session.CommitteeId, ct);
        var access = await AgendaAccess.ForAsync(User, db, ct);
        var me = await MeAsync(ct);
        IsManager = access.IsManager;
        Id = session.Id;
        CommitteeName = committee.Name;
        CommitteeKind = committee.Kind;
        HeldOn = session.HeldOn;
        Status = session.Status;
        CanReschedule = session.Status == SessionStatus.Planned && session.Items.All(i => i.Decision is null);
        Schedule.HeldOn ??= session.HeldOn;
        var today = StockQueries.Today(clock);
        DefaultEntry = session.HeldOn > today ? session.HeldOn : today;

        var present = await db.CommitteeAttendances.AsNoTracking().Where(a => a.CommitteeSessionId == id).Select(a => a.CommitteeMemberId).ToListAsync(ct);
        Members = await db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == committee.Id && (m.IsActive || present.Contains(m.Id)))
            .OrderBy(m => m.Name).Select(m => new MemberRow(m.Id, m.Name, m.Organisation, present.Contains(m.Id))).ToListAsync(ct);

        var visible = await access.VisibleAsync(db, session.Items.Select(i => (i.Subject, i.SubjectId)), ct);
        var shown = session.Items.Where(i => visible.ContainsKey((i.Subject, i.SubjectId))).OrderBy(i => i.Position).ToList();
        HiddenItems = session.Items.Count - shown.Count;
        var peopleIds = shown.Select(i => i.PresentedById).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var dwellingIds = shown.Where(i => i.Decision?.DwellingId is not null).Select(i => i.Decision!.DwellingId!.Value).ToList();
        var dwellings = await db.Dwellings.AsNoTracking().Where(d => dwellingIds.Contains(d.Id))
            .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, Label = d.Label + " (" + r.Name + ")" })
            .ToDictionaryAsync(d => d.Id, d => d.Label, ct);
        var householdIds = visible.Values.Where(v => v.HouseholdId is not null).Select(v => v.HouseholdId!.Value).ToList();
        var stays = await db.Stays.AsNoTracking().Where(s => householdIds.Contains(s.HouseholdId))
            .Select(s => new { s.Id, s.HouseholdId, s.DwellingId, s.StartsOn }).ToListAsync(ct);
        var referents = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, Name = h.Referent != null ? h.Referent.FullName : null }).ToDictionaryAsync(h => h.Id, h => h.Name, ct);

        Items = shown.Select(i =>
        {
            var subject = visible[(i.Subject, i.SubjectId)];
            var d = i.Decision;
            string? details = d?.Kind switch
            {
                DecisionKind.Allocation => $"Logement {dwellings.GetValueOrDefault(d.DwellingId ?? 0, "?")}, entrée le {French.Date(d.EntryOn!.Value)}, pour {d.Months} mois.",
                DecisionKind.SupportOpened => $"{d.SupportKind?.Label()}, {d.Months} mois.",
                DecisionKind.AidGranted => $"{French.Money(d.MonthlyAmount ?? 0)} par mois pendant {d.Months} mois, à partir de {d.StartMonth?.ToString("MMMM yyyy", French.Culture)}.",
                DecisionKind.Refusal or DecisionKind.Postponement => d.Reason is null ? null : $"Motif : {d.Reason}",
                _ => null,
            };
            long? stayId = d?.Kind == DecisionKind.Allocation && subject.HouseholdId is { } hid
                ? stays.FirstOrDefault(s => s.HouseholdId == hid && s.DwellingId == d.DwellingId && s.StartsOn == d.EntryOn)?.Id
                : null;
            var referent = i.NewReferentId is not null && subject.HouseholdId is { } h2 ? referents.GetValueOrDefault(h2) : null;
            return new ItemRow(i.Id, i.Position, new AgendaItemSubject(subject.Title, subject.Link, subject.RequestStatus),
                people.GetValueOrDefault(i.PresentedById, "—"), i.Summary, d, details, stayId, referent);
        }).ToList();

        if (session.Status == SessionStatus.Planned)
        {
            var onAgenda = session.Items.Select(i => (i.Subject, i.SubjectId)).ToHashSet();
            var requests = await access.Scope.Visible(db.HousingRequests.AsNoTracking())
                .Where(r => r.Status == RequestStatus.UnderReview || r.Status == RequestStatus.PresentedToCommittee)
                .OrderBy(r => r.SearchName).Take(300)
                .Select(r => new { r.Id, r.Reference, r.ApplicantName }).ToListAsync(ct);
            var households = await access.Scope.Visible(db.Households.AsNoTracking())
                .Where(h => h.Status == HouseholdStatus.Active)
                .OrderBy(h => h.SearchName).Take(300)
                .Select(h => new { h.Id, h.Name }).ToListAsync(ct);
            Candidates =
            [
                .. requests.Where(r => !onAgenda.Contains((AgendaSubject.Request, r.Id))).Select(r => new Option($"R:{r.Id}", $"Demande {r.Reference} — {r.ApplicantName}")),
                .. households.Where(h => !onAgenda.Contains((AgendaSubject.Household, h.Id))).Select(h => new Option($"H:{h.Id}", $"Ménage {h.Name}")),
            ];
            Presenters = IsManager ? await StaffAsync() : [new Option(me.Id, me.FullName)];
            if (IsManager)
            {
                var stock = await StockQueries.OnAsync(db, today, ct);
                var max = stock.Vacant.ToDictionary(v => v.DwellingId, v => OccupancyStandard.MaxOccupants(v.Typology, 0));
                VacantDwellings = stock.Vacant.Select(v => new DwellingOption(v.DwellingId,
                    $"{v.ResidenceName} — {v.Label} ({v.Typology.Label()}, {max[v.DwellingId]} personnes au plus){(v.AssociationHoldsLease ? ", sous-location" : "")}")).ToList();
            }
        }
        return true;
    }
}
