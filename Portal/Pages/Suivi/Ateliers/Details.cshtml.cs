using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Workshops;

namespace Portal.Pages.Suivi.Ateliers;

/// One session for staff: participants, offers and waiting list; change the seats, cancel, record attendance.
public class DetailsModel(PortalDbContext db, TimeProvider clock, WorkshopRegistrations registrations) : PageModel
{
    public sealed record Line(string PersonId, string Name, string? Email, RegistrationStatus Status, DateTime JoinedAtUtc, DateTime? OfferExpiresAtUtc, bool? Attended, int? Position);

    public Workshop Session { get; private set; } = null!;
    public string PlaceText { get; private set; } = "";
    public string LeaderName { get; private set; } = "";
    public string? TeamName { get; private set; }
    public bool HasStarted { get; private set; }
    public int SeatsLeft { get; private set; }
    public IReadOnlyList<Line> Participants { get; private set; } = [];
    public IReadOnlyList<Line> Offers { get; private set; } = [];
    public IReadOnlyList<Line> Waiting { get; private set; } = [];
    public IReadOnlyList<Line> Others { get; private set; } = [];

    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var w = await scope.Reachable(db.Workshops.AsNoTracking()).Include(x => x.Signups).ThenInclude(s => s.Person).Include(x => x.Place).Include(x => x.Leader)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var s = WorkshopRegistrations.CurrentSessionOf(w, now);
        Session = w;
        PlaceText = w.Place is null ? "" : string.IsNullOrWhiteSpace(w.Place.Address) ? w.Place.Name : $"{w.Place.Name} ({w.Place.Address})";
        LeaderName = w.Leader?.FullName ?? "";
        TeamName = w.TeamId is null ? null : await db.Teams.Where(t => t.Id == w.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        HasStarted = s.HasStarted(now);
        SeatsLeft = s.SeatsLeft;
        var people = w.Signups.ToDictionary(x => x.PersonId, x => x.Person);
        var lines = s.Registrations.Select(r => new Line(r.PersonId, people.GetValueOrDefault(r.PersonId)?.FullName ?? "", people.GetValueOrDefault(r.PersonId)?.Email,
            r.Status, r.JoinedAtUtc, r.OfferExpiresAtUtc, r.Attended, s.WaitingPosition(r.PersonId))).ToList();
        Participants = lines.Where(l => l.Status == RegistrationStatus.Registered).OrderBy(l => l.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        Offers = lines.Where(l => l.Status == RegistrationStatus.Offered).ToList();
        Waiting = lines.Where(l => l.Status == RegistrationStatus.Waiting).OrderBy(l => l.Position).ToList();
        Others = lines.Where(l => !l.Status.IsActive()).OrderByDescending(l => l.JoinedAtUtc).ToList();
        return Page();
    }

    // A post naming no known handler goes back to the page.
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        await CanReachAsync(id, ct) ? Redirect(WorkshopLinks.StaffSession(id)) : NotFound();

    /// A session out of the user's reach answers 404 to every handler, as if it did not exist.
    private async Task<bool> CanReachAsync(long id, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        return await scope.Reachable(db.Workshops.AsNoTracking()).AnyAsync(w => w.Id == id, ct);
    }

    public async Task<IActionResult> OnPostSeatsAsync(long id, string? places, CancellationToken ct)
    {
        if (!await CanReachAsync(id, ct)) return NotFound();
        if (!int.TryParse(places, NumberStyles.None, CultureInfo.InvariantCulture, out var seats) || seats is < 1 or > 500)
            return Done(id, WorkshopResult.Refused("Indiquez un nombre de places entre 1 et 500."), null);
        var result = await registrations.ChangeSeatsAsync(id, seats, ct);
        return Done(id, result, $"La séance compte maintenant {seats} place{(seats > 1 ? "s" : "")}." + (result.OffersMade > 0 ? " " + EditionModel.OffersText(result.OffersMade) : ""));
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, string? confirmer, CancellationToken ct)
    {
        if (!await CanReachAsync(id, ct)) return NotFound();
        if (confirmer != "oui")
            return Done(id, WorkshopResult.Refused("Cochez la case pour confirmer l'annulation de la séance."), null);
        var result = await registrations.CancelAsync(id, ct);
        return Done(id, result, "La séance est annulée. Les personnes inscrites ou en liste d'attente sont prévenues par courriel.");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(long id, Dictionary<string, string>? presence, CancellationToken ct)
    {
        if (!await CanReachAsync(id, ct)) return NotFound();
        var marks = (presence ?? []).Where(kv => kv.Value is "present" or "absent")
            .ToDictionary(kv => kv.Key, kv => kv.Value == "present");
        var result = await registrations.RecordAttendanceAsync(id, marks, ct);
        return Done(id, result, "Les présences sont enregistrées.");
    }

    private IActionResult Done(long id, WorkshopResult result, string? done)
    {
        if (!result.Found) return NotFound();
        if (result.Error is { } error) ErrorMessage = error;
        else StatusMessage = done;
        return Redirect(WorkshopLinks.StaffSession(id));
    }
}
