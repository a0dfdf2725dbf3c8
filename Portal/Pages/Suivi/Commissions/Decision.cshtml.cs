using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Housing;

namespace Portal.Pages.Suivi.Commissions;

/// The decision on one item of a session's agenda (a dwelling, a support measure, an aid, a
/// refusal or a postponement). Managers decide; a refused form shows the session again, with the
/// errors at the fields of that item's form.
public class DecisionModel(PortalDbContext db, UserManager<PortalUser> users, Portal.Requests.RequestNotifier notifier, TimeProvider clock)
    : SessionPageModel(db, users, clock)
{
    private readonly CommitteeDecisions decisions = new(db, notifier);

    /// The decisions are taken from the session page.
    public IActionResult OnGet(long id) => ToSession(id);

    public Task<IActionResult> OnPostAllocateAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "allocation", ct, async (session, item, me, now) =>
        {
            if (Decide.DwellingId is null) ModelState.AddModelError("Decide.DwellingId", "Choisissez le logement attribué.");
            if (Decide.EntryOn is null && !ModelState.ContainsKey("Decide.EntryOn")) ModelState.AddModelError("Decide.EntryOn", "Indiquez la date d'entrée dans les lieux.");
            var months = Months(Stay.DefaultMonths);
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.AllocateAsync(session, item, me, Decide.DwellingId!.Value, Decide.EntryOn!.Value, months!.Value, now, ct);
            }
            catch (DomainRuleException e)
            {
                // The entry date and the length are the decision's own fields; any other rule is about the dwelling.
                ModelState.AddModelError(e.Field is nameof(DecisionInput.EntryOn) or nameof(DecisionInput.Months) ? $"Decide.{e.Field}" : "Decide.DwellingId", e.Message);
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
            var months = Months(null);
            if (!ModelState.IsValid) return null;
            try
            {
                await decisions.OpenSupportAsync(session, item, me, Decide.SupportKind!.Value, Decide.Funder!.Value, Decide.StartsOn!.Value, months!.Value, now, ct);
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError(e.Field == nameof(DecisionInput.SupportKind) ? "Decide.SupportKind" : "Decide.Months", e.Message);
                return null;
            }
            return "L'accompagnement est décidé et la mesure est ouverte.";
        });

    public Task<IActionResult> OnPostAidAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "aid", ct, async (session, item, me, now) =>
        {
            if (Decide.MonthlyAmount is null && !ModelState.ContainsKey("Decide.MonthlyAmount")) ModelState.AddModelError("Decide.MonthlyAmount", "Indiquez le montant mensuel de l'aide.");
            if (Decide.StartMonth is null && !ModelState.ContainsKey("Decide.StartMonth")) ModelState.AddModelError("Decide.StartMonth", "Indiquez le premier mois payé.");
            var months = Months(null);
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

    /// Loads the session and the item, checks the user may see it (404) and decide (403), runs the
    /// decision; a refused rule is shown at the field of that item's form.
    private async Task<IActionResult> DecideAsync(long id, string kind, CancellationToken ct,
        Func<CommitteeSession, AgendaItem, CommitteeDecisions.Actor, DateTime, Task<string?>> decide)
    {
        var session = await Db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        var item = session.Items.FirstOrDefault(i => i.Id == Decide.ItemId);
        var access = await AgendaAccess.ForAsync(User, Db, ct);
        if (item is null || !await access.CanSeeAsync(Db, item.Subject, item.SubjectId, ct)) return NotFound();
        if (!access.IsManager) return Forbid();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("NewItem.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var me = await MeAsync(ct);
        string? done = null;
        try
        {
            done = await decide(session, item, new(me.Id, me.FullName), Clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        if (done is not null)
        {
            StatusMessage = done;
            return ToSession(id, $"point-{item.Id}");
        }
        FailedItemId = item.Id;
        FailedKind = kind;
        return await RedisplayAsync(id, ct);
    }

    /// The length in months of the decision form; <paramref name="fallback"/> when left empty.
    private int? Months(int? fallback)
    {
        const string key = "Decide.Months";
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
}
