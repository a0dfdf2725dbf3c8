using Portal.Domain.Households;

namespace Portal.Domain.Workshops;

/// What a session is, as staff plan or change it (times in UTC; place, leader and team are ids of
/// Portal's Place, PortalUser and Team).
public sealed record WorkshopPlan(string Theme, string? Description, int PlaceId, DateTime StartsAtUtc, int DurationMinutes, int Seats, string LeaderId, int? TeamId);

/// When and where a session takes place (what people are told about when it changes).
public sealed record WorkshopSchedule(DateTime StartsAtUtc, int DurationMinutes, int PlaceId);

/// What an edit did: offers made or lapsed by a new number of seats, and, when the session moved,
/// where it was before and who is still in it (registered, offered a seat or waiting) and must be
/// told (a seat offered by this very edit already says the new date and place).
public sealed record WorkshopEdit(OfferChanges Offers, WorkshopSchedule? MovedFrom, IReadOnlyList<string> ToTell);

/// One collective workshop session ("Mon logement et moi", économies d'énergie…): a theme, a place,
/// a time and a number of seats. Its lines change only through <see cref="Apply{T}"/>, which runs one
/// operation of the domain's <see cref="WorkshopSession"/> and writes the lines back; every change
/// bumps <see cref="Version"/>, so two people taking the last seat at once, the second save fails and
/// is retried on fresh data.
public class Workshop
{
    private readonly List<WorkshopSignup> _signups = [];

    private Workshop() { }

