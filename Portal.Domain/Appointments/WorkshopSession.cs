namespace Portal.Domain.Appointments;

/// Where a person stands for one workshop session.
public enum RegistrationStatus
{
    Registered = 0,
    Waiting = 1,
    /// A seat freed up and is held for this person until the offer expires.
    Offered = 2,
    Withdrawn = 3,
    OfferDeclined = 4,
    OfferExpired = 5,
}

public static class RegistrationStatusText
{
    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "Inscrit(e)",
        RegistrationStatus.Waiting => "Sur liste d'attente",
        RegistrationStatus.Offered => "Place proposée",
        RegistrationStatus.Withdrawn => "Désinscrit(e)",
        RegistrationStatus.OfferDeclined => "Place refusée",
        RegistrationStatus.OfferExpired => "Proposition expirée",
        _ => status.ToString(),
    };

    /// Still in the session or in its queue.
    public static bool IsActive(this RegistrationStatus status) =>
        status is RegistrationStatus.Registered or RegistrationStatus.Waiting or RegistrationStatus.Offered;

    public static string AttendanceLabel(bool? attended) => attended switch
    {
        true => "Présent(e)",
        false => "Absent(e)",
        null => "Non renseigné",
    };

    /// Themes offered when creating a workshop (free text is allowed too).
    public static IReadOnlyList<string> SuggestedThemes { get; } =
    [
        "Mon logement et moi",
        "Économies d'énergie",
        "Droits et devoirs des résidents",
        "Santé",
        "Budget",
        "Relogement",
    ];
}

/// One person's line in a session: one per person and session, reused when they sign up again.
public sealed class WorkshopRegistration
{
    /// Restores a line read from the database.
    public WorkshopRegistration(string personId, RegistrationStatus status, DateTime joinedAtUtc, DateTime? offerExpiresAtUtc = null, bool? attended = null)
    {
        PersonId = personId;
        Status = status;
        JoinedAtUtc = joinedAtUtc;
        OfferExpiresAtUtc = offerExpiresAtUtc;
        Attended = attended;
    }

    public string PersonId { get; }
    public RegistrationStatus Status { get; private set; }
    /// When the person last signed up: the order of the waiting list.
    public DateTime JoinedAtUtc { get; private set; }
    public DateTime? OfferExpiresAtUtc { get; private set; }
    /// Recorded by staff from the day of the session; null until then.
    public bool? Attended { get; private set; }

    internal void Join(RegistrationStatus status, DateTime nowUtc)
    {
        Status = status;
        JoinedAtUtc = nowUtc;
        OfferExpiresAtUtc = null;
        Attended = null;
    }

    internal void Become(RegistrationStatus status, DateTime? offerExpiresAtUtc = null)
    {
        Status = status;
        OfferExpiresAtUtc = offerExpiresAtUtc;
    }

    internal void RecordAttendance(bool attended) => Attended = attended;
}

/// A seat offered to someone from the waiting list: email them, with the deadline.
public sealed record SeatOffer(string PersonId, DateTime ExpiresAtUtc);

/// Offers made to people waiting, and offers that expired (both to notify).
public sealed record OfferChanges(IReadOnlyList<SeatOffer> OffersMade, IReadOnlyList<string> OffersLapsed);

/// What an operation did: where the person now stands, and the offers it made or let lapse as a
/// consequence (people to notify).
public sealed record WorkshopOutcome(
    RegistrationStatus Status,
    int? WaitingPosition,
    IReadOnlyList<SeatOffer> OffersMade,
    IReadOnlyList<string> OffersLapsed)
{
    /// The sentence shown to the person who acted.
    public string Message => Status switch
    {
        RegistrationStatus.Registered => "Votre inscription est enregistrée.",
        RegistrationStatus.Waiting => $"La séance est complète : vous êtes inscrit(e) sur la liste d'attente, en position {WaitingPosition}. Si une place se libère, nous vous la proposerons.",
        RegistrationStatus.Withdrawn => "Votre désinscription est enregistrée.",
        RegistrationStatus.OfferDeclined => "C'est noté : la place est proposée à la personne suivante.",
        _ => Status.Label(),
    };
}

