namespace Portal.Domain.Appointments;

/// A worker's usual opening hours at one place, on one day of the week, in Paris wall-clock time;
/// optionally only between two dates (a timetable that changes in September).
public sealed record WeeklyOpening
{
    public WeeklyOpening(string workerId, int placeId, DayOfWeek day, TimeOnly start, TimeOnly end, DateOnly? from = null, DateOnly? until = null)
    {
        if (end <= start) throw new DomainRuleException("L'heure de fin doit être après l'heure de début.");
        if (from is { } f && until is { } u && u < f) throw new DomainRuleException("La date de fin doit être après la date de début.");
        WorkerId = workerId;
        PlaceId = placeId;
        Day = day;
        Start = start;
        End = end;
        From = from;
        Until = until;
    }

    public string WorkerId { get; }
    public int PlaceId { get; }
    public DayOfWeek Day { get; }
    public TimeOnly Start { get; }
    public TimeOnly End { get; }
    public DateOnly? From { get; }
    public DateOnly? Until { get; }

    public bool AppliesOn(DateOnly date) =>
        date.DayOfWeek == Day && (From is null || date >= From) && (Until is null || date <= Until);

    /// Two openings of the same worker that overlap on the same day (and dates): a worker cannot
    /// hold two places at once, so the admin form should refuse it.
    public bool ConflictsWith(WeeklyOpening other) =>
        WorkerId == other.WorkerId && Day == other.Day
        && Start < other.End && other.Start < End
        && (From is null || other.Until is null || From <= other.Until)
        && (other.From is null || Until is null || other.From <= Until);
}

/// A time the worker is away (leave, training), at every place when PlaceId is null, or only at one
/// place (a permanence cancelled that week). It removes every slot it touches, extra ones included.
public sealed record Unavailability(string WorkerId, LocalRange Range, int? PlaceId = null, string? Reason = null);

/// A one-off opening outside the weekly hours (an extra permanence on a Saturday morning).
public sealed record ExtraOpening(string WorkerId, int PlaceId, LocalRange Range);

/// An appointment already held by a worker, wherever it is: it blocks that worker everywhere.
/// Pass only appointments that still hold their time (see <see cref="AppointmentStatusText.HoldsTime"/>).
public sealed record BookedPeriod(long AppointmentId, string WorkerId, DateTime StartUtc, TimeSpan Duration)
{
    public UtcRange Range => UtcRange.Of(StartUtc, Duration);
}

/// What to look for: slots of this length between two Paris dates (inclusive), from now on.
public sealed record SlotSearch(DateOnly FirstDay, DateOnly LastDay, TimeSpan Duration, DateTime NowUtc)
{
    /// Slots start at least this long after now (time for the worker to see it coming).
    public TimeSpan MinimumNotice { get; init; } = AppointmentPolicy.DefaultMinimumNotice;

    /// Distance between two slot starts; the motif's duration when not set.
    public TimeSpan? Step { get; init; }

    /// When moving an appointment: its own time does not count as taken.
    public long? IgnoringAppointmentId { get; init; }

    public string? WorkerId { get; init; }
    public int? PlaceId { get; init; }
}

/// A free slot: who, where, and when, as instants and as Paris times (with their offset).
public sealed record Slot(string WorkerId, int PlaceId, DateTimeOffset Start, DateTimeOffset End)
{
    public DateTime StartUtc => Start.UtcDateTime;
    public DateTime EndUtc => End.UtcDateTime;
    public UtcRange Range => new(StartUtc, EndUtc);
    public DateOnly Day => DateOnly.FromDateTime(Start.DateTime);
    public TimeOnly StartTime => TimeOnly.FromDateTime(Start.DateTime);
}

/// Everything that decides when workers are free: weekly hours, absences, extra openings and the
/// appointments already booked. Load the rows for the workers and dates concerned, then ask.
public sealed record Availability
{
    public IReadOnlyList<WeeklyOpening> Openings { get; init; } = [];
    public IReadOnlyList<Unavailability> Absences { get; init; } = [];
    public IReadOnlyList<ExtraOpening> ExtraOpenings { get; init; } = [];
    public IReadOnlyList<BookedPeriod> Bookings { get; init; } = [];

