using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class ReviewScheduleTests
{
    [Fact]
    public void Iml_is_reviewed_at_six_ten_and_twelve_months() =>
        Assert.Equal([6, 10, 12], ReviewSchedule.Milestones(SupportKind.Iml, 12));

    [Fact]
    public void Renewed_iml_adds_a_review_every_six_months_and_at_the_end() =>
        Assert.Equal([6, 10, 12, 18], ReviewSchedule.Milestones(SupportKind.Iml, 18));

    [Theory]
    [InlineData(SupportKind.Asll, 6, new[] { 6 })]
    [InlineData(SupportKind.Asll, 9, new[] { 6, 9 })]
    [InlineData(SupportKind.Asll, 12, new[] { 6, 12 })]
    [InlineData(SupportKind.Masp, 24, new[] { 6, 12, 18, 24 })]
    [InlineData(SupportKind.Masp, 20, new[] { 6, 12, 18, 20 })]
    public void Other_kinds_are_reviewed_every_six_months_and_at_the_end(SupportKind kind, int months, int[] expected) =>
        Assert.Equal(expected, ReviewSchedule.Milestones(kind, months));

    [Fact]
    public void A_measure_started_on_29_february_is_reviewed_on_29_august_then_28_february()
    {
        var start = new DateOnly(2028, 2, 29);
        Assert.Equal(new DateOnly(2028, 8, 29), ReviewSchedule.DueOn(start, 6));
        Assert.Equal(new DateOnly(2028, 12, 29), ReviewSchedule.DueOn(start, 10));
        Assert.Equal(new DateOnly(2029, 2, 28), ReviewSchedule.DueOn(start, 12));
    }

    [Theory]
    [InlineData(2026, 8, 31, 6, 2027, 2, 28)]
    [InlineData(2027, 8, 31, 6, 2028, 2, 29)]
    [InlineData(2027, 8, 31, 12, 2028, 8, 31)] // counted from the start, not from 29 February
    [InlineData(2026, 3, 31, 6, 2026, 9, 30)]
    [InlineData(2026, 12, 31, 10, 2027, 10, 31)]
    [InlineData(2026, 5, 31, 10, 2027, 3, 31)]
    public void Reviews_of_a_measure_started_on_the_31st_fall_on_the_month_end(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), ReviewSchedule.DueOn(new DateOnly(y, m, d), months));

    [Fact]
    public void The_schedule_of_a_measure_uses_the_start_date()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Iml, Funder.Ddets, new DateOnly(2027, 8, 31), 12);
        Assert.Equal(
            [new DateOnly(2028, 2, 29), new DateOnly(2028, 6, 30), new DateOnly(2028, 8, 31)],
            measure.Reviews(new DateOnly(2027, 9, 1)).Select(r => r.DueOn));
        Assert.Equal("Bilan de fin de mesure (12 mois)", measure.Reviews(new DateOnly(2027, 9, 1))[^1].Label);
    }

    [Theory]
    [InlineData(2026, 7, 16, ReviewState.Upcoming)]
    [InlineData(2026, 7, 17, ReviewState.Due)]   // fifteen days ahead
    [InlineData(2026, 8, 1, ReviewState.Due)]    // the day itself
    [InlineData(2026, 8, 2, ReviewState.Late)]
    public void A_review_is_due_fifteen_days_ahead_and_late_the_day_after(int y, int m, int d, ReviewState expected) =>
        Assert.Equal(expected, ReviewSchedule.StateOf(new DateOnly(2026, 8, 1), done: false, new DateOnly(y, m, d)));

    [Fact]
    public void Dashboard_lists_late_reviews_across_measures_not_the_done_or_ended_ones()
    {
        var late = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 1, 10), 12);
        var done = SupportMeasure.Open(2, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 1, 10), 12);
        done.RecordReview(6, new DateOnly(2026, 7, 10), ReviewDecision.Continue, "RAS");
        var ended = SupportMeasure.Open(3, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 1, 10), 12);
        ended.Close(new DateOnly(2026, 3, 1), MeasureEndReason.Exit);
        var soon = SupportMeasure.Open(4, SupportKind.Avdl, Funder.Drihl, new DateOnly(2026, 2, 20), 12);

        var today = new DateOnly(2026, 8, 10);
        var red = ReviewSchedule.Late([late, done, ended, soon], today).ToList();
        Assert.Equal(new DateOnly(2026, 7, 10), Assert.Single(red).DueOn);
        Assert.Equal(new DateOnly(2026, 8, 20), Assert.Single(ReviewSchedule.Due([late, done, ended, soon], today)).DueOn);
        Assert.All(ended.Reviews(today), r => Assert.Equal(ReviewState.NotHeld, r.State));
    }

    [Fact]
    public void Warning_job_selects_each_review_once_and_catches_up_missed_days()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 1, 10), 12);
        Assert.Empty(ReviewSchedule.ToWarn([measure], new DateOnly(2026, 6, 24)));
        var warned = Assert.Single(ReviewSchedule.ToWarn([measure], new DateOnly(2026, 6, 25)));
        Assert.Equal(new DateOnly(2026, 7, 10), warned.DueOn);

        measure.MarkReviewWarningSent(warned.DueOn);
        Assert.Empty(ReviewSchedule.ToWarn([measure], new DateOnly(2026, 7, 20)));

        // The job did not run in late December: the end review is picked up in January.
        Assert.Equal(new DateOnly(2027, 1, 10), Assert.Single(ReviewSchedule.ToWarn([measure], new DateOnly(2027, 1, 12))).DueOn);
    }
}
