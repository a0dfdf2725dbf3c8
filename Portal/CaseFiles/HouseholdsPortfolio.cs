using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;

namespace Portal.CaseFiles;

/// What needs doing next, most urgent first (the order of the enum).
public enum PortfolioAlert
{
    StayOverdue = 0,
    ReviewLate = 1,
    StayEnding = 2,
    UnreadMessage = 3,
    MissedAppointment = 4,
    ReviewDue = 5,
}

public sealed record PortfolioItem(PortfolioAlert Alert, string Text, string Url, DateOnly? On);

public sealed record PortfolioLine(long HouseholdId, string Name, IReadOnlyList<PortfolioItem> Items)
{
    public PortfolioAlert? MostUrgent => Items.Count == 0 ? null : Items.Min(i => i.Alert);
}

/// A worker's caseload and what each household needs next: a stay ending within a month or past
/// its end, a review late or due, a message from the person not read yet, an appointment missed in
/// the last 30 days.
public static class HouseholdsPortfolio
{
    public const int MissedAppointmentDays = 30;

    public static async Task<IReadOnlyList<PortfolioLine>> ForAsync(PortalDbContext db, string referentId, DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(French.ToParis(nowUtc));
        var households = await db.Households.AsNoTracking()
            .Where(h => h.ReferentId == referentId && h.Status == HouseholdStatus.Active)
            .OrderBy(h => h.SearchName).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.Name, h.HousingRequestId, h.ResidentId })
            .ToListAsync(ct);
        if (households.Count == 0) return [];
        var ids = households.Select(h => h.Id).ToList();
        var items = ids.ToDictionary(id => id, _ => new List<PortfolioItem>());

        var horizon = today.AddMonths(1);
        var stays = await db.Stays.AsNoTracking()
            .Where(s => ids.Contains(s.HouseholdId) && s.Status == StayStatus.Active && s.EndsOn <= horizon)
            .Select(s => new { s.HouseholdId, s.EndsOn }).ToListAsync(ct);
        foreach (var s in stays)
            items[s.HouseholdId].Add(s.EndsOn <= today
                ? new PortfolioItem(PortfolioAlert.StayOverdue, $"Séjour arrivé à son terme le {French.Date(s.EndsOn)} : renouvellement ou sortie à décider", $"/suivi/menages/{s.HouseholdId}#sejour", s.EndsOn)
                : new PortfolioItem(PortfolioAlert.StayEnding, $"Séjour se terminant le {French.Date(s.EndsOn)}", $"/suivi/menages/{s.HouseholdId}#sejour", s.EndsOn));

        var window = ReviewSchedule.LastDueDay(today);
        var measures = await db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews)
            .Where(m => ids.Contains(m.HouseholdId) && m.Status == MeasureStatus.Active && (m.NextReviewOn == null || m.NextReviewOn <= window))
            .ToListAsync(ct);
        foreach (var m in measures)
            foreach (var r in m.Reviews(today).Where(r => r.State is ReviewState.Late or ReviewState.Due))
                items[m.HouseholdId].Add(new PortfolioItem(
                    r.State == ReviewState.Late ? PortfolioAlert.ReviewLate : PortfolioAlert.ReviewDue,
                    r.State == ReviewState.Late
                        ? $"{r.Label} en retard ({m.Kind.Label()}), prévu le {French.Date(r.DueOn)}"
                        : $"{r.Label} à faire ({m.Kind.Label()}) pour le {French.Date(r.DueOn)}",
                    $"/suivi/menages/{m.HouseholdId}/accompagnement", r.DueOn));

        var requests = households.Where(h => h.HousingRequestId is not null).ToDictionary(h => h.HousingRequestId!.Value, h => h.Id);
        if (requests.Count > 0)
        {
            var requestIds = requests.Keys.ToList();
            var unread = await db.RequestMessages.AsNoTracking()
                .Where(m => requestIds.Contains(m.HousingRequestId) && !m.FromStaff && m.ReadAtUtc == null)
                .GroupBy(m => m.HousingRequestId)
                .Select(g => new { RequestId = g.Key, Count = g.Count(), First = g.Min(m => m.SentAtUtc) })
                .ToListAsync(ct);
            foreach (var u in unread)
                items[requests[u.RequestId]].Add(new PortfolioItem(PortfolioAlert.UnreadMessage,
                    u.Count == 1 ? $"Message de la personne non lu, envoyé le {French.Date(u.First)}" : $"{u.Count} messages de la personne non lus, depuis le {French.Date(u.First)}",
                    $"/suivi/demandes/{u.RequestId}#fil", DateOnly.FromDateTime(French.ToParis(u.First))));
        }

        var residents = households.Where(h => h.ResidentId is not null).GroupBy(h => h.ResidentId!).ToDictionary(g => g.Key, g => g.Select(h => h.Id).ToList());
        if (residents.Count > 0)
        {
            var residentIds = residents.Keys.ToList();
            var since = nowUtc.AddDays(-MissedAppointmentDays);
            var missed = await db.Appointments.AsNoTracking()
                .Where(a => residentIds.Contains(a.PersonId) && a.Status == AppointmentStatus.Missed && a.StartUtc >= since && a.StartUtc <= nowUtc)
                .Select(a => new { a.PersonId, a.StartUtc }).ToListAsync(ct);
            foreach (var a in missed)
                foreach (var hid in residents[a.PersonId])
                    items[hid].Add(new PortfolioItem(PortfolioAlert.MissedAppointment,
                        $"Rendez-vous manqué le {French.DateTimeShort(a.StartUtc)}", $"/suivi/menages/{hid}#journal", DateOnly.FromDateTime(French.ToParis(a.StartUtc))));
        }

        return households
            .Select(h => new PortfolioLine(h.Id, h.Name, items[h.Id].OrderBy(i => i.Alert).ThenBy(i => i.On).ToList()))
            .OrderBy(l => l.MostUrgent ?? (PortfolioAlert)int.MaxValue)
            .ThenBy(l => l.Items.Count == 0 ? DateOnly.MaxValue : l.Items[0].On ?? DateOnly.MaxValue)
            .ToList();
    }

    /// Counts for the dashboard over every household the person may open.
    public sealed record Counts(int MyHouseholds, int StaysEndingSoon, int ReviewsLate, int ReviewsDue);

    public static async Task<Counts> CountsAsync(PortalDbContext db, StaffScope scope, DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(French.ToParis(nowUtc));
        // Each stay looks up its household by key (EXISTS): "IN (visible households)" made SQLite
        // build the set of a whole team's households first, 0.4 s each at 100,000 households.
        var visible = scope.Visible(db.Households.AsNoTracking()).Where(h => h.Status == HouseholdStatus.Active);
        var mine = await db.Households.CountAsync(h => h.ReferentId == scope.UserId && h.Status == HouseholdStatus.Active, ct);
        var horizon = today.AddMonths(1);
        var ending = await db.Stays.AsNoTracking()
            .CountAsync(s => s.Status == StayStatus.Active && s.EndsOn <= horizon && visible.Any(h => h.Id == s.HouseholdId), ct);
        // Only the measures with a review late or within the window (the next review's date is kept
        // per measure): a team runs thousands of measures, a small part of them need a review now.
        // Thousands all the same at 100,000 households: their household's scope is read from the
        // copy each measure carries, not by looking up each household.
        var window = ReviewSchedule.LastDueDay(today);
        var running = scope.VisibleOfActiveHouseholds(db.SupportMeasures.AsNoTracking()).Where(m => m.Status == MeasureStatus.Active);
        // Two index ranges, the dated and the not yet dated ("date <= window OR no date" made SQLite
        // read every running measure); a running measure has no date only when every review is held
        // or until the start-up sweep dates it. In each, the measures and the months of their reviews
        // held are read apart, each from its index alone: read together, the reviews per measure want
        // the measures in key order, and SQLite then walks the whole table in that order.
        var (late, due) = (0, 0);
        foreach (var part in new[] { running.Where(m => m.NextReviewOn <= window), running.Where(m => m.NextReviewOn == null) })
        {
            var measures = await part.Select(m => new { m.Id, m.Kind, m.StartsOn, m.TotalMonths }).ToListAsync(ct);
            if (measures.Count == 0) continue;
            var held = (await part.Join(db.Set<Review>().AsNoTracking(), m => (long?)m.Id, r => EF.Property<long?>(r, "SupportMeasureId"),
                    (m, r) => new { m.Id, r.MonthsFromStart }).ToListAsync(ct))
                .ToLookup(r => r.Id, r => r.MonthsFromStart);
            foreach (var m in measures)
            {
                var counted = ReviewSchedule.Count(m.Kind, m.StartsOn, m.TotalMonths, held[m.Id].ToList(), today);
                (late, due) = (late + counted.Late, due + counted.Due);
            }
        }
        return new Counts(mine, ending, late, due);
    }
}
