using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Workshops;
using Portal.Domain;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Workshops;

/// Addresses of the workshop pages (the emails link to the resident ones).
public static class WorkshopLinks
{
    public const string Resident = "/espace/ateliers";
    public static string ResidentSession(long id) => $"/espace/ateliers/{id}";
    public const string Staff = "/suivi/ateliers";
    public static string StaffSession(long id) => $"/suivi/ateliers/{id}";
    public static string Edit(long? id) => id is null ? "/suivi/ateliers/edition" : $"/suivi/ateliers/edition/{id}";
}

/// The outcome of one operation on a session: done (with what the domain said), refused with a
/// French reason (and the field of the session it concerns, when it names one), or no such session.
public sealed record WorkshopResult(bool Found, string? Error, WorkshopOutcome? Outcome, int OffersMade, string? Summary = null, string? Field = null)
{
    public bool Succeeded => Found && Error is null;
    public static readonly WorkshopResult NotFound = new(false, null, null, 0);
    public static WorkshopResult Refused(string error, string? field = null) => new(true, error, null, 0, Field: field);
}

/// A person of a household file staff add to a session: the domain key (their account, when the
/// person has one, else the household person), the household person and the name staff read.
public sealed record EnrolledPerson(string Key, long HouseholdPersonId, string Name);

/// Loads a workshop and its lines, applies one of its operations (the entity writes its lines back
/// and bumps <see cref="Workshop.Version"/>) and queues the emails, all in one SaveChanges. Two people
/// acting on the same session at once: the second save fails on the version and the operation is
/// replayed on fresh data, so the last seat goes to one person only.
public sealed class WorkshopRegistrations(PortalDbContext db, TimeProvider clock, PublicLinks links, ILogger<WorkshopRegistrations> log)
{
    public const int MaxAttempts = 15;
    public const string BusyMessage = "Beaucoup de personnes s'inscrivent en même temps : réessayez dans un instant.";

