using Portal.Privacy;

namespace Portal.Tests.Privacy;

public class RetentionPolicyTests
{
    [Theory]
    [InlineData(24, 0, "2 ans")]
    [InlineData(12, 0, "1 an")]
    [InlineData(18, 0, "18 mois")]
    [InlineData(0, 30, "30 jours")]
    [InlineData(0, 1, "1 jour")]
    public void A_period_is_said_in_years_months_or_days(int months, int days, string expected) =>
        Assert.Equal(expected, new RetentionRule("k", "Fiches", "la sortie", months, days, RetentionOutcome.Delete, "").PeriodLabel);

    [Fact]
    public void The_published_periods_are_those_the_purge_applies()
    {
        Assert.Equal("2 ans", RetentionPolicy.UnfollowedRequests.PeriodLabel);
        Assert.Equal("2 ans", RetentionPolicy.ClosedHouseholds.PeriodLabel);
        Assert.Equal("1 an", RetentionPolicy.AccessLog.PeriodLabel);
        Assert.Equal("30 jours", RetentionPolicy.EmailBodies.PeriodLabel);
        Assert.Equal("30 jours", RetentionPolicy.ImportFiles.PeriodLabel);
    }
}
