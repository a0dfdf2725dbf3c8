using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Workshops;
using Portal.Workshops;

namespace Portal.Pages.Espace.Ateliers;

/// One session as a resident sees it: what, when, where, the seats left, and where they stand.
public sealed record SessionCard(
    long Id, string Theme, string? Description, DateTime StartsAtUtc, int DurationMinutes, string Place, string? Address,
    int Seats, int SeatsLeft, int Waiting, bool IsCancelled, bool HasStarted,
    RegistrationStatus? Mine, int? Position, DateTime? OfferExpiresAtUtc, bool? Attended)
{
    public string Where => string.IsNullOrWhiteSpace(Address) ? Place : $"{Place} ({Address})";

    public string SeatsText => SeatsLeft switch
    {
        0 => $"Complet ({Seats} place{(Seats > 1 ? "s" : "")})",
        1 => $"1 place restante sur {Seats}",
        var n => $"{n} places restantes sur {Seats}",
    };

    public bool IsActive => Mine is { } s && s.IsActive();

    /// Signing up now would take a seat (else the person joins the waiting list).
    public bool SeatFree => SeatsLeft > 0 && Waiting == 0;

    public string HeadingId => $"atelier-{Id}-titre";

    public static SessionCard From(Workshop w, Place? place, string personId, DateTime nowUtc)
    {
        var session = w.CurrentSession(nowUtc);
        var mine = session.Find(personId);
        return new SessionCard(w.Id, w.Theme, w.Description, w.StartsAtUtc, w.DurationMinutes, place?.Name ?? "", place?.Address,
            w.Seats, session.SeatsLeft, session.WaitingList.Count, w.IsCancelled, session.HasStarted(nowUtc),
            mine?.Status, session.WaitingPosition(personId), mine?.Status == RegistrationStatus.Offered ? mine.OfferExpiresAtUtc : null, mine?.Attended);
    }

    /// Sessions to come (not cancelled), and every session the person has a line in.
    public static async Task<(List<SessionCard> Upcoming, List<SessionCard> Mine)> LoadAsync(PortalDbContext db, string personId, DateTime nowUtc, CancellationToken ct)
    {
        var workshops = await db.Workshops.AsNoTracking().Include(w => w.Signups)
            .Where(w => (!w.IsCancelled && w.StartsAtUtc > nowUtc) || w.Signups.Any(s => s.PersonId == personId))
            .OrderBy(w => w.StartsAtUtc)
            .ToListAsync(ct);
        var placeIds = workshops.Select(w => w.PlaceId).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var cards = workshops.Select(w => From(w, places.GetValueOrDefault(w.PlaceId), personId, nowUtc)).ToList();
        return (cards.Where(c => !c.IsCancelled && !c.HasStarted).ToList(), cards.Where(c => c.Mine is not null).ToList());
    }

    public static async Task<SessionCard?> LoadOneAsync(PortalDbContext db, long id, string personId, DateTime nowUtc, CancellationToken ct)
    {
        var w = await db.Workshops.AsNoTracking().Include(x => x.Signups).FirstOrDefaultAsync(x => x.Id == id, ct);
        // A cancelled or past session is shown only to the people who had a line in it.
        if (w is null || ((w.IsCancelled || w.StartsAtUtc <= nowUtc) && w.Signups.All(s => s.PersonId != personId))) return null;
        var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == w.PlaceId, ct);
        return From(w, place, personId, nowUtc);
    }
}
