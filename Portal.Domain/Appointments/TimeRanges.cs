namespace Portal.Domain.Appointments;

/// A half-open span of instants [Start, End): a range ending at 10:00 and one starting at 10:00 do
/// not overlap, so back-to-back appointments are allowed.
public readonly record struct UtcRange
{
    public UtcRange(DateTime startUtc, DateTime endUtc)
    {
        if (endUtc <= startUtc) throw new ArgumentException("A range ends after it starts.", nameof(endUtc));
        // Dates read back from a database often come without a kind: they are UTC here by contract.
        StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        EndUtc = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
    }

    public DateTime StartUtc { get; }
    public DateTime EndUtc { get; }
    public TimeSpan Duration => EndUtc - StartUtc;

    public static UtcRange Of(DateTime startUtc, TimeSpan duration) => new(startUtc, startUtc + duration);

    public bool Overlaps(UtcRange other) => StartUtc < other.EndUtc && other.StartUtc < EndUtc;

    public bool Contains(DateTime utc) => StartUtc <= utc && utc < EndUtc;
}

/// A span of Paris wall-clock time [Start, End) (a leave, a training, an extra opening), as staff
/// type it. Converted to instants with <see cref="ParisTime.BoundaryToUtc"/>.
public readonly record struct LocalRange
{
    public LocalRange(DateTime start, DateTime end)
    {
        if (end <= start) throw new DomainRuleException("La fin doit être après le début.");
        Start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
        End = DateTime.SpecifyKind(end, DateTimeKind.Unspecified);
    }

    public DateTime Start { get; }
    public DateTime End { get; }

    /// Whole days, from the first to the last inclusive (a week of leave: Monday to Friday).
    public static LocalRange WholeDays(DateOnly first, DateOnly last) =>
        new(first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static LocalRange On(DateOnly day, TimeOnly start, TimeOnly end) =>
        new(day.ToDateTime(start), day.ToDateTime(end));

    public UtcRange ToUtc() => new(ParisTime.BoundaryToUtc(Start), ParisTime.BoundaryToUtc(End));
}
