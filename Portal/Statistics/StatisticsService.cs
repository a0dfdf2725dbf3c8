using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents.Templates;
using Portal.Domain.Appointments;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Workshops;

namespace Portal.Statistics;

/// What the figures are narrowed to, on top of the person's scope.
public sealed record StatsFilter(int? TeamId = null, Funder? Funder = null, SupportKind? Kind = null, long? ResidenceId = null, TargetGroups? Group = null)
{
    public static readonly StatsFilter None = new();
}

public sealed record RequestFigures(
    int Received, int Decided, int Accepted, int Refused, IReadOnlyList<CountLine> RefusalReasons,
    decimal? MedianDaysToDecision, decimal? P90DaysToDecision, IReadOnlyList<MonthCount> ReceivedByMonth);

public sealed record MonthCount(DateOnly Month, int Count);

public sealed record KindFigures(string Kind, SupportKind Value, int Opened, int Active, int Closed);

public sealed record MeasureFigures(int Opened, int Active, int Closed, IReadOnlyList<KindFigures> ByKind, decimal? AverageMonths, decimal? MedianMonths);

public sealed record ReviewFigures(int Due, int OnTime, int Late, int Missing)
{
    public decimal? OnTimeRate => Due == 0 ? null : Math.Round(100m * OnTime / Due, 1);
}

public sealed record ExitFigures(int Total, int Rehoused, IReadOnlyList<CountLine> ByDestination)
{
    public decimal? RehousedShare => Total == 0 ? null : Math.Round(100m * Rehoused / Total, 1);
}

public sealed record ResidenceOccupancy(long ResidenceId, string Residence, int Dwellings, decimal? Rate, IReadOnlyList<decimal?> ByMonth);

public sealed record OccupancyFigures(IReadOnlyList<DateOnly> Months, IReadOnlyList<ResidenceOccupancy> Residences, decimal? Rate);

public sealed record AidFigures(decimal Committed, decimal Budget, int Grants, int Households)
{
    public decimal? Rate => Budget == 0 ? null : Math.Round(100m * Committed / Budget, 1);
}

public sealed record AppointmentFigures(int Booked, int Honoured, int Missed, int Cancelled, int HomeVisits)
{
    public decimal? HonouredRate => Honoured + Missed == 0 ? null : Math.Round(100m * Honoured / (Honoured + Missed), 1);
}

public sealed record WorkshopFigures(int Sessions, int Seats, int Registered, int Attended, int Absent)
{
    public decimal? FillRate => Seats == 0 ? null : Math.Round(100m * Registered / Seats, 1);
    public decimal? AttendanceRate => Attended + Absent == 0 ? null : Math.Round(100m * Attended / (Attended + Absent), 1);
}

/// A funder's activity valued at the unit costs, against the budget it granted for the period.
public sealed record FunderValue(Funder Funder, string Name, int Households, int Diagnostics, int HouseholdMonths, decimal Valued, decimal? Budget)
{
    public decimal? Gap => Budget is { } b ? Valued - b : null;
}

public sealed record Statistics(
    StatsPeriod Period, RequestFigures Requests, Activity Activity, MeasureFigures Measures, ReviewFigures Reviews,
    ExitFigures Exits, OccupancyFigures Occupancy, AidFigures Aid, AppointmentFigures Appointments,
    WorkshopFigures Workshops, IReadOnlyList<FunderValue> Funders);

/// The figures of /suivi/statistiques for a period, within a staff member's scope: one query (or a
/// few) per family of indicators, aggregated in memory where SQL would differ between providers
/// (medians, percentiles, day counts).
public sealed class StatisticsService(PortalDbContext db, TimeProvider clock)
{
    /// Destinations that are ordinary housing (the household holds or will hold its own lease).
    public static readonly ExitDestination[] OrdinaryHousing = [ExitDestination.SocialLandlord, ExitDestination.PrivateRental, ExitDestination.SlidingLease];

    public DateOnly Today => DateOnly.FromDateTime(Domain.Formatting.French.ToParis(clock.GetUtcNow().UtcDateTime));

    public IQueryable<Household> Households(StaffScope scope, StatsFilter f)
    {
        var query = scope.Visible(db.Households.AsNoTracking());
        if (f.TeamId is { } team) query = query.Where(h => h.TeamId == team);
        if (f.Group is { } group and not TargetGroups.None) query = query.Where(h => (h.TargetGroups & group) != 0);
        if (f.ResidenceId is { } residence)
            query = query.Where(h => db.Stays.Any(s => s.HouseholdId == h.Id && db.Dwellings.Any(d => d.Id == s.DwellingId && d.ResidenceId == residence)));
        if (f.Funder is { } funder) query = query.Where(h => db.SupportMeasures.Any(m => m.HouseholdId == h.Id && m.Funder == funder));
        if (f.Kind is { } kind) query = query.Where(h => db.SupportMeasures.Any(m => m.HouseholdId == h.Id && m.Kind == kind));
        return query;
    }

