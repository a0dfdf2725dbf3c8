namespace Portal.Domain.Support;

public enum ReviewDecision
{
    Continue = 0,
    Renew = 1,
    SlideLease = 2,
    End = 3,
}

public enum ReviewState
{
    Upcoming = 0,
    Due = 1,
    Late = 2,
    Done = 3,
    NotHeld = 4,
}

public static class ReviewLabels
{
    public static string Label(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Continue => "Poursuite de la mesure",
        ReviewDecision.Renew => "Renouvellement",
        ReviewDecision.SlideLease => "Glissement du bail",
        ReviewDecision.End => "Fin de la mesure",
        _ => decision.ToString(),
    };

    public static string Label(this ReviewState state) => state switch
    {
        ReviewState.Upcoming => "À venir",
        ReviewState.Due => "À faire",
        ReviewState.Late => "En retard",
        ReviewState.Done => "Fait",
        ReviewState.NotHeld => "Sans objet",
        _ => state.ToString(),
    };

    /// "Bilan à 6 mois", "Bilan de fin de mesure (12 mois)".
    public static string MilestoneLabel(int monthsFromStart, bool isEnd) =>
        isEnd ? $"Bilan de fin de mesure ({monthsFromStart} mois)" : $"Bilan à {monthsFromStart} mois";
}

public sealed record ScheduledReview(long MeasureId, int MonthsFromStart, DateOnly DueOn, bool IsEnd, ReviewState State)
{
    public string Label => ReviewLabels.MilestoneLabel(MonthsFromStart, IsEnd);
}

/// When a measure is reviewed.
///
/// - IML « sortie de structures »: at 6, 10 and 12 months (the 6-month review with the landlord
///   decides to continue or slide, the 10-month one prepares the slide at one year), then every
///   6 months if renewed, and at the end.
/// - Every other kind: every 6 months and at the end of the measure (a 24-month MASP: 6, 12, 18, 24).
///
/// Dates are counted from the start date, never chained from the previous review, with calendar
/// months: the day of the month is kept, or the last day of a shorter month (started 31 August:
/// 28 or 29 February; started 29 February 2028: 29 August 2028, then 28 February 2029).
/// A review is « à faire » from <see cref="DueWindowDays"/> days before its date, « en retard »
/// the day after; it may be held at most a month early.
public static class ReviewSchedule
{
    public const int DueWindowDays = 15;

    public static DateOnly DueOn(DateOnly startsOn, int monthsFromStart) => startsOn.AddMonths(monthsFromStart);

    public static IReadOnlyList<int> Milestones(SupportKind kind, int totalMonths)
    {
        var months = new SortedSet<int>();
        if (kind == SupportKind.Iml)
        {
            foreach (var m in new[] { 6, 10, 12 })
                if (m < totalMonths) months.Add(m);
            for (var m = 18; m < totalMonths; m += 6) months.Add(m);
        }
        else
        {
            for (var m = 6; m < totalMonths; m += 6) months.Add(m);
        }
        months.Add(totalMonths);
        return months.ToList();
    }

    /// The milestones of a running measure whose review was not held yet, in order.
    public static IEnumerable<int> NotHeld(SupportKind kind, int totalMonths, IReadOnlyCollection<int> heldMonths) =>
        Milestones(kind, totalMonths).Where(m => !heldMonths.Contains(m));

    /// How many reviews of a running measure are late and how many due on <paramref name="today"/>,
    /// from its schedule and the months of the reviews held (the dashboard counts these without
    /// loading the measures).
    public static (int Late, int Due) Count(SupportKind kind, DateOnly startsOn, int totalMonths, IReadOnlyCollection<int> heldMonths, DateOnly today)
    {
        var (late, due) = (0, 0);
        foreach (var month in NotHeld(kind, totalMonths, heldMonths))
            switch (StateOf(DueOn(startsOn, month), done: false, today))
            {
                case ReviewState.Late: late++; break;
                case ReviewState.Due: due++; break;
            }
        return (late, due);
    }

    public static ReviewState StateOf(DateOnly dueOn, bool done, DateOnly today, int windowDays = DueWindowDays) =>
        done ? ReviewState.Done
        : dueOn < today ? ReviewState.Late
        : dueOn <= LastDueDay(today, windowDays) ? ReviewState.Due
        : ReviewState.Upcoming;

    /// The last date a review not held is « à faire » on <paramref name="today"/>: a measure whose
    /// next review (<see cref="SupportMeasure.NextReviewOn"/>) is later has none late or due.
    public static DateOnly LastDueDay(DateOnly today, int windowDays = DueWindowDays) => today.AddDays(windowDays);

    /// Reviews late on <paramref name="today"/> across measures: the red lines of the dashboard.
    public static IEnumerable<ScheduledReview> Late(IEnumerable<SupportMeasure> measures, DateOnly today) =>
        measures.SelectMany(m => m.Reviews(today)).Where(r => r.State == ReviewState.Late).OrderBy(r => r.DueOn);

    /// Reviews to do within the window, today included.
    public static IEnumerable<ScheduledReview> Due(IEnumerable<SupportMeasure> measures, DateOnly today) =>
        measures.SelectMany(m => m.Reviews(today)).Where(r => r.State == ReviewState.Due).OrderBy(r => r.DueOn);

    /// Reviews the referent must be warned about by the recurring job: not done, due within
    /// <paramref name="daysAhead"/> days (or already late) and later than the last one warned
    /// about for the measure. After sending, call <see cref="SupportMeasure.MarkReviewWarningSent"/>.
    public static IEnumerable<ScheduledReview> ToWarn(IEnumerable<SupportMeasure> measures, DateOnly today, int daysAhead = DueWindowDays) =>
        measures
            .Where(m => m.Status == MeasureStatus.Active)
            .SelectMany(m => m.Reviews(today, daysAhead)
                .Where(r => r.State is ReviewState.Due or ReviewState.Late
                            && (m.ReviewsWarnedUntil is null || r.DueOn > m.ReviewsWarnedUntil)))
            .OrderBy(r => r.DueOn);
}
