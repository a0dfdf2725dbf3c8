using Portal.Domain;
using Portal.Domain.Housing;

namespace Portal.Tests.Domain.Housing;

public class AllocationTests
{
    // A new dwelling has id 0 until saved: the occupations below use that id.
    private static readonly Dwelling T2 = new(residenceId: 1, "B12", Typology.T2, Financing.Plai, rent: 320m, charges: 45m, associationHoldsLease: true);
    private static readonly DateOnly Entry = new(2026, 10, 1);

    [Fact]
    public void A_free_dwelling_large_enough_is_allocated() =>
        Assert.Null(Allocation.Problem(T2, new HouseholdComposition(3), Entry, []));

    [Fact]
    public void A_dwelling_occupied_on_the_entry_date_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Allocation.Ensure(T2, new HouseholdComposition(1), Entry, [new Occupation(T2.Id, new DateOnly(2026, 4, 1), null)]));
        Assert.Contains("B12 est occupé le 1 octobre 2026", error.Message);
    }

    [Fact]
    public void A_dwelling_left_after_the_entry_date_is_refused_with_the_departure_date()
    {
        var problem = Allocation.Problem(T2, new HouseholdComposition(1), Entry, [new Occupation(T2.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 10, 2))]);
        Assert.Contains("occupé jusqu'au 2 octobre 2026", problem);
    }

    [Fact]
    public void A_dwelling_left_on_the_entry_date_is_free() =>
        Assert.Null(Allocation.Problem(T2, new HouseholdComposition(1), Entry, [new Occupation(T2.Id, new DateOnly(2026, 4, 1), Entry)]));

    [Fact]
    public void A_dwelling_already_allocated_from_a_later_date_is_refused() =>
        Assert.Contains("déjà attribué à partir du 1 décembre 2026",
            Allocation.Problem(T2, new HouseholdComposition(1), Entry, [new Occupation(T2.Id, new DateOnly(2026, 12, 1), null)]));

    [Fact]
    public void Stays_in_other_dwellings_do_not_matter() =>
        Assert.Null(Allocation.Problem(T2, new HouseholdComposition(1), Entry, [new Occupation(T2.Id + 99, new DateOnly(2026, 4, 1), null)]));

    [Fact]
    public void A_dwelling_too_small_for_the_household_is_refused_with_the_numbers()
    {
        var problem = Allocation.Problem(T2, new HouseholdComposition(4), Entry, []);
        Assert.Equal("Le logement B12 (T2) accueille au plus 3 personnes : le ménage en compte 4.", problem);
    }

    [Fact]
    public void A_t2_takes_a_fourth_person_when_it_is_a_child_under_three() =>
        Assert.Null(Allocation.Problem(T2, new HouseholdComposition(4, youngChildren: 1), Entry, []));

    [Fact]
    public void Dwelling_rent_burden_reuses_the_request_rule()
    {
        var burden = T2.BurdenFor([(Portal.Domain.Requests.IncomeKind.Rsa, 600m), (Portal.Domain.Requests.IncomeKind.HousingBenefit, 200m)]);
        Assert.Equal(165m, burden.ResidualRent);
        Assert.Equal(0.275m, burden.Rate);
        Assert.False(burden.AboveThreshold);
    }

    [Fact]
    public void Negative_rent_is_refused() =>
        Assert.Throws<DomainRuleException>(() => new Dwelling(1, "A1", Typology.T1, Financing.Plus, -1m, 0m, false));
}