    public IQueryable<HousingRequest> Requests(StaffScope scope, StatsFilter f)
    {
        var query = scope.Visible(db.HousingRequests.AsNoTracking());
        if (f.TeamId is { } team) query = query.Where(r => r.TeamId == team);
        if (f.Group is { } group and not TargetGroups.None) query = query.Where(r => (r.TargetGroups & group) != 0);
        return query;
    }

    private IQueryable<Workshop> Workshops(StaffScope scope, StatsFilter f)
    {
        var query = db.Workshops.AsNoTracking();
        if (!scope.IsManager) query = query.Where(w => w.TeamId == scope.TeamId || w.LeaderId == scope.UserId);
        if (f.TeamId is { } team) query = query.Where(w => w.TeamId == team);
        return query;
    }

    public async Task<Statistics> ComputeAsync(StaffScope scope, StatsFilter f, StatsPeriod p, CancellationToken ct)
    {
        var households = Households(scope, f);
        var today = Today;
        return new Statistics(p,
            await RequestsAsync(scope, f, p, ct),
            await ActivityFigures.ComputeAsync(db, p.First, p.Last, today, f.Funder, f.Kind, households, Workshops(scope, f), ct),
            await MeasuresAsync(households, f, p, ct),
            await ReviewsAsync(households, f, p, today, ct),
            await ExitsAsync(households, p, ct),
            await OccupancyAsync(f, p, today, ct),
            await AidAsync(households, p, ct),
            await AppointmentsAsync(scope, f, households, p, ct),
            await WorkshopsAsync(scope, f, p, ct),
            await FundersAsync(households, f, p, today, ct));
    }

    private async Task<RequestFigures> RequestsAsync(StaffScope scope, StatsFilter f, StatsPeriod p, CancellationToken ct)
    {
        var requests = Requests(scope, f);
        var (from, to) = (p.FromUtc, p.ToUtc);
        var received = await requests.Where(r => r.SubmittedAtUtc >= from && r.SubmittedAtUtc < to)
            .Select(r => r.SubmittedAtUtc!.Value).ToListAsync(ct);
        var ids = requests.Select(r => r.Id);
        var decisions = await db.RequestEvents.AsNoTracking()
            .Where(e => ids.Contains(e.HousingRequestId) && e.AtUtc >= from && e.AtUtc < to
                        && (e.ToStatus == RequestStatus.Accepted || e.ToStatus == RequestStatus.Refused))
            .Join(db.HousingRequests, e => e.HousingRequestId, r => r.Id, (e, r) => new { e.HousingRequestId, e.ToStatus, e.AtUtc, e.Note, r.SubmittedAtUtc })
            .ToListAsync(ct);
        // One decision per request: the last one of the period (a refusal reviewed into an acceptance counts once).
        var last = decisions.GroupBy(d => d.HousingRequestId).Select(g => g.MaxBy(d => d.AtUtc)!).ToList();
        var days = last.Where(d => d.SubmittedAtUtc is not null)
            .Select(d => (decimal)(d.AtUtc - d.SubmittedAtUtc!.Value).TotalDays).Order().ToList();
        var months = p.Months().ToList();
        return new RequestFigures(
            received.Count, last.Count,
            last.Count(d => d.ToStatus == RequestStatus.Accepted), last.Count(d => d.ToStatus == RequestStatus.Refused),
            ActivityFigures.Count(last.Where(d => d.ToStatus == RequestStatus.Refused), d => string.IsNullOrWhiteSpace(d.Note) ? "Motif non précisé" : d.Note.Trim()),
            Percentile(days, 0.5m), Percentile(days, 0.9m),
            months.Select(m => new MonthCount(m, received.Count(r => Month(r) == m))).ToList());
    }

    private static DateOnly Month(DateTime utc)
    {
        var paris = Domain.Formatting.French.ToParis(utc);
        return new DateOnly(paris.Year, paris.Month, 1);
    }

