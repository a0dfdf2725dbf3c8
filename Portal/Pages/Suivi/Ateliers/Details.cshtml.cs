using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Workshops;
using Portal.Workshops;

namespace Portal.Pages.Suivi.Ateliers;

/// One session for staff: participants, offers and waiting list; add people of household files
/// (with or without an account), change the seats, cancel, record attendance from the session's day.
public class DetailsModel(PortalDbContext db, TimeProvider clock, WorkshopRegistrations registrations) : PageModel
{
    public sealed record Line(string PersonId, string Name, string? Email, RegistrationStatus Status, DateTime JoinedAtUtc, DateTime? OfferExpiresAtUtc, bool? Attended, int? Position, string? Household);
    public sealed record Candidate(long Id, string Name, bool HasAccount, bool AlreadyIn);
    public sealed record CandidateHousehold(long Id, string Name, IReadOnlyList<Candidate> Persons);

    public Workshop Session { get; private set; } = null!;
    public string PlaceText { get; private set; } = "";
    public string LeaderName { get; private set; } = "";
    public string? TeamName { get; private set; }
    public bool HasStarted { get; private set; }
    /// From the session's day on (Paris time), attendance is recorded.
    public bool IsDayOrLater { get; private set; }
    /// Staff may still add people: the session is not cancelled and its day is not over.
    public bool CanEnrol { get; private set; }
    /// The household name typed in « Ajouter des participants », and what it found.
    public string? Search { get; private set; }
    public IReadOnlyList<CandidateHousehold> Candidates { get; private set; } = [];
    public int SeatsLeft { get; private set; }
    public IReadOnlyList<Line> Participants { get; private set; } = [];
    public IReadOnlyList<Line> Offers { get; private set; } = [];
    public IReadOnlyList<Line> Waiting { get; private set; } = [];
    public IReadOnlyList<Line> Others { get; private set; } = [];

    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? menage, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        var w = await scope.Reachable(db.Workshops.AsNoTracking())
            .Include(x => x.Signups).ThenInclude(s => s.HouseholdPerson)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var s = w.CurrentSession(now);
        Session = w;
        var place = await db.Places.AsNoTracking().Where(p => p.Id == w.PlaceId).Select(p => new { p.Name, p.Address }).FirstOrDefaultAsync(ct);
        PlaceText = place is null ? "" : string.IsNullOrWhiteSpace(place.Address) ? place.Name : $"{place.Name} ({place.Address})";
        LeaderName = await db.Users.AsNoTracking().Where(u => u.Id == w.LeaderId).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? "";
        TeamName = w.TeamId is null ? null : await db.Teams.Where(t => t.Id == w.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        HasStarted = s.HasStarted(now);
        IsDayOrLater = s.IsDayOrLater(now);
        CanEnrol = !w.IsCancelled && !s.IsDayOver(now);
        SeatsLeft = s.SeatsLeft;
        var householdIds = w.Signups.Where(x => x.HouseholdPerson is not null).Select(x => x.HouseholdPerson!.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var people = w.Signups.ToDictionary(x => x.ParticipantKey);
        var accountIds = w.Signups.Where(x => x.PersonId is not null).Select(x => x.PersonId!).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.FullName, u.Email }, ct);
        var lines = s.Registrations.Select(r =>
        {
            var line = people[r.PersonId];
            var account = line.PersonId is { } accountId ? accounts.GetValueOrDefault(accountId) : null;
            var name = account?.FullName is { Length: > 0 } fullName ? fullName : line.HouseholdPerson?.FullName ?? "";
            return new Line(r.PersonId, name, account?.Email, r.Status, r.JoinedAtUtc, r.OfferExpiresAtUtc, r.Attended, s.WaitingPosition(r.PersonId),
                line.HouseholdPerson is { } hp ? households.GetValueOrDefault(hp.HouseholdId) : null);
        }).ToList();
        Participants = lines.Where(l => l.Status == RegistrationStatus.Registered).OrderBy(l => l.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        Offers = lines.Where(l => l.Status == RegistrationStatus.Offered).ToList();
        Waiting = lines.Where(l => l.Status == RegistrationStatus.Waiting).OrderBy(l => l.Position).ToList();
        Others = lines.Where(l => !l.Status.IsActive()).OrderByDescending(l => l.JoinedAtUtc).ToList();
        if (CanEnrol && !string.IsNullOrWhiteSpace(menage))
        {
            Search = menage.Trim();
            Candidates = await CandidatesAsync(scope, Search, w, ct);
        }
        return Page();
    }

