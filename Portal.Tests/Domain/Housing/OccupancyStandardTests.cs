using Portal.Domain;
using Portal.Domain.Housing;

namespace Portal.Tests.Domain.Housing;

public class OccupancyStandardTests
{
    [Theory]
    [InlineData(Typology.T1, 0, 2)]
    [InlineData(Typology.T2, 0, 3)]
    [InlineData(Typology.T2, 1, 4)]
    [InlineData(Typology.T3, 0, 5)]
    [InlineData(Typology.T3, 2, 5)]
    [InlineData(Typology.T4, 0, 6)]
    [InlineData(Typology.T5, 0, 8)]
    public void Each_typology_houses_at_most_its_documented_number(Typology typology, int youngChildren, int max) =>
        Assert.Equal(max, OccupancyStandard.MaxOccupants(typology, youngChildren));

    [Fact]
    public void A_child_under_three_counts_on_the_entry_date_not_after_the_birthday()
    {
        var entry = new DateOnly(2026, 9, 1);
        var household = HouseholdComposition.From(
            [new DateOnly(1990, 1, 1), new DateOnly(1992, 5, 5), new DateOnly(2023, 9, 2), new DateOnly(2023, 9, 1)], entry);
        Assert.Equal(4, household.Persons);
        Assert.Equal(1, household.YoungChildren);
        Assert.True(OccupancyStandard.Fits(Typology.T2, household));
    }

    [Fact]
    public void Smallest_typology_follows_the_table()
    {
        Assert.Equal(Typology.T1, OccupancyStandard.SmallestFor(new HouseholdComposition(2)));
        Assert.Equal(Typology.T2, OccupancyStandard.SmallestFor(new HouseholdComposition(4, youngChildren: 1)));
        Assert.Equal(Typology.T3, OccupancyStandard.SmallestFor(new HouseholdComposition(4)));
        Assert.Equal(Typology.T5, OccupancyStandard.SmallestFor(new HouseholdComposition(7)));
    }

    [Fact]
    public void A_household_has_at_least_one_adult() =>
        Assert.Throws<DomainRuleException>(() => new HouseholdComposition(1, youngChildren: 1));

    [Fact]
    public void Typology_maps_to_the_flag_used_by_requests()
    {
        Assert.Equal(Portal.Domain.Requests.Typologies.T1, Typology.T1.ToFlag());
        Assert.Equal(Portal.Domain.Requests.Typologies.T5, Typology.T5.ToFlag());
    }
}