    public Task<WorkshopResult> RegisterAsync(long workshopId, string personId, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            var o = w.Apply(s => s.Register(personId, now), now);
            return new Change(o, o.OffersMade, o.OffersLapsed, Confirm: o.Status == RegistrationStatus.Registered ? personId : null);
        }, ct);

    public Task<WorkshopResult> WithdrawAsync(long workshopId, string personId, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) => Change.Of(w.Apply(s => s.Withdraw(personId, now), now)), ct);

    public Task<WorkshopResult> AcceptOfferAsync(long workshopId, string personId, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            var o = w.Apply(s => s.AcceptOffer(personId, now), now);
            return new Change(o, o.OffersMade, o.OffersLapsed, Confirm: personId);
        }, ct);

    public Task<WorkshopResult> DeclineOfferAsync(long workshopId, string personId, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) => Change.Of(w.Apply(s => s.DeclineOffer(personId, now), now)), ct);

    /// For the recurring job: expired offers pass to the next people. Saves nothing when none expired.
    public Task<WorkshopResult> SettleExpiredOffersAsync(long workshopId, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            var c = w.Apply(s => s.SettleExpiredOffers(now), now);
            return new Change(null, c.OffersMade, c.OffersLapsed) { Save = c.OffersLapsed.Count > 0 || c.OffersMade.Count > 0 };
        }, ct);

    public Task<WorkshopResult> ChangeSeatsAsync(long workshopId, int seats, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            var c = w.ChangeSeats(seats, now);
            return new Change(null, c.OffersMade, c.OffersLapsed);
        }, ct);

    /// Staff add people of household files to a session, with or without a resident account: each
    /// gets a seat, or the waiting list when the session is full; someone already in it is skipped.
    public Task<WorkshopResult> EnrolAsync(long workshopId, IReadOnlyList<EnrolledPerson> persons, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            if (persons.Count == 0) throw new DomainRuleException("Cochez au moins une personne à inscrire.");
            var registered = new List<string>();
            var waiting = new List<string>();
            var refused = new List<string>();
            var offers = new List<SeatOffer>();
            var lapsed = new List<string>();
            w.Apply(s =>
            {
                foreach (var person in persons)
                {
                    try
                    {
                        var o = s.Enrol(person.Key, now);
                        (o.Status == RegistrationStatus.Registered ? registered : waiting).Add(person.Name);
                        offers.AddRange(o.OffersMade);
                        lapsed.AddRange(o.OffersLapsed);
                    }
                    catch (DomainRuleException e)
                    {
                        if (persons.Count == 1) throw;
                        refused.Add($"{person.Name} : {e.Message}");
                    }
                }
                if (registered.Count + waiting.Count == 0) throw new DomainRuleException(string.Join(" ", refused));
                return 0;
            }, now, persons.ToDictionary(p => p.Key, p => p.HouseholdPersonId));
            var summary = string.Join(" ", new[]
            {
                registered.Count > 0 ? $"Inscrit(e)s : {string.Join(", ", registered)}." : null,
                waiting.Count > 0 ? $"Sur liste d'attente (séance complète) : {string.Join(", ", waiting)}." : null,
                refused.Count > 0 ? $"Non inscrit(e)s — {string.Join(" ; ", refused)}" : null,
            }.OfType<string>());
            return new Change(null, offers, lapsed) { Summary = summary };
        }, ct);

    /// Present (true) or absent (false) for registered participants, from the day of the session.
    public Task<WorkshopResult> RecordAttendanceAsync(long workshopId, IReadOnlyDictionary<string, bool> attendance, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            w.RecordAttendance(attendance, now);
            return new Change(null, [], []);
        }, ct);

    /// Cancels a session that has not started; everyone registered, offered a seat or waiting is told.
    public Task<WorkshopResult> CancelAsync(long workshopId, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) => new Change(null, [], []) { CancelledFor = w.Cancel(now) }, ct);

    /// Creates a session (no registrations yet).
    public async Task<long> CreateAsync(WorkshopPlan plan, CancellationToken ct)
    {
        var workshop = Workshop.Plan(plan, clock.GetUtcNow().UtcDateTime);
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync(ct);
        return workshop.Id;
    }

    /// Changes what a session is (see <see cref="Workshop.Edit"/>); people still in it learn a new
    /// date or place.
    public Task<WorkshopResult> UpdateAsync(long workshopId, WorkshopPlan plan, CancellationToken ct) =>
        RunAsync(workshopId, (w, now) =>
        {
            var edit = w.Edit(plan, now);
            return new Change(null, edit.Offers.OffersMade, edit.Offers.OffersLapsed) { RescheduledFrom = edit.MovedFrom, RescheduledFor = edit.ToTell };
        }, ct);

    /// What an operation did, and the people to write to.
    private sealed record Change(WorkshopOutcome? Outcome, IReadOnlyList<SeatOffer> Offers, IReadOnlyList<string> Lapsed, string? Confirm = null)
    {
        public bool Save { get; init; } = true;
        public IReadOnlyList<string> CancelledFor { get; init; } = [];
        public WorkshopSchedule? RescheduledFrom { get; init; }
        public IReadOnlyList<string> RescheduledFor { get; init; } = [];
        public string? Summary { get; init; }

        public static Change Of(WorkshopOutcome o) => new(o, o.OffersMade, o.OffersLapsed);
    }

    private async Task<WorkshopResult> RunAsync(long workshopId, Func<Workshop, DateTime, Change> apply, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var workshop = await db.Workshops.Include(w => w.Signups).FirstOrDefaultAsync(w => w.Id == workshopId, ct);
            if (workshop is null) return WorkshopResult.NotFound;

            var now = clock.GetUtcNow().UtcDateTime;
            Change change;
            try
            {
                change = apply(workshop, now);
            }
            catch (DomainRuleException e)
            {
                db.ChangeTracker.Clear();
                return WorkshopResult.Refused(e.Message, e.Field);
            }
            if (!change.Save)
            {
                db.ChangeTracker.Clear();
                return new WorkshopResult(true, null, change.Outcome, 0);
            }

            await QueueEmailsAsync(workshop, change, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return new WorkshopResult(true, null, change.Outcome, change.Offers.Count, change.Summary);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsDuplicateLine(e))
            {
                db.ChangeTracker.Clear();
                if (attempt >= MaxAttempts)
                {
                    log.LogWarning("Workshop {WorkshopId}: gave up after {Attempts} concurrent attempts", workshopId, attempt);
                    return WorkshopResult.Refused(BusyMessage);
                }
                // Someone else changed the session since it was read: replay on fresh data.
                await Task.Delay(Random.Shared.Next(5, 25) * Math.Min(attempt, 5), ct);
            }
        }
    }

    private static bool IsDuplicateLine(DbUpdateException e)
    {
        var message = e.InnerException?.Message ?? "";
        return message.Contains("IX_WorkshopSignups_WorkshopId_PersonId", StringComparison.OrdinalIgnoreCase)
            // SQLite names the columns, not the index.
            || message.Contains("IX_WorkshopSignups_WorkshopId_HouseholdPersonId", StringComparison.OrdinalIgnoreCase)
            // SQLite names the columns, not the index.
            || message.Contains("WorkshopSignups.WorkshopId, WorkshopSignups.PersonId", StringComparison.OrdinalIgnoreCase)
            || message.Contains("WorkshopSignups.WorkshopId, WorkshopSignups.HouseholdPersonId", StringComparison.OrdinalIgnoreCase);
    }

    private async Task QueueEmailsAsync(Workshop w, Change change, CancellationToken ct)
    {
        var ids = change.Offers.Select(o => o.PersonId).Concat(change.Lapsed).Concat(change.CancelledFor).Concat(change.RescheduledFor)
            .Append(change.Confirm).OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return;
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.FullName }).ToDictionaryAsync(u => u.Id, ct);
        var place = await db.Places.AsNoTracking().Where(p => p.Id == w.PlaceId).Select(p => new { p.Name, p.Address }).FirstOrDefaultAsync(ct);
        var details = new WorkshopDetails(w.Id, w.Theme, w.StartsAtUtc, w.DurationMinutes, place?.Name ?? "", place?.Address);
        var list = links.Absolute(WorkshopLinks.Resident);

        void Send(string personId, Func<string?, EmailContent> content)
        {
            if (people.GetValueOrDefault(personId) is { Email: { Length: > 0 } email } person)
                EmailOutbox.Queue(db, email, person.FullName, content(person.FullName));
        }

        foreach (var offer in change.Offers)
            Send(offer.PersonId, name => WorkshopEmails.SeatOffered(name, details, offer.ExpiresAtUtc, links.Absolute(WorkshopLinks.ResidentSession(w.Id))));
        foreach (var lapsed in change.Lapsed)
            Send(lapsed, name => WorkshopEmails.OfferLapsed(name, details, list));
        foreach (var person in change.CancelledFor)
            Send(person, name => WorkshopEmails.Cancelled(name, details, list));
        if (change.RescheduledFrom is { } from && change.RescheduledFor.Count > 0)
        {
            var oldPlace = from.PlaceId == w.PlaceId ? place
                : await db.Places.AsNoTracking().Where(p => p.Id == from.PlaceId).Select(p => new { p.Name, p.Address }).FirstOrDefaultAsync(ct);
            var previous = details with { StartsAtUtc = from.StartsAtUtc, DurationMinutes = from.DurationMinutes, PlaceName = oldPlace?.Name ?? "", PlaceAddress = oldPlace?.Address };
            var sessionLink = links.Absolute(WorkshopLinks.ResidentSession(w.Id));
            foreach (var person in change.RescheduledFor)
                Send(person, name => WorkshopEmails.Rescheduled(name, details, previous, sessionLink));
        }
        if (change.Confirm is { } confirmed)
            Send(confirmed, name => WorkshopEmails.Registered(name, details, links.Absolute(WorkshopLinks.ResidentSession(w.Id))));
    }
}
