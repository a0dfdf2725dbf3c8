using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Web;

namespace Portal.Pages.Suivi.Agenda;

public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AppointmentBooking booking, StaffAgenda agenda) : HandledPageModel
{
    public sealed record OpeningRow(TimeOnly Start, TimeOnly End, string Place, string Worker = "");
    public enum JournalState { NotApplicable, NoHousehold, CanWrite, Written }
    public sealed record AppointmentRow(long Id, DateTime StartUtc, int DurationMinutes, string Motif, string Place, string Person,
        AppointmentStatus Status, IReadOnlyList<AppointmentAction> Actions, string Worker = "", JournalState Journal = JournalState.NotApplicable)
    {
        public string Time => French.ToParis(StartUtc).ToString("HH:mm", CultureInfo.InvariantCulture);
    }
    public sealed record DayRow(DateOnly Day, IReadOnlyList<OpeningRow> Openings, IReadOnlyList<AppointmentRow> Appointments)
    {
        public string Label => Day.ToString("dddd d MMMM", French.Culture);
    }

    // Read as text and parsed here: a hand-edited address gets this week, never an error.
    [BindProperty(SupportsGet = true)] public string? Travailleur { get; set; }
    [BindProperty(SupportsGet = true)] public string? Semaine { get; set; }
    /// "equipe" shows every worker of a team on one week.
    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Equipe { get; set; }

    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public IReadOnlyList<WorkerOption> Workers { get; private set; } = [];
    public WorkerOption Worker { get; private set; } = null!;
    public DateOnly Monday { get; private set; }
    public DateOnly ThisMonday { get; private set; }
    public IReadOnlyList<DayRow> Days { get; private set; } = [];

    public const string TeamView = "equipe";
    public bool IsTeamView { get; private set; }
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    public TeamOption? Team { get; private set; }
    public IReadOnlyList<WorkerOption> TeamWorkers { get; private set; } = [];

    /// Staff actions offered on the planning (moving is done with the person, elsewhere).
    public static readonly IReadOnlyList<(AppointmentAction Action, string Handler, string Label)> StaffActions =
    [
        (AppointmentAction.MarkHonoured, "Honoured", "Honoré"),
        (AppointmentAction.MarkMissed, "Missed", "Manqué"),
        (AppointmentAction.Cancel, "Cancel", "Annuler"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        Workers = await WorkersInScopeAsync(me, ct);
        var chosen = string.IsNullOrEmpty(Travailleur) ? me.Id : Travailleur;
        if (Workers.FirstOrDefault(w => w.Id == chosen) is not { } worker) return NotFound();
        Worker = worker;

        ThisMonday = MondayOf(DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime)));
        Monday = DateOnly.TryParseExact(Semaine, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 2000 and <= 2100 ? MondayOf(d) : ThisMonday;

        Teams = await agenda.TeamsInScopeAsync(User, me, ct);
        IsTeamView = Vue == TeamView;
        if (IsTeamView)
        {
            // A team named in the address must be one of the user's; none named: their own, or the first.
            if (string.IsNullOrEmpty(Equipe))
                Team = Teams.FirstOrDefault(t => t.Id == me.TeamId) ?? Teams.FirstOrDefault();
            else if (!int.TryParse(Equipe, out var teamId) || (Team = Teams.FirstOrDefault(t => t.Id == teamId)) is null)
                return NotFound();
            if (Team is null) return NotFound();
            TeamWorkers = await agenda.TeamWorkersAsync(Team.Id, ct);
            Days = await WeekAsync(TeamWorkers, ct);
        }
        else
        {
            Days = await WeekAsync([worker], ct);
        }

        Response.Htmx(h => h.WithVary());
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest())
            return Partial("_Week", this);
        return Page();
    }

    // A post naming no known handler (a hand-made request) goes back to the planning.
    public IActionResult OnPost() => RedirectToPage();

    public Task<IActionResult> OnPostHonouredAsync(long id, CancellationToken ct) => ActAsync(id, AppointmentAction.MarkHonoured, ct);

    public Task<IActionResult> OnPostMissedAsync(long id, CancellationToken ct) => ActAsync(id, AppointmentAction.MarkMissed, ct);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) => ActAsync(id, AppointmentAction.Cancel, ct);

    private async Task<IActionResult> ActAsync(long id, AppointmentAction action, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        var workers = (await WorkersInScopeAsync(me, ct)).Select(w => w.Id).ToList();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null || !workers.Contains(appointment.WorkerId)) return NotFound();

        try
        {
            if (action == AppointmentAction.Cancel)
            {
                // The booking service cancels and queues the person's email in the same save.
                if (await booking.CancelAsync(appointment, Actor.Staff, ct) is { } refusal) ErrorMessage = refusal;
                else StatusMessage = "Le rendez-vous est annulé. La personne est prévenue par courriel.";
            }
            else
            {
                appointment.Apply(action, Actor.Staff, clock.GetUtcNow().UtcDateTime, booking.Policy);
                await db.SaveChangesAsync(ct);
                StatusMessage = $"Le rendez-vous est {AppointmentStateMachine.ActionLabel(action)}.";
            }
        }
        catch (DomainRuleException e)
        {
            ErrorMessage = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            ErrorMessage = "Ce rendez-vous vient d'être modifié ou supprimé par quelqu'un d'autre. Vérifiez le planning.";
        }

        var start = DateOnly.FromDateTime(French.ToParis(appointment.StartUtc));
        if (Vue == TeamView && int.TryParse(Equipe, CultureInfo.InvariantCulture, out var team))
            return RedirectToPage(new { vue = TeamView, equipe = team, semaine = WeekValue(MondayOf(start)) });
        return RedirectToPage(new { travailleur = appointment.WorkerId == me.Id ? null : appointment.WorkerId, semaine = WeekValue(MondayOf(start)) });
    }

    /// The signed-in user, then the social workers of their team (every team's for a manager).
    private Task<IReadOnlyList<WorkerOption>> WorkersInScopeAsync(PortalUser me, CancellationToken ct) =>
        agenda.WorkersInScopeAsync(User, me, ct);

    private async Task<IReadOnlyList<DayRow>> WeekAsync(IReadOnlyList<WorkerOption> workers, CancellationToken ct)
    {
        var sunday = Monday.AddDays(6);
        var fromUtc = ParisTime.BoundaryToUtc(Monday.ToDateTime(TimeOnly.MinValue));
        var toUtc = ParisTime.BoundaryToUtc(Monday.AddDays(7).ToDateTime(TimeOnly.MinValue));
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = booking.Policy;
        var ids = workers.Select(w => w.Id).ToList();
        var names = workers.ToDictionary(w => w.Id, w => w.Name);

        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.WorkerId) && a.StartUtc >= fromUtc && a.StartUtc < toUtc)
            .Named(db)
            .OrderBy(n => n.Appointment.StartUtc)
            .Select(n => new { n.Appointment.Id, n.Appointment.WorkerId, n.Appointment.PersonId, n.Appointment.StartUtc, n.Appointment.DurationMinutes, n.Motif, n.Place, n.PlaceKind, n.Person, n.Appointment.Status })
            .ToListAsync(ct);
        var openings = await db.WorkerOpenings.AsNoTracking()
            .Where(o => ids.Contains(o.WorkerId) && (o.From == null || o.From <= sunday) && (o.Until == null || o.Until >= Monday))
            .OrderBy(o => o.Start)
            .Select(o => new { o.WorkerId, o.Day, o.Start, o.End, o.From, o.Until, Place = o.Place!.Name })
            .ToListAsync(ct);

        // Journal: honoured appointments (and home visits) of people who have a household file.
        var eligible = appointments.Where(a => StaffAgenda.MayGoToJournal(a.Status, a.PlaceKind, a.StartUtc, now)).ToList();
        var written = new HashSet<long>();
        var withHousehold = new HashSet<string>();
        if (eligible.Count > 0)
        {
            var eligibleIds = eligible.Select(a => a.Id).ToList();
            written = (await db.JournalEntries.AsNoTracking().Where(j => j.AppointmentId != null && eligibleIds.Contains(j.AppointmentId.Value))
                .Select(j => j.AppointmentId!.Value).ToListAsync(ct)).ToHashSet();
            var people = eligible.Select(a => a.PersonId).Distinct().ToList();
            var scope = await StaffScope.ForAsync(User, db, ct);
            withHousehold = (await scope.Visible(db.Households).Where(h => h.ResidentId != null && people.Contains(h.ResidentId))
                .Select(h => h.ResidentId!).ToListAsync(ct)).ToHashSet();
        }
        JournalState JournalOf(long id, string personId, AppointmentStatus status, PlaceKind kind, DateTime startUtc) =>
            written.Contains(id) ? JournalState.Written
            : !StaffAgenda.MayGoToJournal(status, kind, startUtc, now) ? JournalState.NotApplicable
            : withHousehold.Contains(personId) ? JournalState.CanWrite
            : JournalState.NoHousehold;

        return Enumerable.Range(0, 7).Select(i =>
        {
            var day = Monday.AddDays(i);
            return new DayRow(day,
                openings.Where(o => o.Day == day.DayOfWeek && (o.From == null || o.From <= day) && (o.Until == null || o.Until >= day))
                    .Select(o => new OpeningRow(o.Start, o.End, o.Place, names.GetValueOrDefault(o.WorkerId, ""))).ToList(),
                appointments.Where(a => DateOnly.FromDateTime(French.ToParis(a.StartUtc)) == day)
                    .Select(a => new AppointmentRow(a.Id, a.StartUtc, a.DurationMinutes, a.Motif, a.Place, a.Person, a.Status,
                        policy.ActionsFor(a.Status, a.StartUtc, Actor.Staff, now), names.GetValueOrDefault(a.WorkerId, ""),
                        JournalOf(a.Id, a.PersonId, a.Status, a.PlaceKind, a.StartUtc)))
                    .ToList());
        }).ToList();
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string WeekValue(DateOnly monday) => monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// The address of another week of the same worker's planning.
    public string WeekUrl(DateOnly monday) => ViewUrl(monday, IsTeamView);

    /// The address of a week, in the worker's view or the team's.
    public string ViewUrl(DateOnly monday, bool team)
    {
        var query = new Dictionary<string, string?>
        {
            ["vue"] = team ? TeamView : null,
            ["equipe"] = team && Team is not null ? Team.Id.ToString(CultureInfo.InvariantCulture) : null,
            ["travailleur"] = team || Worker.Id == users.GetUserId(User) ? null : Worker.Id,
            ["semaine"] = monday == ThisMonday ? null : WeekValue(monday),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/suivi/agenda",
            query.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
    }
}
