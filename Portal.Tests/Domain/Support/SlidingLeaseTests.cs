using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class SlidingLeaseTests
{
    // Rent 400 € + charges 50 € = 450 € called on the 1st of each month from 1 January 2026.
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static SlidingLease Lease(DateOnly? start = null) =>
        new(householdId: 5, supportMeasureId: null, "Finistère Habitat", start ?? Start, rent: 400m, charges: 50m);

    private static SlidingLease PaidEveryMonthUntil(DateOnly lastMonth)
    {
        var lease = Lease();
        for (var m = Start; m <= lastMonth; m = m.AddMonths(1)) lease.RecordPayment(m.AddDays(4), 450m);
        return lease;
    }

    private static string Plain(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [Fact]
    public void Rent_is_called_on_the_first_of_each_month()
    {
        var lease = Lease();
        Assert.Equal(450m, lease.CalledUntil(new DateOnly(2026, 1, 31)));
        Assert.Equal(1350m, lease.CalledUntil(new DateOnly(2026, 3, 1)));
        Assert.Equal(0m, lease.CalledUntil(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void The_first_month_is_called_in_proportion_to_the_days_left()
    {
        var lease = Lease(new DateOnly(2026, 4, 21)); // 10 days of 30
        var calls = lease.CallsUntil(new DateOnly(2026, 5, 1)).ToList();
        Assert.Equal([150m, 450m], calls.Select(c => c.Amount));
        Assert.Equal(new DateOnly(2026, 4, 21), calls[0].CallOn);
    }

    [Fact]
    public void Partial_payments_add_up_within_a_month()
    {
        var lease = Lease();
        lease.RecordPayment(new DateOnly(2026, 1, 5), 200m);
        Assert.Equal(250m, lease.ArrearsOn(new DateOnly(2026, 1, 10)));
        lease.RecordPayment(new DateOnly(2026, 1, 20), 150m);
        lease.RecordPayment(new DateOnly(2026, 1, 28), 100m);
        Assert.Equal(0m, lease.BalanceOn(new DateOnly(2026, 1, 31)));
    }

    [Fact]
    public void An_overpayment_is_a_credit_that_pays_the_next_call()
    {
        var lease = Lease();
        lease.RecordPayment(new DateOnly(2026, 1, 5), 600m);
        Assert.Equal(-150m, lease.BalanceOn(new DateOnly(2026, 1, 31)));
        Assert.Equal(0m, lease.ArrearsOn(new DateOnly(2026, 1, 31)));
        lease.RecordPayment(new DateOnly(2026, 2, 3), 300m);
        Assert.Equal(0m, lease.BalanceOn(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void Arrears_at_a_date_are_what_was_called_minus_what_was_paid_by_then()
    {
        var lease = Lease();
        lease.RecordPayment(new DateOnly(2026, 1, 5), 450m);
        lease.RecordPayment(new DateOnly(2026, 3, 10), 450m);
        Assert.Equal(450m, lease.ArrearsOn(new DateOnly(2026, 2, 28)));
        Assert.Equal(900m, lease.ArrearsOn(new DateOnly(2026, 3, 9)));
        Assert.Equal(450m, lease.ArrearsOn(new DateOnly(2026, 3, 10)));
    }

    [Fact]
    public void The_statement_gives_each_month_and_its_closing_balance()
    {
        var lease = Lease();
        lease.RecordPayment(new DateOnly(2026, 1, 5), 300m);
        lease.RecordPayment(new DateOnly(2026, 2, 5), 600m);
        var lines = lease.Statement(new DateOnly(2026, 2, 15));
        Assert.Equal([new LedgerMonth(new(2026, 1, 1), 450m, 300m, 150m), new LedgerMonth(new(2026, 2, 1), 450m, 600m, 0m)], lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_payment_must_be_positive(decimal amount) =>
        Assert.Throws<DomainRuleException>(() => Lease().RecordPayment(Start, amount));

    [Fact]
    public void A_payment_is_given_to_the_cent() =>
        Assert.Throws<DomainRuleException>(() => Lease().RecordPayment(Start, 10.005m));

    [Fact]
    public void A_payment_recorded_today_cannot_be_dated_in_the_future()
    {
        var lease = Lease();
        var today = Start.AddDays(10);
        var error = Assert.Throws<DomainRuleException>(() => lease.RecordPayment(today.AddDays(1), 450m, null, today));
        Assert.Equal(nameof(RentPayment.PaidOn), error.Field);
        Assert.Equal(450m, lease.RecordPayment(today, 450m, null, today).Amount);
    }

    [Fact]
    public void Slide_is_allowed_when_the_rent_is_up_to_date_and_the_situation_stable()
    {
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 7, 1));
        Assert.Null(lease.SlideProblem(new DateOnly(2026, 7, 10), situationJudgedStable: true));
    }

    [Fact]
    public void Slide_is_refused_while_rent_is_in_arrears()
    {
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 6, 1));
        lease.RecordPayment(new DateOnly(2026, 7, 3), 449m);
        var problem = lease.SlideProblem(new DateOnly(2026, 7, 10), situationJudgedStable: true);
        Assert.Equal("Le bail ne peut pas glisser : un impayé de 1,00 € reste dû au 10 juillet 2026.", Plain(problem!));
    }

    [Fact]
    public void Slide_is_refused_when_one_of_the_last_three_month_ends_was_in_arrears_even_if_caught_up()
    {
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 3, 1));
        lease.RecordPayment(new DateOnly(2026, 4, 3), 449m);   // 30 April: 1 € owed
        lease.RecordPayment(new DateOnly(2026, 5, 2), 451m);   // caught up in May
        lease.RecordPayment(new DateOnly(2026, 6, 2), 450m);
        lease.RecordPayment(new DateOnly(2026, 7, 2), 450m);
        Assert.Equal(0m, lease.BalanceOn(new DateOnly(2026, 7, 10)));

        var problem = Plain(lease.SlideProblem(new DateOnly(2026, 7, 10), true)!);
        Assert.Equal("Le bail ne peut pas glisser : le compte présentait un impayé de 1,00 € au 30 avril 2026. Le loyer doit être payé à jour depuis trois mois.", problem);

        // A month later, April is no longer among the last three month ends.
        lease.RecordPayment(new DateOnly(2026, 8, 2), 450m);
        Assert.Null(lease.SlideProblem(new DateOnly(2026, 8, 10), true));
    }

    [Fact]
    public void Arrears_older_than_three_months_and_paid_off_do_not_prevent_the_slide()
    {
        var lease = Lease();
        lease.RecordPayment(new DateOnly(2026, 3, 20), 1350m); // January to March paid late
        for (var m = new DateOnly(2026, 4, 1); m <= new DateOnly(2026, 7, 1); m = m.AddMonths(1)) lease.RecordPayment(m, 450m);
        Assert.Equal(900m, lease.ArrearsOn(new DateOnly(2026, 2, 28)));
        Assert.Null(lease.SlideProblem(new DateOnly(2026, 7, 10), true));
    }

    [Fact]
    public void A_credit_does_not_prevent_the_slide()
    {
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 7, 1));
        lease.RecordPayment(new DateOnly(2026, 7, 5), 20m);
        Assert.Null(lease.SlideProblem(new DateOnly(2026, 7, 10), true));
    }

    [Fact]
    public void Slide_is_refused_when_the_situation_is_not_judged_stable() =>
        Assert.Equal("Le bail ne peut glisser que si le bilan juge la situation du ménage stable.",
            PaidEveryMonthUntil(new DateOnly(2026, 7, 1)).SlideProblem(new DateOnly(2026, 7, 10), situationJudgedStable: false));

    [Fact]
    public void The_slide_at_a_review_changes_the_lease_to_a_direct_lease_and_opens_a_follow_up()
    {
        var measure = SupportMeasure.Open(5, SupportKind.Iml, Funder.Ddets, Start, 12);
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 7, 1));
        var slideDay = new DateOnly(2026, 7, 10);

        var followUp = measure.RecordSlideReview(6, slideDay, lease, situationJudgedStable: true, "Paiement régulier, situation stable");

        Assert.Equal(LeaseStatus.DirectLease, lease.Status);
        Assert.Equal("Bail direct", lease.Status.Label());
        Assert.Equal(slideDay, lease.SlidOn);
        Assert.Equal(MeasureStatus.Ended, measure.Status);
        Assert.Equal(MeasureEndReason.LeaseSlid, measure.EndReason);
        Assert.Equal(ReviewDecision.SlideLease, Assert.Single(measure.RecordedReviews).Decision);
        Assert.Equal(SupportKind.TenancySustainment, followUp.Kind);
        Assert.Equal(slideDay, followUp.StartsOn);
        Assert.Equal(5, followUp.HouseholdId);
        Assert.Equal(Funder.Ddets, followUp.Funder);

        // No more calls after the slide, no more payments to the association, no second slide.
        Assert.Equal(lease.CalledUntil(slideDay), lease.CalledUntil(new DateOnly(2026, 12, 31)));
        Assert.Throws<DomainRuleException>(() => lease.RecordPayment(new DateOnly(2026, 8, 1), 450m));
        Assert.Contains("déjà glissé le 10 juillet 2026", lease.SlideProblem(new DateOnly(2026, 9, 1), true));
    }

    [Fact]
    public void A_refused_slide_records_no_review_and_leaves_everything_open()
    {
        var measure = SupportMeasure.Open(5, SupportKind.Iml, Funder.Ddets, Start, 12);
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 6, 1));
        lease.RecordPayment(new DateOnly(2026, 7, 3), 449m);

        var error = Assert.Throws<DomainRuleException>(() => measure.RecordSlideReview(6, new DateOnly(2026, 7, 10), lease, true, null));

        Assert.Contains("1,00", error.Message);
        Assert.Equal(nameof(Review.Decision), error.Field);
        Assert.Equal(LeaseStatus.Sublet, lease.Status);
        Assert.Equal(MeasureStatus.Active, measure.Status);
        Assert.Empty(measure.RecordedReviews);
    }

    [Fact]
    public void A_slide_refused_only_for_an_unstable_situation_names_the_stability_as_its_field()
    {
        var measure = SupportMeasure.Open(5, SupportKind.Iml, Funder.Ddets, Start, 12);
        var lease = PaidEveryMonthUntil(new DateOnly(2026, 7, 1));

        var error = Assert.Throws<DomainRuleException>(() => measure.RecordSlideReview(6, new DateOnly(2026, 7, 10), lease, situationJudgedStable: false, null));

        Assert.Equal("SituationJudgedStable", error.Field);
        Assert.Equal(LeaseStatus.Sublet, lease.Status);
    }

    [Fact]
    public void Only_an_iml_or_sliding_lease_measure_slides_a_lease_and_only_the_household_s_own()
    {
        var asll = SupportMeasure.Open(5, SupportKind.Asll, Funder.FslDepartment, Start, 12);
        Assert.Throws<DomainRuleException>(() => asll.RecordSlideReview(6, new DateOnly(2026, 7, 10), PaidEveryMonthUntil(new DateOnly(2026, 7, 1)), true, null));

        var otherHousehold = SupportMeasure.Open(6, SupportKind.SlidingLease, Funder.Landlord, Start, 12);
        Assert.Throws<DomainRuleException>(() => otherHousehold.RecordSlideReview(6, new DateOnly(2026, 7, 10), PaidEveryMonthUntil(new DateOnly(2026, 7, 1)), true, null));
    }
}
