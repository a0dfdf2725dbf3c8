using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Appointments;

public sealed record SlotChoice(string WorkerId, string WorkerName, int PlaceId, DateTime StartUtc)
{
    /// The value of a slot's radio button: who and when, in one field.
    public string Value => $"{StartUtc.Ticks}_{WorkerId}";

    public static bool TryParse(string? value, out string workerId, out DateTime startUtc)
    {
        workerId = "";
        startUtc = default;
        var sep = value?.IndexOf('_') ?? -1;
        if (sep <= 0 || !long.TryParse(value![..sep], out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        workerId = value[(sep + 1)..];
        startUtc = new DateTime(ticks, DateTimeKind.Utc);
        return workerId.Length > 0;
    }
}

public sealed record SlotDay(DateOnly Day, IReadOnlyList<SlotChoice> Slots);

/// The outcome of a booking or a move: the appointment, or the French reason it was refused.
public sealed record BookingResult(Appointment? Appointment, string? Error)
{
    public static BookingResult Refused(string error) => new(null, error);
}

/// Loads what <see cref="Availability"/> needs from the database and writes appointments; the rules
/// themselves are the domain's.
public sealed class AppointmentBooking(PortalDbContext db, TimeProvider clock, AppointmentNotifier notifier)
{
    public const int DaysAhead = 21;
    public const string TakenMessage = "Ce créneau vient d'être pris. Choisissez-en un autre.";

    public AppointmentPolicy Policy => AppointmentPolicy.Default;

    public async Task<Availability> LoadAsync(DateOnly firstDay, DateOnly lastDay, int? placeId, string? workerId, CancellationToken ct)
    {
        var fromLocal = firstDay.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        var toLocal = lastDay.AddDays(2).ToDateTime(TimeOnly.MinValue);
        var fromUtc = DateTime.SpecifyKind(fromLocal, DateTimeKind.Utc).AddDays(-1);
        var toUtc = DateTime.SpecifyKind(toLocal, DateTimeKind.Utc).AddDays(1);

        var openings = await db.WorkerOpenings.AsNoTracking()
            .Where(o => (placeId == null || o.PlaceId == placeId) && (workerId == null || o.WorkerId == workerId))
            .ToListAsync(ct);
        var extras = await db.WorkerExtraOpenings.AsNoTracking()
            .Where(x => (placeId == null || x.PlaceId == placeId) && (workerId == null || x.WorkerId == workerId)
                && x.EndLocal > fromLocal && x.StartLocal < toLocal)
            .ToListAsync(ct);
        var workers = openings.Select(o => o.WorkerId).Concat(extras.Select(x => x.WorkerId)).Distinct().ToList();
        var absences = await db.WorkerAbsences.AsNoTracking()
            .Where(a => workers.Contains(a.WorkerId) && a.EndLocal > fromLocal && a.StartLocal < toLocal)
            .ToListAsync(ct);
        var bookings = await db.Appointments.AsNoTracking()
            .Where(a => workers.Contains(a.WorkerId) && a.Status != AppointmentStatus.Cancelled && a.StartUtc >= fromUtc && a.StartUtc < toUtc)
            .Select(a => new { a.Id, a.WorkerId, a.StartUtc, a.DurationMinutes })
            .ToListAsync(ct);
        return new Availability
        {
            Openings = openings.Select(o => o.ToDomain()).ToList(),
            ExtraOpenings = extras.Select(x => x.ToDomain()).ToList(),
            Absences = absences.Select(a => a.ToDomain()).ToList(),
            Bookings = bookings.Select(b => new BookedPeriod(b.Id, b.WorkerId, b.StartUtc, TimeSpan.FromMinutes(b.DurationMinutes))).ToList(),
        };
    }

    public DateOnly Today => DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));

    /// Free slots for a motif at a place over the next three weeks, by day.
    public Task<IReadOnlyList<SlotDay>> FreeSlotsAsync(AppointmentMotif motif, int placeId, long? ignoringAppointmentId, CancellationToken ct) =>
        FreeSlotsAsync(motif, placeId, ignoringAppointmentId, null, ct);