    /// Free slots, sorted by start then worker then place. A slot starts on the grid of its opening
    /// (opening start + n × step, in Paris time), fits entirely in the opening, starts after now +
    /// notice, and touches no absence and no booking of its worker at any place.
    public IReadOnlyList<Slot> FreeSlots(SlotSearch search)
    {
        if (search.Duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(search), "A slot lasts some time.");
        var step = search.Step ?? search.Duration;
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(search), "Slots move forward.");
        var earliest = DateTime.SpecifyKind(search.NowUtc, DateTimeKind.Utc) + search.MinimumNotice;

        var slots = new List<Slot>();
        foreach (var (workerId, placeId, window) in Windows(search))
        {
            var windowEndUtc = ParisTime.BoundaryToUtc(window.End);
            DateTime? previousStart = null;
            for (var local = window.Start; local < window.End; local += step)
            {
                if (!ParisTime.TryStartToUtc(local, out var startUtc)) continue;
                // Around a clock change the wall-clock grid and real time part ways; a slot closer
                // than one step to the previous one would overlap it, so it is dropped.
                if (previousStart is { } p && startUtc - p < step) continue;
                var range = UtcRange.Of(startUtc, search.Duration);
                if (range.EndUtc > windowEndUtc) break;
                previousStart = startUtc;
                if (startUtc < earliest) continue;
                if (IsWorkerAway(workerId, placeId, range) || IsWorkerBusy(workerId, range, search.IgnoringAppointmentId)) continue;
                slots.Add(new Slot(workerId, placeId, ParisTime.FromUtc(range.StartUtc), ParisTime.FromUtc(range.EndUtc)));
            }
        }
        return slots
            .DistinctBy(s => (s.WorkerId, s.PlaceId, s.StartUtc))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.WorkerId, StringComparer.Ordinal).ThenBy(s => s.PlaceId)
            .ToList();
    }

    /// Whether this exact slot is still offered: the check to run again on confirmation, since the
    /// page was shown some minutes ago and someone else may have taken it.
    public bool IsOffered(SlotSearch search, string workerId, int placeId, DateTime startUtc)
    {
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var day = ParisTime.FromUtc(start);
        var narrowed = search with
        {
            FirstDay = DateOnly.FromDateTime(day.DateTime),
            LastDay = DateOnly.FromDateTime(day.DateTime),
            WorkerId = workerId,
            PlaceId = placeId,
        };
        return FreeSlots(narrowed).Any(s => s.StartUtc == start);
    }

    public void EnsureOffered(SlotSearch search, string workerId, int placeId, DateTime startUtc)
    {
        if (!IsOffered(search, workerId, placeId, startUtc))
            throw new DomainRuleException("Ce créneau n'est plus disponible. Choisissez-en un autre.");
    }

    /// Whether the worker already has an appointment overlapping this time, at any place.
    public bool IsWorkerBusy(string workerId, UtcRange range, long? ignoringAppointmentId = null) =>
        Bookings.Any(b => b.WorkerId == workerId && b.AppointmentId != ignoringAppointmentId && b.Range.Overlaps(range));

    /// For staff who set a time by hand (outside opening hours, a home visit agreed on the phone):
    /// only the rule that a worker is never in two places at once applies.
    public void EnsureWorkerFree(string workerId, UtcRange range, long? ignoringAppointmentId = null)
    {
        if (IsWorkerBusy(workerId, range, ignoringAppointmentId))
            throw new DomainRuleException("Cette personne de l'équipe a déjà un rendez-vous sur ce créneau.");
    }

    public bool IsWorkerAway(string workerId, int placeId, UtcRange range) =>
        Absences.Any(a => a.WorkerId == workerId && (a.PlaceId is null || a.PlaceId == placeId) && a.Range.ToUtc().Overlaps(range));

    private IEnumerable<(string WorkerId, int PlaceId, LocalRange Window)> Windows(SlotSearch search)
    {
        bool Wanted(string workerId, int placeId) =>
            (search.WorkerId is null || search.WorkerId == workerId) && (search.PlaceId is null || search.PlaceId == placeId);

        for (var day = search.FirstDay; day <= search.LastDay; day = day.AddDays(1))
            foreach (var o in Openings)
                if (Wanted(o.WorkerId, o.PlaceId) && o.AppliesOn(day))
                    yield return (o.WorkerId, o.PlaceId, LocalRange.On(day, o.Start, o.End));

        foreach (var x in ExtraOpenings)
        {
            var day = DateOnly.FromDateTime(x.Range.Start);
            if (Wanted(x.WorkerId, x.PlaceId) && day >= search.FirstDay && day <= search.LastDay)
                yield return (x.WorkerId, x.PlaceId, x.Range);
        }
    }
}
