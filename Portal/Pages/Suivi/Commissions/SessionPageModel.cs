using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Housing;
using Portal.Web;

namespace Portal.Pages.Suivi.Commissions;

/// What every page of a session shows (<c>_Session.cshtml</c>): who attended, the agenda (what this
/// user may see of it) and a decision form per item. The session page and its sub-pages
/// (<see cref="DecisionModel"/>, <see cref="PlanningModel"/>) post to their own handlers and show
/// this same view again, with the errors at the form that was posted.
public abstract class SessionPageModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : HandledPageModel
{
    protected PortalDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

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
    /// Per agenda item: the partner who oriented it, the SIAO's answer on an IML candidate.
    public IReadOnlyDictionary<long, List<string>> PartnerNotes { get; private set; } = new Dictionary<long, List<string>>();
    public int HiddenItems { get; private set; }
    public IReadOnlyList<Option> Candidates { get; private set; } = [];
    public IReadOnlyList<Option> Presenters { get; private set; } = [];
    public IReadOnlyList<DwellingOption> VacantDwellings { get; private set; } = [];
    public bool IsManager { get; private set; }
    public bool CanReschedule { get; private set; }
    public DateOnly DefaultEntry { get; private set; }
    /// The item whose decision form was posted and refused: its fields show the errors.
    public long? FailedItemId { get; protected set; }
    public string? FailedKind { get; protected set; }

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

    /// Back to the session page, at an anchor when given.
    protected IActionResult ToSession(long id, string? fragment = null) =>
        RedirectToPage("/Suivi/Commissions/Seance", pageHandler: null, routeValues: new { id }, fragment: fragment);

    protected async Task<PortalUser> MeAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user expected.");

    protected async Task<List<Option>> StaffAsync()
    {
        var staff = (await users.GetUsersInRoleAsync(Roles.Manager)).Concat(await users.GetUsersInRoleAsync(Roles.SocialWorker));
        return staff.DistinctBy(u => u.Id)
            .Select(u => new Option(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.Id : u.FullName))
            .OrderBy(o => o.Label).ToList();
    }

    /// Loads what the view shows; false when the session does not exist.
    protected async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return false;
        var committee = await Db.Committees.AsNoTracking().SingleAsync(c => c.Id == session.CommitteeId, ct);
        var access = await AgendaAccess.ForAsync(User, Db, ct);
        var me = await MeAsync(ct);
        IsManager = access.IsManager;
        Id = session.Id;
        CommitteeName = committee.Name;
        CommitteeKind = committee.Kind;
        HeldOn = session.HeldOn;
        Status = session.Status;
        CanReschedule = session.Status == SessionStatus.Planned && session.Items.All(i => i.Decision is null);
        Schedule.HeldOn ??= session.HeldOn;
        var today = StockQueries.Today(Clock);
        DefaultEntry = session.HeldOn > today ? session.HeldOn : today;

        var present = await Db.CommitteeAttendances.AsNoTracking().Where(a => a.CommitteeSessionId == id).Select(a => a.CommitteeMemberId).ToListAsync(ct);
        Members = await Db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == committee.Id && (m.IsActive || present.Contains(m.Id)))
            .OrderBy(m => m.Name).Select(m => new MemberRow(m.Id, m.Name, m.Organisation, present.Contains(m.Id))).ToListAsync(ct);

        var visible = await access.VisibleAsync(Db, session.Items.Select(i => (i.Subject, i.SubjectId)), ct);
        var shown = session.Items.Where(i => visible.ContainsKey((i.Subject, i.SubjectId))).OrderBy(i => i.Position).ToList();
        HiddenItems = session.Items.Count - shown.Count;
        var peopleIds = shown.Select(i => i.PresentedById).Distinct().ToList();
        var people = await Db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var dwellingIds = shown.Where(i => i.Decision?.DwellingId is not null).Select(i => i.Decision!.DwellingId!.Value).ToList();
        var dwellings = await Db.Dwellings.AsNoTracking().Where(d => dwellingIds.Contains(d.Id))
            .Join(Db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, Label = d.Label + " (" + r.Name + ")" })
            .ToDictionaryAsync(d => d.Id, d => d.Label, ct);
        var householdIds = visible.Values.Where(v => v.HouseholdId is not null).Select(v => v.HouseholdId!.Value).ToList();
        var stays = await Db.Stays.AsNoTracking().Where(s => householdIds.Contains(s.HouseholdId))
            .Select(s => new { s.Id, s.HouseholdId, s.DwellingId, s.StartsOn }).ToListAsync(ct);
        var referents = await Db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, Name = Db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault() }).ToDictionaryAsync(h => h.Id, h => h.Name, ct);

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

        PartnerNotes = await Portal.Partners.AgendaNotes.ForAsync(Db, shown.Select(i =>
        {
            var subject = visible[(i.Subject, i.SubjectId)];
            return (i.Id, i.Subject == AgendaSubject.Request ? (long?)i.SubjectId : null, subject.HouseholdId);
        }).ToList(), ct);

        if (session.Status == SessionStatus.Planned)
        {
            var onAgenda = session.Items.Select(i => (i.Subject, i.SubjectId)).ToHashSet();
            var requests = await access.Scope.Visible(Db.HousingRequests.AsNoTracking())
                .Where(r => r.Status == RequestStatus.UnderReview || r.Status == RequestStatus.PresentedToCommittee)
                .OrderBy(r => r.SearchName).Take(300)
                .Select(r => new { r.Id, r.Reference, r.ApplicantName }).ToListAsync(ct);
            var households = await access.Scope.Visible(Db.Households.AsNoTracking())
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
                var stock = await StockQueries.OnAsync(Db, today, ct);
                var max = stock.Vacant.ToDictionary(v => v.DwellingId, v => OccupancyStandard.MaxOccupants(v.Typology, 0));
                VacantDwellings = stock.Vacant.Select(v => new DwellingOption(v.DwellingId,
                    $"{v.ResidenceName} — {v.Label} ({v.Typology.Label()}, {max[v.DwellingId]} personnes au plus){(v.AssociationHoldsLease ? ", sous-location" : "")}")).ToList();
            }
        }
        return true;
    }

    /// Shows the session again after a refused post, with what was entered.
    protected async Task<IActionResult> RedisplayAsync(long id, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