    /// Free slots of one worker (staff booking in their own or a colleague's agenda), or of anyone
    /// when <paramref name="workerId"/> is null.
    public async Task<IReadOnlyList<SlotDay>> FreeSlotsAsync(AppointmentMotif motif, int placeId, long? ignoringAppointmentId, string? workerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var first = Today;
        var last = first.AddDays(DaysAhead - 1);
        var availability = await LoadAsync(first, last, placeId, workerId, ct);
        var search = Policy.Search(first, last, TimeSpan.FromMinutes(motif.DurationMinutes), now) with { PlaceId = placeId, IgnoringAppointmentId = ignoringAppointmentId, WorkerId = workerId };
        var slots = availability.FreeSlots(search);
        var ids = slots.Select(s => s.WorkerId).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return slots
            // One worker per start time is enough for the person: they choose a time, not a worker.
            .DistinctBy(s => s.StartUtc)
            .GroupBy(s => s.Day)
            .Select(g => new SlotDay(g.Key, g.Select(s => new SlotChoice(s.WorkerId, names.GetValueOrDefault(s.WorkerId, ""), s.PlaceId, s.StartUtc)).ToList()))
            .ToList();
    }

    /// Motifs and places a person may book alone.
    public async Task<IReadOnlyList<AppointmentMotif>> BookableMotifsAsync(Actor actor, CancellationToken ct) =>
        (await db.AppointmentMotifs.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Name).ToListAsync(ct))
            .Where(m => m.ToDomain().IsBookableBy(actor)).ToList();

    public async Task<IReadOnlyList<Place>> PlacesForAsync(AppointmentMotif motif, CancellationToken ct) =>
        (await db.Places.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct))
            .Where(p => motif.ToDomain().AllowsPlace(p.Kind)).ToList();

    public async Task<BookingResult> BookAsync(string personId, string actorId, Actor actor, int motifId, int placeId, string workerId, DateTime startUtc, string? notes, CancellationToken ct)
    {
        var motif = await db.AppointmentMotifs.AsNoTracking().FirstOrDefaultAsync(m => m.Id == motifId && m.IsActive, ct);
        var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placeId && p.IsActive, ct);
        if (motif is null) return BookingResult.Refused("Choisissez le motif du rendez-vous.");
        if (place is null) return BookingResult.Refused("Choisissez le lieu du rendez-vous.");
        if (motif.ToDomain().RefusalFor(place.Kind, actor) is { } refusal) return BookingResult.Refused(refusal);

        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = Appointment.Book(personId, workerId, placeId, motifId, TimeSpan.FromMinutes(motif.DurationMinutes), startUtc, actorId, now, notes);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await SlotRefusalAsync(motif, placeId, workerId, startUtc, null, now, ct) is { } reason) return BookingResult.Refused(reason);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(ct);
            await notifier.QueueAsync(appointment.Id, AppointmentNotice.Confirmed, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new BookingResult(appointment, null);
        }
        catch (DbUpdateException e) when (IsSlotConflict(e))
        {
            db.ChangeTracker.Clear();
            return BookingResult.Refused(TakenMessage);
        }
    }

    public async Task<BookingResult> MoveAsync(Appointment appointment, Actor actor, string workerId, DateTime startUtc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Policy.Refusal(appointment.Status, appointment.StartUtc, AppointmentAction.Move, actor, now) is { } refusal) return BookingResult.Refused(refusal);
        var motif = await db.AppointmentMotifs.AsNoTracking().SingleAsync(m => m.Id == appointment.MotifId, ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await SlotRefusalAsync(motif, appointment.PlaceId, workerId, startUtc, appointment.Id, now, ct) is { } reason) return BookingResult.Refused(reason);
            appointment.MoveTo(workerId, appointment.PlaceId, startUtc, actor, now, Policy);
            await notifier.QueueAsync(appointment, AppointmentNotice.Moved, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new BookingResult(appointment, null);
        }
        catch (DbUpdateException e) when (IsSlotConflict(e))
        {
            db.ChangeTracker.Clear();
            return BookingResult.Refused(TakenMessage);
        }
    }

    /// Null when done, else the French reason.
    public async Task<string?> CancelAsync(Appointment appointment, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            appointment.Apply(AppointmentAction.Cancel, actor, now, Policy);
        }
        catch (DomainRuleException e)
        {
            return e.Message;
        }
        await notifier.QueueAsync(appointment, AppointmentNotice.Cancelled, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    // Run inside the booking transaction: the page was shown minutes ago.
    private async Task<string?> SlotRefusalAsync(AppointmentMotif motif, int placeId, string workerId, DateTime startUtc, long? ignoring, DateTime now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(French.ToParis(startUtc));
        var availability = await LoadAsync(day, day, placeId, workerId, ct);
        var search = Policy.Search(day, day, TimeSpan.FromMinutes(motif.DurationMinutes), now) with { IgnoringAppointmentId = ignoring };
        if (availability.IsOffered(search, workerId, placeId, startUtc)) return null;
        // Offered but for the bookings: someone else took it since the page was shown.
        return (availability with { Bookings = [] }).IsOffered(search, workerId, placeId, startUtc)
            ? TakenMessage
            : "Ce créneau n'est plus disponible. Choisissez-en un autre.";
    }

    private static bool IsSlotConflict(DbUpdateException e)
    {
        var message = e.InnerException?.Message ?? "";
        return message.Contains(PortalDbContext.SlotIndexName, StringComparison.OrdinalIgnoreCase)
            // SQLite names the columns, not the index.
            || message.Contains("Appointments.WorkerId, Appointments.StartUtc", StringComparison.OrdinalIgnoreCase);
    }
}

