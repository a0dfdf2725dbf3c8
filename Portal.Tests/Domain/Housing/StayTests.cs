using Portal.Domain;
using Portal.Domain.Housing;

namespace Portal.Tests.Domain.Housing;

public class StayTests
{
    private static readonly DateOnly Entry = new(2026, 3, 10);

    [Fact]
    public void A_stay_lasts_six_months_by_default()
    {
        var stay = Stay.Open(householdId: 1, dwellingId: 7, Entry);
        Assert.Equal(new DateOnly(2026, 9, 10), stay.EndsOn);
        Assert.Equal(StayStatus.Active, stay.Status);
    }

    [Fact]
    public void Renewal_extends_from_the_current_end_not_from_the_decision_day()
    {
        var stay = Stay.Open(1, 7, Entry);
        var early = stay.Renew(6, decidedOn: new DateOnly(2026, 5, 2));
        Assert.Equal(new DateOnly(2026, 9, 10), early.PreviousEndsOn);
        Assert.Equal(new DateOnly(2027, 3, 10), stay.EndsOn);

        stay.Renew(3, decidedOn: new DateOnly(2027, 4, 20)); // decided late, after the end
        Assert.Equal(new DateOnly(2027, 6, 10), stay.EndsOn);
        Assert.Equal(15, stay.GrantedMonths);
        Assert.Equal(2, stay.Renewals.Count);
    }

    [Fact]
    public void Renewals_keep_the_month_end_of_an_entry_on_the_31st()
    {
        var stay = Stay.Open(1, 7, new DateOnly(2026, 8, 31));
        Assert.Equal(new DateOnly(2027, 2, 28), stay.EndsOn);
        stay.Renew(6, new DateOnly(2027, 2, 1));
        Assert.Equal(new DateOnly(2027, 8, 31), stay.EndsOn);
    }

    [Fact]
    public void Exit_closes_the_stay_and_frees_the_dwelling_that_day()
    {
        var stay = Stay.Open(1, 7, Entry);
        stay.Exit(new DateOnly(2026, 7, 1));
        Assert.Equal(StayStatus.Ended, stay.Status);
        Assert.Equal(new Occupation(7, Entry, new DateOnly(2026, 7, 1)), stay.Occupation);
        Assert.False(stay.Occupation.Covers(new DateOnly(2026, 7, 1)));
        Assert.True(stay.Occupation.Covers(new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void Exit_before_the_entry_is_refused()
    {
        var stay = Stay.Open(1, 7, Entry);
        var error = Assert.Throws<DomainRuleException>(() => stay.Exit(Entry.AddDays(-1)));
        Assert.Contains("10 mars 2026", error.Message);
    }

    [Fact]
    public void Exit_on_the_entry_day_is_allowed()
    {
        var stay = Stay.Open(1, 7, Entry);
        stay.Exit(Entry);
        Assert.True(stay.Occupation.IsEmpty);
    }

    [Fact]
    public void An_ended_stay_is_neither_renewed_nor_ended_again()
    {
        var stay = Stay.Open(1, 7, Entry);
        stay.Exit(new DateOnly(2026, 7, 1));
        Assert.Throws<DomainRuleException>(() => stay.Renew(6, new DateOnly(2026, 8, 1)));
        Assert.Throws<DomainRuleException>(() => stay.Exit(new DateOnly(2026, 8, 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Renewal_length_is_between_one_and_twelve_months(int months) =>
        Assert.Throws<DomainRuleException>(() => Stay.Open(1, 7, Entry).Renew(months, Entry));

    [Fact]
    public void Referent_is_warned_a_month_before_the_end_then_not_again_until_a_renewal()
    {
        var stay = Stay.Open(1, 7, Entry); // ends 10 September 2026
        Assert.Empty(StayWarnings.ToWarn([stay], new DateOnly(2026, 8, 9)));
        Assert.Single(StayWarnings.ToWarn([stay], new DateOnly(2026, 8, 10)));

        stay.MarkEndWarningSent();
        Assert.Empty(StayWarnings.ToWarn([stay], new DateOnly(2026, 8, 11)));

        stay.Renew(6, new DateOnly(2026, 8, 20));
        Assert.Empty(StayWarnings.ToWarn([stay], new DateOnly(2027, 2, 9)));
        Assert.Single(StayWarnings.ToWarn([stay], new DateOnly(2027, 2, 10)));
    }

    [Fact]
    public void A_missed_warning_is_caught_up_and_ended_stays_are_never_warned()
    {
        var late = Stay.Open(1, 7, Entry);
        var ended = Stay.Open(2, 8, Entry);
        ended.Exit(new DateOnly(2026, 6, 1));
        Assert.Equal([late], StayWarnings.ToWarn([late, ended], new DateOnly(2026, 9, 15)));
        Assert.True(late.IsOverdue(new DateOnly(2026, 9, 15)));
    }
}

public class OccupationTests
{
    private static Occupation Held(int fromDay, int? untilDay, long dwelling = 1) =>
        new(dwelling, new DateOnly(2026, 6, fromDay), untilDay is { } u ? new DateOnly(2026, 6, u) : null);

    [Fact]
    public void Leaving_on_a_day_and_entering_the_same_day_do_not_overlap() =>
        Assert.False(Held(1, 15).Overlaps(Held(15, null)));

    [Fact]
    public void Stays_sharing_one_night_overlap() =>
        Assert.True(Held(1, 16).Overlaps(Held(15, null)));

    [Fact]
    public void A_stay_not_ended_holds_the_dwelling_indefinitely() =>
        Assert.True(Held(1, null).Overlaps(Held(28, 30)));

    [Fact]
    public void Stays_in_different_dwellings_never_overlap() =>
        Assert.False(Held(1, null, dwelling: 1).Overlaps(Held(1, null, dwelling: 2)));

    [Fact]
    public void An_entry_cancelled_the_same_day_holds_nothing() =>
        Assert.False(Held(10, 10).Overlaps(Held(1, null)));

    [Fact]
    public void Occupancy_rate_per_residence_and_overall_counts_each_dwelling_once()
    {
        (long, long)[] dwellings = [(1, 100), (2, 100), (3, 100), (4, 100), (5, 200)];
        var day = new DateOnly(2026, 6, 15);
        Occupation[] stays =
        [
            Held(1, null, dwelling: 1),
            Held(14, null, dwelling: 1), // data error: counted once
            Held(1, 15, dwelling: 2),   // left that day: vacant
            Held(15, null, dwelling: 3), // entered that day
            Held(16, null, dwelling: 5), // not yet
        ];
        var (byResidence, overall) = Occupancy.On(day, dwellings, stays);
        Assert.Equal(new OccupancyRate(4, 2), byResidence[100]);
        Assert.Equal(0.5m, byResidence[100].Rate);
        Assert.Equal(0m, byResidence[200].Rate);
        Assert.Equal(new OccupancyRate(5, 2), overall);
        Assert.Equal(0.4m, overall.Rate);
        Assert.Null(new OccupancyRate(0, 0).Rate);
    }
}