    public long Id { get; private set; }
    public string Theme { get; private set; } = "";
    public string? Description { get; private set; }
    public int PlaceId { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public int DurationMinutes { get; private set; }
    public int Seats { get; private set; }
    /// The worker who leads it and records attendance.
    public string LeaderId { get; private set; } = "";
    public int? TeamId { get; private set; }
    public bool IsCancelled { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public int Version { get; private set; }
    /// The lines in the order they were created (which breaks ties on the time people joined).
    public IReadOnlyList<WorkshopSignup> Signups => _signups;

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);

    private const string StartInPastMessage = "Choisissez une date et une heure à venir.";
    public const string CancelledMessage = "Cette séance est annulée.";

    /// A new session, with no registrations yet, planned at <paramref name="nowUtc"/>.
    public static Workshop Plan(WorkshopPlan plan, DateTime nowUtc)
    {
        EnsureToCome(plan.StartsAtUtc, nowUtc);
        WorkshopSession.EnsureSeats(plan.Seats);
        var workshop = new Workshop { CreatedAtUtc = nowUtc, Seats = plan.Seats };
        workshop.Describe(plan);
        return workshop;
    }

    /// The domain view of the session and its lines, as stored.
    public WorkshopSession Session() =>
        new(Math.Max(1, Seats), StartsAtUtc, _signups.OrderBy(s => s.Id)
            .Select(s => new WorkshopRegistration(s.ParticipantKey, s.Status, s.JoinedAtUtc, s.OfferExpiresAtUtc, s.Attended)));

    /// The session as it stands at <paramref name="nowUtc"/>: expired offers settled in memory (nothing
    /// changes here), so seats left and places in the queue are the ones a person would get.
    public WorkshopSession CurrentSession(DateTime nowUtc)
    {
        var session = Session();
        if (!IsCancelled) session.SettleExpiredOffers(nowUtc);
        return session;
    }

    /// Runs one operation of the session (register, withdraw, enrol, settle offers, change seats…) and
    /// writes its lines back. A new line for a household person with an account is given that person
    /// through <paramref name="householdPersons"/> (keyed like the session's lines). A refused
    /// operation changes nothing.
    public T Apply<T>(Func<WorkshopSession, T> operation, DateTime nowUtc, IReadOnlyDictionary<string, long>? householdPersons = null)
    {
        EnsureNotCancelled();
        var session = Session();
        var result = operation(session);
        WriteBack(session, householdPersons, nowUtc);
        return result;
    }

    /// More or fewer seats (see <see cref="WorkshopSession.ChangeSeats"/>).
    public OfferChanges ChangeSeats(int seats, DateTime nowUtc) => Apply(s => s.ChangeSeats(seats, nowUtc), nowUtc);

    /// Present (true) or absent (false) for registered participants, from the day of the session.
    public void RecordAttendance(IReadOnlyDictionary<string, bool> attendance, DateTime nowUtc)
    {
        if (attendance.Count == 0)
            throw new DomainRuleException("Indiquez pour chaque participant s'il était présent ou absent.", "Attendance");
        Apply(s =>
        {
            foreach (var (person, attended) in attendance) s.RecordAttendance(person, attended, nowUtc);
            return 0;
        }, nowUtc);
    }

    /// Changes what the session is. Its date changes only before it starts, to a time to come; a new
    /// number of seats goes through <see cref="WorkshopSession.ChangeSeats"/> (offers to the waiting
    /// list when seats are added, which expire at the latest at the new start).
    public WorkshopEdit Edit(WorkshopPlan plan, DateTime nowUtc)
    {
        EnsureNotCancelled();
        if (plan.StartsAtUtc != StartsAtUtc)
        {
            if (nowUtc >= StartsAtUtc) throw new DomainRuleException("Cette séance a déjà commencé : sa date ne peut plus changer.", nameof(StartsAtUtc));
            EnsureToCome(plan.StartsAtUtc, nowUtc);
        }
        var before = Schedule;
        // Checked on a copy first: a refused number of seats leaves the session as it was.
        if (plan.Seats != Seats) Session().ChangeSeats(plan.Seats, nowUtc);

        Describe(plan);
        var session = Session();
        var offers = plan.Seats == Seats ? session.SettleExpiredOffers(nowUtc) : session.ChangeSeats(plan.Seats, nowUtc);
        WriteBack(session, null, nowUtc);
        var moved = before != Schedule;
        var offered = offers.OffersMade.Select(o => o.PersonId).ToHashSet();
        return new WorkshopEdit(offers, moved ? before : null, moved
            ? session.Registrations.Where(r => r.Status.IsActive() && !offered.Contains(r.PersonId)).Select(r => r.PersonId).ToList()
            : []);
    }

    /// Cancels a session that has not started; returns who was registered, offered a seat or waiting
    /// (to tell them).
    public IReadOnlyList<string> Cancel(DateTime nowUtc)
    {
        EnsureNotCancelled();
        if (nowUtc >= StartsAtUtc) throw new DomainRuleException("Cette séance a déjà commencé : elle ne peut plus être annulée.");
        IsCancelled = true;
        Version++;
        return _signups.Where(s => s.Status.IsActive()).Select(s => s.ParticipantKey).ToList();
    }

    public WorkshopSchedule Schedule => new(StartsAtUtc, DurationMinutes, PlaceId);

    private void Describe(WorkshopPlan plan)
    {
        if (string.IsNullOrWhiteSpace(plan.Theme)) throw new DomainRuleException("Indiquez le thème de l'atelier.", nameof(Theme));
        if (plan.DurationMinutes < 1) throw new DomainRuleException("La durée d'une séance doit être positive.", nameof(DurationMinutes));
        if (string.IsNullOrEmpty(plan.LeaderId)) throw new DomainRuleException("Choisissez la personne qui anime la séance.", nameof(LeaderId));
        Theme = plan.Theme.Trim();
        Description = string.IsNullOrWhiteSpace(plan.Description) ? null : plan.Description.Trim();
        PlaceId = plan.PlaceId;
        StartsAtUtc = DateTime.SpecifyKind(plan.StartsAtUtc, DateTimeKind.Utc);
        DurationMinutes = plan.DurationMinutes;
        LeaderId = plan.LeaderId;
        TeamId = plan.TeamId;
    }

    private static void EnsureToCome(DateTime startsAtUtc, DateTime nowUtc)
    {
        if (startsAtUtc <= nowUtc) throw new DomainRuleException(StartInPastMessage, nameof(StartsAtUtc));
    }

    private void EnsureNotCancelled()
    {
        if (IsCancelled) throw new DomainRuleException(CancelledMessage);
    }

    // Every line of the session back into the stored ones (new lines added), the seats with them, and
    // the version bumped.
    private void WriteBack(WorkshopSession session, IReadOnlyDictionary<string, long>? householdPersons, DateTime nowUtc)
    {
        foreach (var r in session.Registrations)
        {
            var line = _signups.FirstOrDefault(s => s.ParticipantKey == r.PersonId);
            if (line is null)
            {
                var householdPerson = ParticipantKeys.HouseholdPersonOf(r.PersonId);
                line = new WorkshopSignup(Id, householdPerson is null ? r.PersonId : null,
                    householdPerson ?? (householdPersons is not null && householdPersons.TryGetValue(r.PersonId, out var id) ? id : null), nowUtc);
                _signups.Add(line);
            }
            line.Take(r);
        }
        Seats = session.Seats;
        Version++;
    }
}

/// One person's line in a workshop session (one per person and session): a resident account, a
/// person of a household file (added by staff, with or without an account), or both. Written only
/// by its <see cref="Workshop"/>.
public class WorkshopSignup
{
    private WorkshopSignup() { }

    internal WorkshopSignup(long workshopId, string? personId, long? householdPersonId, DateTime nowUtc)
    {
        WorkshopId = workshopId;
        PersonId = personId;
        HouseholdPersonId = householdPersonId;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long WorkshopId { get; private set; }
    /// The resident account (id of Portal's PortalUser), when the person has one.
    public string? PersonId { get; private set; }
    /// The person of a household file, when staff added them.
    public long? HouseholdPersonId { get; private set; }
    public HouseholdPerson? HouseholdPerson { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public DateTime JoinedAtUtc { get; private set; }
    public DateTime? OfferExpiresAtUtc { get; private set; }
    public bool? Attended { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// Who the line is for in the domain's <see cref="WorkshopSession"/>.
    public string ParticipantKey => ParticipantKeys.Of(PersonId, HouseholdPersonId);

    internal void Take(WorkshopRegistration r)
    {
        Status = r.Status;
        JoinedAtUtc = DateTime.SpecifyKind(r.JoinedAtUtc, DateTimeKind.Utc);
        OfferExpiresAtUtc = r.OfferExpiresAtUtc is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null;
        Attended = r.Attended;
    }
}