    /// Up to ten households of the user's reach whose name starts with what they typed, with their
    /// persons (those already in the session marked).
    private async Task<IReadOnlyList<CandidateHousehold>> CandidatesAsync(StaffScope scope, string search, Workshop w, CancellationToken ct)
    {
        var key = HouseholdFactory.SearchKey(search);
        if (key.Length == 0) return [];
        if (key.Length > 200) key = key[..200];
        var keyEnd = key + "\uFFFF";
        var found = await scope.Visible(db.Households.AsNoTracking())
            .Where(h => h.Status == HouseholdStatus.Active && string.Compare(h.SearchName, key) >= 0 && string.Compare(h.SearchName, keyEnd) < 0)
            .OrderBy(h => h.SearchName).ThenBy(h => h.Id).Take(10)
            .Select(h => new { h.Id, h.Name, h.ResidentId, Persons = h.Persons.OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => new { p.Id, p.FirstName, p.LastName, p.Relationship }).ToList() })
            .ToListAsync(ct);
        var session = w.Session();
        return found.Select(h =>
        {
            var holder = h.ResidentId is null ? null : h.Persons.FirstOrDefault(p => p.Relationship == Relationship.Applicant)?.Id;
            return new CandidateHousehold(h.Id, h.Name, h.Persons.Select(p =>
            {
                var key = p.Id == holder ? h.ResidentId! : ParticipantKeys.HouseholdPerson(p.Id);
                var inSession = session.Find(key)?.Status.IsActive() == true
                    || w.Signups.Any(x => x.HouseholdPersonId == p.Id && x.Status.IsActive());
                return new Candidate(p.Id, $"{p.FirstName} {p.LastName}".Trim(), p.Id == holder, inSession);
            }).ToList());
        }).ToList();
    }

    /// Adds the persons ticked (of households the user may open) to the session.
    public async Task<IActionResult> OnPostEnrolAsync(long id, long[]? personnes, string? menage, CancellationToken ct)
    {
        if (!await CanReachAsync(id, ct)) return NotFound();
        var scope = await StaffScope.ForAsync(User, db, ct);
        var ids = (personnes ?? []).Distinct().Take(50).ToList();
        var persons = await (from p in db.HouseholdPersons.AsNoTracking()
                             join h in scope.Visible(db.Households.AsNoTracking()) on p.HouseholdId equals h.Id
                             where ids.Contains(p.Id)
                             select new { p.Id, p.FirstName, p.LastName, p.Relationship, p.Position, h.ResidentId, HouseholdId = h.Id })
            .ToListAsync(ct);
        // The household's account is its reference person's: their line is that account's, so a
        // seat they took themselves and one staff give them are the same.
        var householdIds = persons.Select(x => x.HouseholdId).Distinct().ToList();
        var holders = (await db.HouseholdPersons.AsNoTracking()
            .Where(p => householdIds.Contains(p.HouseholdId) && p.Relationship == Relationship.Applicant)
            .Select(p => new { p.Id, p.HouseholdId, p.Position }).ToListAsync(ct))
            .GroupBy(p => p.HouseholdId).Select(g => g.OrderBy(p => p.Position).ThenBy(p => p.Id).First().Id).ToList();
        var enrolled = persons.OrderBy(p => ids.IndexOf(p.Id)).Select(p => new EnrolledPerson(
            p.ResidentId is { } account && holders.Contains(p.Id) ? account : ParticipantKeys.HouseholdPerson(p.Id),
            p.Id, $"{p.FirstName} {p.LastName}".Trim())).ToList();
        if (enrolled.Count == 0)
        {
            ErrorMessage = "Cochez au moins une personne à inscrire.";
            return Redirect(EnrolUrl(id, menage));
        }
        var result = await registrations.EnrolAsync(id, enrolled, ct);
        return Done(id, result, result.Summary);
    }

    private static string EnrolUrl(long id, string? menage) =>
        string.IsNullOrWhiteSpace(menage) ? WorkshopLinks.StaffSession(id) + "#ajouter"
            : $"{WorkshopLinks.StaffSession(id)}?menage={Uri.EscapeDataString(menage.Trim())}#ajouter";

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
