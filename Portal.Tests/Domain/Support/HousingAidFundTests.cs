using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class HousingAidFundTests
{
    private static string Plain(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [Fact]
    public void A_grant_commits_amount_times_months_and_lowers_what_is_left()
    {
        var fund = new HousingAidFund(2026, 5000m);
        var grant = AidFund.Grant(1, 120m, 6, new DateOnly(2026, 3, 15), [fund], []);
        Assert.Equal(new DateOnly(2026, 3, 1), grant.StartMonth);
        Assert.Equal(720m, grant.CommittedIn(2026));
        Assert.Equal(4280m, AidFund.Remaining(fund, [grant]));
    }

    [Fact]
    public void A_grant_straddling_two_years_commits_to_each_year_its_months()
    {
        HousingAidFund[] funds = [new(2026, 1000m), new(2027, 1000m)];
        var grant = AidFund.Grant(1, 100m, 6, new DateOnly(2026, 11, 1), funds, []);
        Assert.Equal(200m, grant.CommittedIn(2026));
        Assert.Equal(400m, grant.CommittedIn(2027));
        Assert.Equal(new DateOnly(2027, 4, 1), grant.LastMonth);
        Assert.Equal(800m, AidFund.Remaining(funds[0], [grant]));
        Assert.Equal(600m, AidFund.Remaining(funds[1], [grant]));
    }

    [Fact]
    public void A_grant_using_exactly_what_is_left_is_accepted()
    {
        var fund = new HousingAidFund(2026, 1000m);
        var first = AidFund.Grant(1, 100m, 4, new DateOnly(2026, 1, 1), [fund], []);
        var second = AidFund.Grant(2, 100m, 6, new DateOnly(2026, 1, 1), [fund], [first]);
        Assert.Equal(0m, AidFund.Remaining(fund, [first, second]));
    }

    [Fact]
    public void A_grant_exceeding_the_budget_by_one_cent_is_refused_with_what_is_left()
    {
        var fund = new HousingAidFund(2026, 1000m);
        var first = AidFund.Grant(1, 100m, 4, new DateOnly(2026, 1, 1), [fund], []);
        var error = Assert.Throws<DomainRuleException>(() => AidFund.Grant(2, 100.01m, 6, new DateOnly(2026, 1, 1), [fund], [first]));
        Assert.Equal("Le fonds d'aide ne peut pas engager 600,06 € sur 2026 : il reste 600,00 € sur le budget de l'année.", Plain(error.Message));
    }

    [Fact]
    public void A_straddling_grant_is_refused_when_the_second_year_has_not_enough()
    {
        HousingAidFund[] funds = [new(2026, 1000m), new(2027, 300m)];
        var error = Assert.Throws<DomainRuleException>(() => AidFund.Grant(1, 100m, 6, new DateOnly(2026, 11, 1), funds, []));
        Assert.Contains("sur 2027", error.Message);
        Assert.Contains("300,00", error.Message);
    }

    [Fact]
    public void A_grant_over_a_year_with_no_budget_is_refused() =>
        Assert.Equal("Aucun budget du fonds d'aide n'est ouvert pour 2027.", Assert.Throws<DomainRuleException>(() =>
            AidFund.Grant(1, 100m, 6, new DateOnly(2026, 11, 1), [new HousingAidFund(2026, 1000m)], [])).Message);

    [Theory]
    [InlineData(0, 3)]
    [InlineData(50, 0)]
    [InlineData(50, 13)]
    public void A_grant_has_a_positive_amount_for_a_limited_time(decimal amount, int months) =>
        Assert.Throws<DomainRuleException>(() => AidFund.Grant(1, amount, months, new DateOnly(2026, 1, 1), [new HousingAidFund(2026, 10000m)], []));

    [Fact]
    public void The_schedule_lists_each_monthly_payment_and_the_monthly_run_finds_them()
    {
        var fund = new HousingAidFund(2026, 5000m);
        var a = AidFund.Grant(1, 80m, 3, new DateOnly(2026, 2, 1), [fund], []);
        var b = AidFund.Grant(2, 50m, 2, new DateOnly(2026, 4, 1), [fund], [a]);
        Assert.Equal([(new DateOnly(2026, 2, 1), 80m), (new DateOnly(2026, 3, 1), 80m), (new DateOnly(2026, 4, 1), 80m)], a.Schedule());
        Assert.Equal(2, AidFund.PaymentsFor(new DateOnly(2026, 4, 20), [a, b]).Count());
        Assert.Single(AidFund.PaymentsFor(new DateOnly(2026, 5, 1), [a, b]));
    }

    [Fact]
    public void A_stopped_grant_frees_the_budget_of_the_months_not_paid()
    {
        var fund = new HousingAidFund(2026, 1000m);
        var grant = AidFund.Grant(1, 100m, 6, new DateOnly(2026, 1, 1), [fund], []);
        grant.StopFrom(new DateOnly(2026, 3, 18));
        Assert.Equal(200m, grant.CommittedIn(2026));
        Assert.Equal(800m, AidFund.Remaining(fund, [grant]));
    }

    [Fact]
    public void The_budget_cannot_go_below_what_is_committed()
    {
        var fund = new HousingAidFund(2026, 1000m);
        var grant = AidFund.Grant(1, 100m, 6, new DateOnly(2026, 1, 1), [fund], []);
        Assert.Throws<DomainRuleException>(() => fund.SetBudget(599.99m, [grant]));
        fund.SetBudget(600m, [grant]);
        Assert.Equal(0m, AidFund.Remaining(fund, [grant]));
    }
}
