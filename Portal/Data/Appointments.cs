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

/// A person's appointment with a worker. Status only changes through <see cref="Apply"/>, which
/// asks <see cref="AppointmentPolicy"/>.
public class Appointment
{
    public long Id { get; set; }
    public string WorkerId { get; set; } = "";
    public PortalUser? Worker { get; set; }
    public int PlaceId { get; set; }
    public Place? Place { get; set; }
    public int MotifId { get; set; }
    public AppointmentMotif? Motif { get; set; }
    /// The resident the appointment is for.
    public string PersonId { get; set; } = "";
    public PortalUser? Person { get; set; }
    public long? HousingRequestId { get; set; }
    public DateTime StartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Booked;
    public DateTime CreatedAtUtc { get; set; }
    /// When it was booked or last moved (the reminder rule needs it).
    public DateTime ChangedAtUtc { get; set; }
    public DateTime? ReminderSentAtUtc { get; set; }
    public string CreatedById { get; set; } = "";
    public string? Notes { get; set; }

    public DateTime EndUtc => StartUtc.AddMinutes(DurationMinutes);

    public void Apply(AppointmentAction action, Actor actor, DateTime nowUtc, AppointmentPolicy policy)
    {
        Status = policy.Apply(Status, StartUtc, action, actor, nowUtc);
        if (action is AppointmentAction.Move or AppointmentAction.Cancel) ChangedAtUtc = nowUtc;
    }

    /// Moves to a slot already checked with <see cref="Availability.EnsureOffered"/>.
    public void MoveTo(string workerId, int placeId, DateTime startUtc, Actor actor, DateTime nowUtc, AppointmentPolicy policy)
    {
        Apply(AppointmentAction.Move, actor, nowUtc, policy);
        WorkerId = workerId;
        PlaceId = placeId;
        StartUtc = startUtc;
        ReminderSentAtUtc = null;
    }
}
