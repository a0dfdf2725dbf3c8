using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Housing;

namespace Portal.Pages.Suivi.Commissions;

/// One session: its agenda, shown to managers (who decide, on <see cref="DecisionModel"/>, and plan
/// the session, on <see cref="PlanningModel"/>) and to social workers, who read their team's items
/// and may propose one.
public class SeanceModel(PortalDbContext db, UserManager<PortalUser> users, Portal.Requests.RequestNotifier notifier, TimeProvider clock)
    : SessionPageModel(db, users, clock)
{
    private readonly CommitteeDecisions decisions = new(db, notifier);

    [BindProperty] public RemovalInput Removal { get; set; } = new();

    public class RemovalInput
    {
        public long? ItemId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public IActionResult OnPost(long id) => ToSession(id);

    public async Task<IActionResult> OnPostAddItemAsync(long id, CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        var access = await AgendaAccess.ForAsync(User, Db, ct);
        var me = await MeAsync(ct);
        ModelState.Clear();
        var parsed = ParseSubject(NewItem.Subject);
        if (parsed is not { } subject || !await access.CanSeeAsync(Db, subject.Kind, subject.Id, ct))
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
                    Clock.GetUtcNow().UtcDateTime, ct);
                StatusMessage = "La situation est inscrite à l'ordre du jour.";
                return ToSession(id);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("NewItem.Subject", e.Message);
            }
        }
        return await RedisplayAsync(id, ct);
    }

    /// Takes an undecided item off the agenda. A request already moved to "presented to the
    /// committee" keeps its status: the person was told, and a later session may take it.
    public async Task<IActionResult> OnPostRemoveItemAsync(long id, CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        var item = session.Items.FirstOrDefault(i => i.Id == Removal.ItemId);
        var access = await AgendaAccess.ForAsync(User, Db, ct);
        if (item is null || !await access.CanSeeAsync(Db, item.Subject, item.SubjectId, ct)) return NotFound();
        if (!access.IsManager) return Forbid();
        return await ChangeAsync(id, () => session.RemoveItem(item), "La situation est retirée de l'ordre du jour.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        if (!User.IsInRole(Portal.Domain.Accounts.Roles.Manager)) return Forbid();
        return await ChangeAsync(id, session.Close, "La séance est close.", ct);
    }

    /// Applies a change to the loaded session and saves it; a rule it breaks is shown above the agenda.
    private async Task<IActionResult> ChangeAsync(long id, Action change, string done, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            change();
            await Db.SaveChangesAsync(ct);
            StatusMessage = done;
            return ToSession(id);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return await RedisplayAsync(id, ct);
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
}