    /// The nearest-rank percentile of sorted values (the median of 1, 2, 10 is 2; its 90th is 10), in
    /// days rounded to a tenth.
    public static decimal? Percentile(IReadOnlyList<decimal> sorted, decimal q)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }

    private static decimal? Median(IReadOnlyList<decimal> sorted)
    {
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 1);
    }

    private IQueryable<SupportMeasure> Measures(IQueryable<Household> households, StatsFilter f)
    {
        var ids = households.Select(h => h.Id);
        var query = db.SupportMeasures.AsNoTracking().Where(m => ids.Contains(m.HouseholdId));
        if (f.Funder is { } funder) query = query.Where(m => m.Funder == funder);
        if (f.Kind is { } kind) query = query.Where(m => m.Kind == kind);
        return query;
    }

    private async Task<MeasureFigures> MeasuresAsync(IQueryable<Household> households, StatsFilter f, StatsPeriod p, CancellationToken ct)
    {
        var (first, last) = (p.First, p.Last);
        var rows = await Measures(households, f).Where(m => m.StartsOn <= last && (m.EndedOn == null || m.EndedOn >= first))
            .Select(m => new { m.Kind, m.StartsOn, m.EndedOn }).ToListAsync(ct);
        var closed = rows.Where(m => m.EndedOn is { } e && p.Contains(e)).ToList();
        var lengths = closed.Select(m => Math.Round((m.EndedOn!.Value.DayNumber - m.StartsOn.DayNumber) / 30.4375m, 1)).Order().ToList();
        var byKind = rows.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => new KindFigures(g.Key.Label(), g.Key,
            g.Count(m => p.Contains(m.StartsOn)), g.Count(), g.Count(m => m.EndedOn is { } e && p.Contains(e)))).ToList();
        return new MeasureFigures(rows.Count(m => p.Contains(m.StartsOn)), rows.Count, closed.Count, byKind,
            lengths.Count == 0 ? null : Math.Round(lengths.Average(), 1), Median(lengths));
    }

    /// Reviews due in the period: held by their due date (on time), held after it (late), or not
    /// held yet though due (missing, also late).
    private async Task<ReviewFigures> ReviewsAsync(IQueryable<Household> households, StatsFilter f, StatsPeriod p, DateOnly today, CancellationToken ct)
    {
        var (first, last) = (p.First, p.Last);
        var measures = await Measures(households, f).Include(m => m.RecordedReviews)
            .Where(m => m.StartsOn <= last && (m.EndedOn == null || m.EndedOn >= first)).ToListAsync(ct);
        int due = 0, onTime = 0, late = 0, missing = 0;
        foreach (var m in measures)
        {
            foreach (var r in m.Reviews(today).Where(r => p.Contains(r.DueOn) && r.State != ReviewState.NotHeld))
            {
                var held = m.RecordedReviews.FirstOrDefault(x => x.MonthsFromStart == r.MonthsFromStart);
                if (held is null && r.DueOn >= today) continue;
                due++;
                if (held is null) missing++;
                else if (held.HeldOn <= r.DueOn) onTime++;
                else late++;
            }
        }
        return new ReviewFigures(due, onTime, late, missing);
    }

    private async Task<ExitFigures> ExitsAsync(IQueryable<Household> households, StatsPeriod p, CancellationToken ct)
    {
        var ids = households.Select(h => h.Id);
        var (first, last) = (p.First, p.Last);
        var exits = await db.Exits.AsNoTracking().Where(e => ids.Contains(e.HouseholdId) && e.ExitedOn >= first && e.ExitedOn <= last)
            .Select(e => e.Destination).ToListAsync(ct);
        return new ExitFigures(exits.Count, exits.Count(OrdinaryHousing.Contains), ActivityFigures.Count(exits, d => d.Label()));
    }

    /// Nights occupied over nights available, per residence and month: a dwelling in the stock is
    /// available every night of the period (withdrawn dwellings are left out).
    private async Task<OccupancyFigures> OccupancyAsync(StatsFilter f, StatsPeriod p, DateOnly today, CancellationToken ct)
    {
        var (first, last) = (p.First, p.Last);
        var dwellings = db.Dwellings.AsNoTracking().Where(d => !d.IsWithdrawn);
        if (f.ResidenceId is { } rid) dwellings = dwellings.Where(d => d.ResidenceId == rid);
        var stock = await dwellings.Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => new { d.Id, d.ResidenceId, r.Name }).ToListAsync(ct);
        var dwellingIds = stock.Select(d => d.Id).ToList();
        var stays = await db.Stays.AsNoTracking()
            .Where(s => dwellingIds.Contains(s.DwellingId) && s.StartsOn <= last && (s.ExitedOn == null || s.ExitedOn >= first))
            .Select(s => new { s.DwellingId, s.StartsOn, s.ExitedOn }).ToListAsync(ct);
        var end = last < today ? last : today;
        var months = p.Months().Where(m => m <= end).ToList();
        var residenceOf = stock.ToDictionary(d => d.Id, d => d.ResidenceId);

        int Nights(DateOnly from, DateOnly to, DateOnly starts, DateOnly? exited)
        {
            var a = starts > from ? starts : from;
            var b = exited is { } e && e <= to ? e.AddDays(-1) : to;
            return Math.Max(0, b.DayNumber - a.DayNumber + 1);
        }
        (DateOnly From, DateOnly To) Span(DateOnly month) =>
            (month < first ? first : month, month.AddMonths(1).AddDays(-1) is var me && me > end ? end : me);

        var residences = stock.GroupBy(d => (d.ResidenceId, d.Name)).OrderBy(g => g.Key.Name).Select(g =>
        {
            var count = g.Count();
            var byMonth = months.Select(m =>
            {
                var (a, b) = Span(m);
                var available = count * (b.DayNumber - a.DayNumber + 1);
                var occupied = stays.Where(s => residenceOf[s.DwellingId] == g.Key.ResidenceId).Sum(s => Nights(a, b, s.StartsOn, s.ExitedOn));
                return available <= 0 ? (decimal?)null : Math.Round(100m * Math.Min(occupied, available) / available, 1);
            }).ToList();
            var total = end < first ? 0 : count * (end.DayNumber - first.DayNumber + 1);
            var nights = end < first ? 0 : stays.Where(s => residenceOf[s.DwellingId] == g.Key.ResidenceId).Sum(s => Nights(first, end, s.StartsOn, s.ExitedOn));
            return new ResidenceOccupancy(g.Key.ResidenceId, g.Key.Name, count, total == 0 ? null : Math.Round(100m * Math.Min(nights, total) / total, 1), byMonth);
        }).ToList();
        var allNights = end < first ? 0 : stock.Count * (end.DayNumber - first.DayNumber + 1);
        var allOccupied = end < first ? 0 : stays.Sum(s => Nights(first, end, s.StartsOn, s.ExitedOn));
        return new OccupancyFigures(months, residences, allNights == 0 ? null : Math.Round(100m * Math.Min(allOccupied, allNights) / allNights, 1));
    }

    /// What the aid fund pays for months of the period, against the year's budget taken pro rata of
    /// the period's days in each year.
    private async Task<AidFigures> AidAsync(IQueryable<Household> households, StatsPeriod p, CancellationToken ct)
    {
        var ids = households.Select(h => h.Id);
        var firstMonth = new DateOnly(p.First.Year, p.First.Month, 1);
        var earliest = firstMonth.AddMonths(-AidGrant.MaxMonths);
        var last = p.Last;
        var grants = await db.AidGrants.AsNoTracking().Where(g => ids.Contains(g.HouseholdId) && g.StartMonth >= earliest && g.StartMonth <= last).ToListAsync(ct);
        var paid = grants.Select(g => (g.HouseholdId, Amount: g.PaidMonths().Where(m => m >= firstMonth && m <= last).Count() * g.MonthlyAmount))
            .Where(x => x.Amount > 0).ToList();
        var years = Enumerable.Range(p.First.Year, p.Last.Year - p.First.Year + 1).ToList();
        var budgets = await db.HousingAidFunds.AsNoTracking().Where(b => years.Contains(b.Year)).Select(b => new { b.Year, b.Budget }).ToListAsync(ct);
        var budget = budgets.Sum(b =>
        {
            var yearFirst = new DateOnly(b.Year, 1, 1);
            var yearLast = new DateOnly(b.Year, 12, 31);
            var from = p.First > yearFirst ? p.First : yearFirst;
            var to = p.Last < yearLast ? p.Last : yearLast;
            return Math.Round(b.Budget * (to.DayNumber - from.DayNumber + 1) / (yearLast.DayNumber - yearFirst.DayNumber + 1), 2);
        });
        return new AidFigures(paid.Sum(x => x.Amount), budget, paid.Count, paid.Select(x => x.HouseholdId).Distinct().Count());
    }

    private async Task<AppointmentFigures> AppointmentsAsync(StaffScope scope, StatsFilter f, IQueryable<Household> households, StatsPeriod p, CancellationToken ct)
    {
        var (from, to) = (p.FromUtc, p.ToUtc);
        var query = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= from && a.StartUtc < to);
        if (!scope.IsManager) query = query.Where(a => a.WorkerId == scope.UserId || (scope.TeamId != null && db.Users.Any(u => u.Id == a.WorkerId && u.TeamId == scope.TeamId)));
        if (f.TeamId is { } team) query = query.Where(a => db.Users.Any(u => u.Id == a.WorkerId && u.TeamId == team));
        var rows = await query.Join(db.Places, a => a.PlaceId, place => place.Id, (a, place) => new { a.Status, place.Kind })
            .GroupBy(a => new { a.Status, Home = a.Kind == PlaceKind.HomeVisit })
            .Select(g => new { g.Key.Status, g.Key.Home, Count = g.Count() }).ToListAsync(ct);
        var ids = households.Select(h => h.Id);
        var (first, last) = (p.First, p.Last);
        // A home visit is written once: an honoured appointment at home also lands in the journal
        // (as an appointment entry), so journal visits and honoured home appointments add up.
        var journalVisits = await db.JournalEntries.AsNoTracking()
            .CountAsync(j => ids.Contains(j.HouseholdId) && j.Kind == JournalKind.HomeVisit && j.OccurredOn >= first && j.OccurredOn <= last, ct);
        int Count(AppointmentStatus s) => rows.Where(r => r.Status == s).Sum(r => r.Count);
        return new AppointmentFigures(Count(AppointmentStatus.Booked), Count(AppointmentStatus.Honoured), Count(AppointmentStatus.Missed),
            Count(AppointmentStatus.Cancelled), journalVisits + rows.Where(r => r.Home && r.Status == AppointmentStatus.Honoured).Sum(r => r.Count));
    }

    private async Task<WorkshopFigures> WorkshopsAsync(StaffScope scope, StatsFilter f, StatsPeriod p, CancellationToken ct)
    {
        var (from, to) = (p.FromUtc, p.ToUtc);
        var sessions = await Workshops(scope, f).Where(w => !w.IsCancelled && w.StartsAtUtc >= from && w.StartsAtUtc < to)
            .Select(w => new
            {
                w.Seats,
                Registered = w.Signups.Count(s => s.Status == RegistrationStatus.Registered),
                Attended = w.Signups.Count(s => s.Status == RegistrationStatus.Registered && s.Attended == true),
                Absent = w.Signups.Count(s => s.Status == RegistrationStatus.Registered && s.Attended == false),
            }).ToListAsync(ct);
        return new WorkshopFigures(sessions.Count, sessions.Sum(s => s.Seats), sessions.Sum(s => s.Registered), sessions.Sum(s => s.Attended), sessions.Sum(s => s.Absent));
    }

    /// Each funder's measures valued at the unit costs (a diagnostic for each household starting with
    /// it, the support by household-month), against the budget recorded for the period's years.
    private async Task<IReadOnlyList<FunderValue>> FundersAsync(IQueryable<Household> households, StatsFilter f, StatsPeriod p, DateOnly today, CancellationToken ct)
    {
        var (first, last) = (p.First, p.Last);
        var measures = await Measures(households, f).Where(m => m.StartsOn <= last && (m.EndedOn == null || m.EndedOn >= first))
            .Select(m => new { m.HouseholdId, m.Funder, m.StartsOn, m.EndedOn, m.PreviousMeasureId }).ToListAsync(ct);
        var years = Enumerable.Range(first.Year, last.Year - first.Year + 1).ToList();
        var budgets = await db.FunderBudgets.AsNoTracking().Where(b => years.Contains(b.Year)).ToListAsync(ct);
        var end = last < today ? last : today;
        return measures.GroupBy(m => m.Funder).OrderBy(g => g.Key).Select(g =>
        {
            var diagnostics = g.Where(m => m.PreviousMeasureId == null && p.Contains(m.StartsOn)).Select(m => m.HouseholdId).Distinct().Count();
            var days = g.Sum(m =>
            {
                var a = m.StartsOn > first ? m.StartsOn : first;
                var b = m.EndedOn is { } e && e < end ? e : end;
                return Math.Max(0, b.DayNumber - a.DayNumber);
            });
            var months = (int)Math.Round(days * 12 / 365.25m);
            var valued = diagnostics * ActivityCosts.HouseholdDiagnosis + decimal.Round(months * ActivityCosts.YearlySupport / 12m, 2);
            var mine = budgets.Where(b => b.Funder == g.Key).ToList();
            decimal? budget = mine.Count == 0 ? null : mine.Sum(b =>
            {
                var yf = new DateOnly(b.Year, 1, 1);
                var yl = new DateOnly(b.Year, 12, 31);
                var a = first > yf ? first : yf;
                var z = last < yl ? last : yl;
                return Math.Round(b.Amount * (z.DayNumber - a.DayNumber + 1) / (yl.DayNumber - yf.DayNumber + 1), 2);
            });
            return new FunderValue(g.Key, g.Key.Label(), g.Select(m => m.HouseholdId).Distinct().Count(), diagnostics, months, valued, budget);
        }).ToList();
    }
}
