using Portal.Domain;
using Portal.Domain.Appointments;

namespace Portal.Tests.Domain.Appointments;

public class TimeRangeTests
{
    private static readonly DateTime Ten = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(0, 60, 60, 60, false)]    // touching: one ends as the other starts
    [InlineData(60, 60, 0, 60, false)]    // touching, the other way round
    [InlineData(0, 60, 59, 60, true)]     // one minute in common
    [InlineData(0, 60, 0, 60, true)]      // the same
    [InlineData(0, 120, 30, 30, true)]    // one inside the other
    [InlineData(30, 30, 0, 120, true)]
    [InlineData(0, 30, 90, 30, false)]    // apart
    public void Overlap_is_on_half_open_ranges(int startA, int minutesA, int startB, int minutesB, bool overlaps)
    {
        var a = UtcRange.Of(Ten.AddMinutes(startA), TimeSpan.FromMinutes(minutesA));
        var b = UtcRange.Of(Ten.AddMinutes(startB), TimeSpan.FromMinutes(minutesB));

        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Fact]
    public void A_range_contains_its_start_not_its_end()
    {
        var range = UtcRange.Of(Ten, Hour);
        Assert.True(range.Contains(Ten));
        Assert.False(range.Contains(Ten + Hour));
        Assert.Equal(Hour, range.Duration);
    }

    [Fact]
    public void Dates_read_without_a_kind_are_taken_as_utc()
    {
        var range = new UtcRange(DateTime.SpecifyKind(Ten, DateTimeKind.Unspecified), Ten + Hour);
        Assert.Equal(DateTimeKind.Utc, range.StartUtc.Kind);
        Assert.True(range.Overlaps(UtcRange.Of(Ten, Hour)));
    }

    [Fact]
    public void An_empty_or_backwards_range_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new UtcRange(Ten, Ten));
        Assert.Throws<DomainRuleException>(() => new LocalRange(new DateTime(2026, 6, 1, 10, 0, 0), new DateTime(2026, 6, 1, 9, 0, 0)));
    }

    [Fact]
    public void Whole_days_run_from_the_first_midnight_to_the_midnight_after_the_last_day()
    {
        var leave = LocalRange.WholeDays(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 5));
        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0), leave.Start);
        Assert.Equal(new DateTime(2026, 6, 6, 0, 0, 0), leave.End);
        // Paris is +02:00 in June.
        Assert.Equal(new DateTime(2026, 5, 31, 22, 0, 0, DateTimeKind.Utc), leave.ToUtc().StartUtc);
    }

    [Fact]
    public void A_booked_period_covers_its_duration()
    {
        var booked = new BookedPeriod(1, "w", Ten, TimeSpan.FromMinutes(45));
        Assert.Equal(Ten.AddMinutes(45), booked.Range.EndUtc);
    }
}