/// A workshop session's seats, registrations and waiting list. Load the session and its lines (in
/// the order they were created, which breaks ties on JoinedAtUtc), call one method, then save every
/// line back by PersonId (adding the new ones) and send the offers in the outcome.
///
/// A freed seat is not given away: it is offered to the first person waiting (first come, first
/// served), held for them for <see cref="OfferValidity"/> (never past the start), and passes to the
/// next person if they decline or let it expire. Expired offers are settled at the start of every
/// operation; a recurring job calls <see cref="SettleExpiredOffers"/> so they also pass when nobody acts.
public sealed class WorkshopSession
{
    public static readonly TimeSpan DefaultOfferValidity = TimeSpan.FromHours(24);

    private readonly List<WorkshopRegistration> registrations;

    public WorkshopSession(int seats, DateTime startsAtUtc, IEnumerable<WorkshopRegistration>? registrations = null, TimeSpan? offerValidity = null)
    {
        if (seats < 1) throw new DomainRuleException("Une séance compte au moins une place.");
        Seats = seats;
        StartsAtUtc = DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc);
        OfferValidity = offerValidity ?? DefaultOfferValidity;
        this.registrations = registrations?.ToList() ?? [];
        if (this.registrations.GroupBy(r => r.PersonId).Any(g => g.Count() > 1))
            throw new ArgumentException("One line per person and session.", nameof(registrations));
    }

    public int Seats { get; private set; }
    public DateTime StartsAtUtc { get; }
    public TimeSpan OfferValidity { get; }
    public IReadOnlyList<WorkshopRegistration> Registrations => registrations;

    public IReadOnlyList<WorkshopRegistration> Participants =>
        registrations.Where(r => r.Status == RegistrationStatus.Registered).ToList();

    /// The queue, first in line first.
    public IReadOnlyList<WorkshopRegistration> WaitingList =>
        registrations.Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.JoinedAtUtc).ToList();

    /// Registered people and seats held for an offer (an expired offer counts until it is settled:
    /// call <see cref="SettleExpiredOffers"/> first when showing the seats left).
    public int SeatsTaken => registrations.Count(r => r.Status is RegistrationStatus.Registered or RegistrationStatus.Offered);

    public int SeatsLeft => Math.Max(0, Seats - SeatsTaken);

    public bool HasStarted(DateTime nowUtc) => nowUtc >= StartsAtUtc;

    /// Puts the person on the session's list with this status: a new line, or their old one back.
    private WorkshopOutcome PutOnList(string personId, RegistrationStatus status, DateTime nowUtc,
        IReadOnlyList<SeatOffer> offers, IReadOnlyList<string> lapsed)
    {
        var line = Find(personId);
        if (line is null)
        {
            line = new WorkshopRegistration(personId, status, nowUtc);
            registrations.Add(line);
        }
        else
        {
            line.Join(status, nowUtc);
        }
        return new WorkshopOutcome(status, WaitingPosition(personId), offers, lapsed);
    }

    public WorkshopRegistration? Find(string personId) => registrations.FirstOrDefault(r => r.PersonId == personId);

    /// 1-based place in the waiting list, or null when not waiting.
    public int? WaitingPosition(string personId)
    {
        var index = WaitingList.ToList().FindIndex(r => r.PersonId == personId);
        return index < 0 ? null : index + 1;
    }

    public WorkshopOutcome Register(string personId, DateTime nowUtc)
    {
        EnsureNotStarted(nowUtc, "Cette séance a déjà commencé : l'inscription est close.");
        var current = StatusOf(personId, nowUtc);
        if (current is { } s && s.IsActive())
            throw new DomainRuleException(s switch
            {
                RegistrationStatus.Registered => "Vous êtes déjà inscrit(e) à cette séance.",
                RegistrationStatus.Waiting => "Vous êtes déjà sur la liste d'attente de cette séance.",
                _ => "Une place vous est déjà proposée pour cette séance : acceptez-la ou refusez-la.",
            });

        var lapsed = SettleExpired(nowUtc, out var offers);
        // Someone already waiting keeps their turn even if a seat looks free.
        var status = SeatsLeft > 0 && WaitingList.Count == 0 ? RegistrationStatus.Registered : RegistrationStatus.Waiting;
        return PutOnList(personId, status, nowUtc, offers, lapsed);
    }

    /// Leaves the session or its waiting list, or declines a seat offered; a freed seat goes to the
    /// next person waiting.
    public WorkshopOutcome Withdraw(string personId, DateTime nowUtc)
    {
        EnsureNotStarted(nowUtc, "Cette séance a déjà commencé : il n'est plus possible de se désinscrire.");
        var current = StatusOf(personId, nowUtc);
        if (current is not { } s || !s.IsActive())
            throw new DomainRuleException(current == RegistrationStatus.OfferExpired
                ? OfferExpiredMessage
                : "Vous n'êtes pas inscrit(e) à cette séance.");

        var lapsed = SettleExpired(nowUtc, out var offers);
        var status = s == RegistrationStatus.Offered ? RegistrationStatus.OfferDeclined : RegistrationStatus.Withdrawn;
        Find(personId)!.Become(status);
        var made = offers.Concat(OfferFreeSeats(nowUtc)).ToList();
        return new WorkshopOutcome(status, null, made, lapsed);
    }

    public WorkshopOutcome AcceptOffer(string personId, DateTime nowUtc)
    {
        EnsureNotStarted(nowUtc, "Cette séance a déjà commencé.");
        var current = StatusOf(personId, nowUtc);
        if (current != RegistrationStatus.Offered)
            throw new DomainRuleException(current == RegistrationStatus.OfferExpired
                ? OfferExpiredMessage
                : "Aucune place ne vous est proposée pour cette séance.");

        var lapsed = SettleExpired(nowUtc, out var offers);
        Find(personId)!.Become(RegistrationStatus.Registered);
        return new WorkshopOutcome(RegistrationStatus.Registered, null, offers, lapsed);
    }

    public WorkshopOutcome DeclineOffer(string personId, DateTime nowUtc)
    {
        var current = StatusOf(personId, nowUtc);
        if (current != RegistrationStatus.Offered)
            throw new DomainRuleException(current == RegistrationStatus.OfferExpired
                ? OfferExpiredMessage
                : "Aucune place ne vous est proposée pour cette séance.");
        return Withdraw(personId, nowUtc);
    }

    /// For the recurring job: lets expired offers pass to the next people.
    public OfferChanges SettleExpiredOffers(DateTime nowUtc)
    {
        var lapsed = SettleExpired(nowUtc, out var offers);
        return new OfferChanges(offers, lapsed);
    }

    /// More seats make offers to the waiting list; fewer cannot drop below the people registered
    /// or holding an offer.
    public OfferChanges ChangeSeats(int seats, DateTime nowUtc)
    {
        if (seats < 1) throw new DomainRuleException("Une séance compte au moins une place.");
        // An expired offer's seat passes to the next person waiting, so it stays taken if anyone waits.
        var taken = registrations.Count(r => StatusOf(r.PersonId, nowUtc) is RegistrationStatus.Registered or RegistrationStatus.Offered);
        var expiredWithSuccessor = Math.Min(
            registrations.Count(r => r.Status == RegistrationStatus.Offered && StatusOf(r.PersonId, nowUtc) == RegistrationStatus.OfferExpired),
            WaitingList.Count);
        if (seats < taken + expiredWithSuccessor)
            throw new DomainRuleException($"{taken + expiredWithSuccessor} personnes sont déjà inscrites ou ont une place proposée : la séance ne peut pas compter moins de places.");
        var lapsed = SettleExpired(nowUtc, out var offers);
        Seats = seats;
        return new OfferChanges(HasStarted(nowUtc) ? offers : offers.Concat(OfferFreeSeats(nowUtc)).ToList(), lapsed);
    }

    /// Whether it is the session's day (Paris time) or later: staff then record who came, and may
    /// still add a person who turns up.
    public bool IsDayOrLater(DateTime nowUtc) => ParisDay(nowUtc) >= ParisDay(StartsAtUtc);

    /// Whether the session's day (Paris time) is over.
    public bool IsDayOver(DateTime nowUtc) => ParisDay(nowUtc) > ParisDay(StartsAtUtc);

    /// Staff add a person (with or without an account) to the session, until the end of its day: a
    /// seat if one is free and nobody waits, else the waiting list (before the start only).
    public WorkshopOutcome Enrol(string personId, DateTime nowUtc)
    {
        if (IsDayOver(nowUtc)) throw new DomainRuleException("Cette séance est passée : il n'est plus possible d'y inscrire quelqu'un.");
        var current = StatusOf(personId, nowUtc);
        if (current is { } s && s.IsActive())
            throw new DomainRuleException(s switch
            {
                RegistrationStatus.Registered => "Cette personne est déjà inscrite à la séance.",
                RegistrationStatus.Waiting => "Cette personne est déjà sur la liste d'attente.",
                _ => "Une place est déjà proposée à cette personne.",
            });
        var lapsed = SettleExpired(nowUtc, out var offers);
        var free = SeatsLeft > 0 && WaitingList.Count == 0;
        if (!free && HasStarted(nowUtc))
            throw new DomainRuleException("La séance a commencé et elle est complète : ajoutez une place avant d'inscrire cette personne.");
        var status = free ? RegistrationStatus.Registered : RegistrationStatus.Waiting;
        return PutOnList(personId, status, nowUtc, offers, lapsed);
    }

    /// Staff record who came, for registered participants only, from the day of the session (and
    /// may correct it afterwards).
    public void RecordAttendance(string personId, bool attended, DateTime nowUtc)
    {
        if (!IsDayOrLater(nowUtc))
            throw new DomainRuleException(AttendanceTooEarlyMessage);
        var line = Find(personId);
        if (line?.Status != RegistrationStatus.Registered)
            throw new DomainRuleException("La présence ne se note que pour les personnes inscrites à la séance.");
        line.RecordAttendance(attended);
    }

    public const string AttendanceTooEarlyMessage = "La présence se note à partir du jour de la séance.";

    private static DateOnly ParisDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ParisTime.Zone));

    private const string OfferExpiredMessage =
        "La place qui vous était proposée a expiré : elle a été proposée à la personne suivante.";

    // Where the person stands now, counting an offer past its deadline as expired even before it is
    // settled: every check runs on this before anything changes, so a refused operation changes nothing.
    private RegistrationStatus? StatusOf(string personId, DateTime nowUtc) => Find(personId) switch
    {
        null => null,
        { Status: RegistrationStatus.Offered } r when r.OfferExpiresAtUtc <= nowUtc => RegistrationStatus.OfferExpired,
        var r => r.Status,
    };

    private void EnsureNotStarted(DateTime nowUtc, string message)
    {
        if (HasStarted(nowUtc)) throw new DomainRuleException(message);
    }

    private List<string> SettleExpired(DateTime nowUtc, out List<SeatOffer> offers)
    {
        var lapsed = new List<string>();
        foreach (var line in registrations.Where(r => r.Status == RegistrationStatus.Offered && r.OfferExpiresAtUtc <= nowUtc))
        {
            line.Become(RegistrationStatus.OfferExpired);
            lapsed.Add(line.PersonId);
        }
        offers = HasStarted(nowUtc) ? [] : OfferFreeSeats(nowUtc);
        return lapsed;
    }

    private List<SeatOffer> OfferFreeSeats(DateTime nowUtc)
    {
        var offers = new List<SeatOffer>();
        var expires = Min(nowUtc + OfferValidity, StartsAtUtc);
        foreach (var next in WaitingList.Take(SeatsLeft))
        {
            next.Become(RegistrationStatus.Offered, expires);
            offers.Add(new SeatOffer(next.PersonId, expires));
        }
        return offers;
    }

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;
}

/// A session's line is for a resident account, or for a person of a household file who may have no
/// account: the domain knows them by one key.
public static class ParticipantKeys
{
    private const string HouseholdPersonPrefix = "menage-personne:";

    public static string Of(string? accountId, long? householdPersonId) =>
        accountId ?? (householdPersonId is { } id ? HouseholdPerson(id) : throw new ArgumentException("A line names an account or a person."));

    public static string HouseholdPerson(long id) => HouseholdPersonPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// The household person a key names when it names no account.
    public static long? HouseholdPersonOf(string key) =>
        key.StartsWith(HouseholdPersonPrefix, StringComparison.Ordinal)
        && long.TryParse(key.AsSpan(HouseholdPersonPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id : null;
}
