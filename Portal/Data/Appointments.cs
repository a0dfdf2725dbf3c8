using Portal.Domain.Appointments;

namespace Portal.Data;

/// Where appointments happen: the office, a permanence, the person's home, the phone.
public class Place
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public PlaceKind Kind { get; set; }
    public string? Address { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public bool IsActive { get; set; } = true;
}

/// A <see cref="Motif"/> as stored and edited by admins.
public class AppointmentMotif
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int DurationMinutes { get; set; }
    public bool BookableByResidents { get; set; }
    public PlaceKinds AllowedPlaceKinds { get; set; }
    public bool IsActive { get; set; } = true;

    public Motif ToDomain() => new(Name, TimeSpan.FromMinutes(DurationMinutes), BookableByResidents, AllowedPlaceKinds);
}

/// A worker's weekly hours at one place, in Paris wall-clock time.
public class WorkerOpening
{
    public int Id { get; set; }
    public string WorkerId { get; set; } = "";
    public PortalUser? Worker { get; set; }
    public int PlaceId { get; set; }
    public Place? Place { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }

    public WeeklyOpening ToDomain() => new(WorkerId, PlaceId, Day, Start, End, From, Until);
}

/// Leave or training (every place when PlaceId is null), in Paris wall-clock time.
public class WorkerAbsence
{
    public int Id { get; set; }
    public string WorkerId { get; set; } = "";
    public int? PlaceId { get; set; }
    public DateTime StartLocal { get; set; }
    public DateTime EndLocal { get; set; }
    public string? Reason { get; set; }

    public Unavailability ToDomain() => new(WorkerId, new LocalRange(StartLocal, EndLocal), PlaceId, Reason);
}

/// A one-off opening outside the weekly hours, in Paris wall-clock time. (Named apart from the
/// domain's <see cref="ExtraOpening"/>, which it becomes.)
public class WorkerExtraOpening
{
    public int Id { get; set; }
    public string WorkerId { get; set; } = "";
    public int PlaceId { get; set; }
    public DateTime StartLocal { get; set; }
    public DateTime EndLocal { get; set; }

    public ExtraOpening ToDomain() => new(WorkerId, PlaceId, new LocalRange(StartLocal, EndLocal));
}