public enum AppointmentNotice
{
    Confirmed,
    Moved,
    Cancelled,
    Reminder,
}

/// Signs the cancellation link sent in every appointment email: the appointment id and the start it
/// was issued for, valid until the change limit (see <see cref="CancellationLink"/>).
public sealed class AppointmentTokens(IDataProtectionProvider provider)
{
    private readonly ITimeLimitedDataProtector protector =
        provider.CreateProtector("Passerelle.AppointmentCancel").ToTimeLimitedDataProtector();

    public string Issue(long appointmentId, DateTime startUtc, AppointmentPolicy policy) =>
        protector.Protect($"{appointmentId}:{startUtc.Ticks}", new DateTimeOffset(CancellationLink.ExpiresAtUtc(startUtc, policy), TimeSpan.Zero));

    /// Issues a token with any expiry (tests of expired links).
    internal string IssueExpiring(long appointmentId, DateTime startUtc, DateTimeOffset expiresAt) =>
        protector.Protect($"{appointmentId}:{startUtc.Ticks}", expiresAt);

    public bool TryRead(string? token, out long appointmentId, out DateTime issuedForStartUtc)
    {
        appointmentId = 0;
        issuedForStartUtc = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return false;
        string payload;
        try
        {
            payload = protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = payload.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], out appointmentId) || !long.TryParse(parts[1], out var ticks)) return false;
        issuedForStartUtc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}

/// Queues the email of an appointment change (in the caller's transaction), with its .ics.
public sealed class AppointmentNotifier(PortalDbContext db, AppointmentTokens tokens, PublicLinks links)
{
    public const string ListPath = "/espace/rendez-vous";
    public const string BookPath = "/espace/rendez-vous/prendre";

    public static string CancelPath(string token) => "/rendez-vous/annuler?jeton=" + Uri.EscapeDataString(token);

    public async Task QueueAsync(long appointmentId, AppointmentNotice notice, CancellationToken ct) =>
        await QueueAsync(await db.Appointments.SingleAsync(a => a.Id == appointmentId, ct), notice, ct);

    public async Task QueueAsync(Appointment appointment, AppointmentNotice notice, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == appointment.PersonId).Select(u => new { u.Email, u.FullName }).SingleAsync(ct);
        if (string.IsNullOrEmpty(person.Email)) return;
        var details = await DetailsAsync(appointment, ct);
        var list = links.Absolute(ListPath);
        var cancel = links.Absolute(CancelPath(tokens.Issue(appointment.Id, appointment.StartUtc, AppointmentPolicy.Default)));
        var content = notice switch
        {
            AppointmentNotice.Confirmed => AppointmentEmails.Confirmed(person.FullName, details, cancel, list),
            AppointmentNotice.Moved => AppointmentEmails.Moved(person.FullName, details, cancel, list),
            AppointmentNotice.Reminder => AppointmentEmails.Reminder(person.FullName, details, cancel, list),
            _ => AppointmentEmails.Cancelled(person.FullName, details, links.Absolute(BookPath)),
        };
        var email = EmailOutbox.Queue(db, person.Email, person.FullName, content);
        email.AttachmentName = AppointmentEmails.CalendarFileName;
        email.AttachmentContentType = AppointmentEmails.CalendarContentType;
        // The sequence grows with each change so calendars replace the event.
        email.AttachmentContent = AppointmentEmails.Calendar(details, (int)((appointment.ChangedAtUtc - appointment.CreatedAtUtc).TotalSeconds / 60 % int.MaxValue),
            notice == AppointmentNotice.Cancelled);
    }

    public async Task<AppointmentDetails> DetailsAsync(Appointment a, CancellationToken ct)
    {
        var place = await db.Places.AsNoTracking().SingleAsync(p => p.Id == a.PlaceId, ct);
        var motif = await db.AppointmentMotifs.AsNoTracking().Where(m => m.Id == a.MotifId).Select(m => m.Name).SingleAsync(ct);
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == a.WorkerId).Select(u => u.FullName).SingleAsync(ct);
        return new AppointmentDetails(a.Id, motif, a.StartUtc, a.EndUtc, place.Name, place.Address, worker);
    }
}
