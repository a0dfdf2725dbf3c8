using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class SupportMeasureTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    [Theory]
    [InlineData(SupportKind.Masp, 6)]
    [InlineData(SupportKind.Masp, 24)]
    [InlineData(SupportKind.Asll, 12)]
    [InlineData(SupportKind.Iml, 12)]
    public void A_length_within_the_range_of_the_kind_is_accepted(SupportKind kind, int months) =>
        Assert.Equal(Start.AddMonths(months), SupportMeasure.Open(1, kind, Funder.FslDepartment, Start, months).EndsOn);

    [Theory]
    [InlineData(SupportKind.Masp, 5)]
    [InlineData(SupportKind.Masp, 25)]
    [InlineData(SupportKind.Asll, 13)]
    [InlineData(SupportKind.Iml, 18)]
    public void A_length_outside_the_range_of_the_kind_is_refused(SupportKind kind, int months)
    {
        var error = Assert.Throws<DomainRuleException>(() => SupportMeasure.Open(1, kind, Funder.FslDepartment, Start, months));
        Assert.Contains($"{months} mois n'est pas possible", error.Message);
    }

    [Fact]
    public void The_next_review_is_the_earliest_not_held_whatever_the_order_the_reviews_are_held_in()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, Start, 12);
        Assert.Equal(Start.AddMonths(6), measure.NextReviewOn);

        // The end review renews first, with the 6-month one still not held: that one stays the next.
        measure.RecordReview(12, Start.AddMonths(12), ReviewDecision.Renew, null, renewalMonths: 6);
        Assert.Equal(Start.AddMonths(6), measure.NextReviewOn);

        measure.RecordReview(6, Start.AddMonths(13), ReviewDecision.Continue, null);
        Assert.Equal(Start.AddMonths(18), measure.NextReviewOn);

        measure.Renew(6, Start.AddMonths(17));
        Assert.Equal(Start.AddMonths(18), measure.NextReviewOn);
        measure.RecordReview(18, Start.AddMonths(18), ReviewDecision.Continue, null);
        Assert.Equal(Start.AddMonths(24), measure.NextReviewOn);

        measure.Close(Start.AddMonths(20), MeasureEndReason.Exit);
        Assert.Null(measure.NextReviewOn);
    }

    [Fact]
    public void Masp_is_refused_beyond_four_years_with_its_renewals()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Masp, Funder.FslDepartment, Start, 24);
        measure.Renew(18, Start.AddMonths(23));
        var error = Assert.Throws<DomainRuleException>(() => measure.Renew(7, Start.AddMonths(40)));
        Assert.Equal("Une mesure MASP niveau 2 ne peut pas dépasser 48 mois au total : il reste 6 mois possibles.", error.Message);
        measure.Renew(6, Start.AddMonths(40));
        Assert.Equal(Start.AddMonths(48), measure.EndsOn);
    }

    [Fact]
    public void Renewal_extends_from_the_term_whatever_the_day_it_is_decided()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 8, 31), 6);
        Assert.Equal(new DateOnly(2027, 2, 28), measure.EndsOn);
        var renewal = measure.Renew(6, new DateOnly(2026, 12, 1));
        Assert.Equal(new DateOnly(2027, 2, 28), renewal.PreviousEndsOn);
        Assert.Equal(new DateOnly(2027, 8, 31), measure.EndsOn);
    }

    [Fact]
    public void Review_to_continue_keeps_the_measure_open()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Iml, Funder.Ddets, Start, 12);
        var review = measure.RecordReview(6, new DateOnly(2026, 7, 20), ReviewDecision.Continue, "Loyer payé, démarches CAF faites");
        Assert.Equal(new DateOnly(2026, 7, 15), review.DueOn);
        Assert.Equal(MeasureStatus.Active, measure.Status);
        Assert.Equal(ReviewState.Done, measure.Reviews(new DateOnly(2026, 8, 1))[0].State);
        Assert.Equal(10, measure.NextReview(new DateOnly(2026, 8, 1))!.MonthsFromStart);
    }

    [Fact]
    public void The_end_review_decides_to_renew_or_to_end_not_to_continue()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, Start, 6);
        Assert.Throws<DomainRuleException>(() => measure.RecordReview(6, Start.AddMonths(6), ReviewDecision.Continue, null));
        measure.RecordReview(6, Start.AddMonths(6), ReviewDecision.Renew, null, renewalMonths: 6);
        Assert.Equal(12, measure.TotalMonths);
        Assert.Equal([6, 12], measure.Reviews(Start.AddMonths(6)).Select(r => r.MonthsFromStart));

        measure.RecordReview(12, Start.AddMonths(12), ReviewDecision.End, "Objectifs atteints");
        Assert.Equal(MeasureStatus.Ended, measure.Status);
        Assert.Equal(MeasureEndReason.Completed, measure.EndReason);
        Assert.Equal(Start.AddMonths(12), measure.EndedOn);
    }

    [Fact]
    public void A_review_held_at_an_unplanned_milestone_or_twice_or_too_early_is_refused()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, Start, 12);
        Assert.Contains("Aucun bilan n'est prévu à 4 mois", Assert.Throws<DomainRuleException>(() =>
            measure.RecordReview(4, Start.AddMonths(4), ReviewDecision.Continue, null)).Message);
        Assert.Contains("au plus tôt un mois avant", Assert.Throws<DomainRuleException>(() =>
            measure.RecordReview(6, new DateOnly(2026, 6, 14), ReviewDecision.Continue, null)).Message);
        measure.RecordReview(6, new DateOnly(2026, 6, 15), ReviewDecision.Continue, null);
        Assert.Throws<DomainRuleException>(() => measure.RecordReview(6, new DateOnly(2026, 7, 15), ReviewDecision.Continue, null));
    }

    [Fact]
    public void A_renewal_review_needs_its_length() =>
        Assert.Equal("Indiquez la durée du renouvellement.", Assert.Throws<DomainRuleException>(() =>
            SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, Start, 6).RecordReview(6, Start.AddMonths(6), ReviewDecision.Renew, null)).Message);

    [Fact]
    public void Sliding_the_lease_is_not_a_plain_review_decision() =>
        Assert.Throws<DomainRuleException>(() =>
            SupportMeasure.Open(1, SupportKind.Iml, Funder.Ddets, Start, 12).RecordReview(6, Start.AddMonths(6), ReviewDecision.SlideLease, null));

    [Fact]
    public void An_ended_measure_refuses_changes()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Avdl, Funder.Drihl, Start, 12);
        measure.Close(new DateOnly(2026, 5, 1), MeasureEndReason.Exit);
        var error = Assert.Throws<DomainRuleException>(() => measure.Renew(6, new DateOnly(2026, 6, 1)));
        Assert.Equal("Cette mesure est terminée depuis le 1 mai 2026.", error.Message);
        Assert.Throws<DomainRuleException>(() => measure.AddAxis(ActionArea.Budget, "Budget", null));
    }

    [Fact]
    public void A_measure_cannot_end_before_it_starts() =>
        Assert.Throws<DomainRuleException>(() => SupportMeasure.Open(1, SupportKind.Avdl, Funder.Drihl, Start, 12).Close(Start.AddDays(-1), MeasureEndReason.Completed));

    [Fact]
    public void Every_kind_and_funder_is_labelled_in_french()
    {
        Assert.Equal("MASP niveau 2", SupportKind.Masp.Label());
        Assert.Equal("FSL / Conseil départemental", Funder.FslDepartment.Label());
        foreach (var kind in Enum.GetValues<SupportKind>()) Assert.NotEqual(kind.ToString(), kind.Label());
        foreach (var funder in Enum.GetValues<Funder>()) Assert.NotEqual(funder.ToString(), funder.Label());
        foreach (var d in Enum.GetValues<ReviewDecision>()) Assert.NotEqual(d.ToString(), d.Label());
        foreach (var s in Enum.GetValues<ReviewState>()) Assert.NotEqual(s.ToString(), s.Label());
    }

    [Fact]
    public void A_renewal_cannot_be_decided_before_the_measure_starts()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Masp, Funder.FslDepartment, Start, 12);

        var error = Assert.Throws<DomainRuleException>(() => measure.Renew(6, Start.AddDays(-1)));

        Assert.Equal("Le renouvellement ne peut pas précéder le début de la mesure, le 15 janvier 2026.", error.Message);
        Assert.Equal(nameof(MeasureRenewal.DecidedOn), error.Field);
        Assert.Equal(Start.AddMonths(12), measure.EndsOn);
    }

    [Fact]
    public void A_measure_carries_one_sliding_lease_at_most()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Iml, Funder.Ddets, Start, 12);

        var lease = measure.StartLease(null, "Bailleur social", Start, 450m, 60m);
        Assert.Equal(1, lease.HouseholdId);

        var error = Assert.Throws<DomainRuleException>(() => measure.StartLease(lease, "Bailleur social", Start, 450m, 60m));
        Assert.Equal("Cette mesure a déjà son bail.", error.Message);
    }

    [Fact]
    public void Only_a_measure_of_a_sliding_kind_carries_a_lease()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Masp, Funder.FslDepartment, Start, 12);

        var error = Assert.Throws<DomainRuleException>(() => measure.StartLease(null, "Bailleur social", Start, 450m, 60m));

        Assert.Equal("Une mesure MASP niveau 2 ne porte pas de bail glissant.", error.Message);
    }

    [Fact]
    public void The_initial_diagnostic_is_written_once()
    {
        var measure = SupportMeasure.Open(1, SupportKind.Asll, Funder.FslDepartment, Start, 12);

        Assert.Equal("Dettes de loyer.", measure.WriteDiagnostic("  Dettes de loyer.  ", Start, "worker", "Awa DIALLO", DateTime.UtcNow).Text);
        var error = Assert.Throws<DomainRuleException>(() => measure.WriteDiagnostic("Autre texte", Start, "worker", "Awa DIALLO", DateTime.UtcNow));

        Assert.Equal("Le diagnostic initial est déjà écrit.", error.Message);
    }
}

public class ActionPlanTests
{
    private static SupportMeasure Measure() => SupportMeasure.Open(1, SupportKind.Masp, Funder.FslDepartment, new DateOnly(2026, 1, 5), 12);

    [Fact]
    public void An_axis_starts_to_be_engaged_and_collects_dated_notes()
    {
        var measure = Measure();
        var axis = measure.AddAxis(ActionArea.RentPayment, "Reprendre le paiement du loyer", "Plan d'apurement avec le bailleur");
        Assert.Equal(AxisStatus.ToStart, axis.Status);
        axis.MoveTo(AxisStatus.InProgress);
        axis.AddNote(new DateOnly(2026, 2, 1), "cesf-1", "Premier versement fait");
        axis.MoveTo(AxisStatus.Achieved);
        Assert.Equal("Atteint", axis.Status.Label());
        Assert.Equal(new DateOnly(2026, 2, 1), Assert.Single(axis.Notes).WrittenOn);
        Assert.Same(axis, measure.Axis(ActionArea.RentPayment));
    }

    [Fact]
    public void An_area_appears_once_in_a_plan()
    {
        var measure = Measure();
        measure.AddAxis(ActionArea.Budget, "Tenir un budget", null);
        Assert.Contains("« Gestion du budget »", Assert.Throws<DomainRuleException>(() => measure.AddAxis(ActionArea.Budget, "Autre", null)).Message);
    }

    [Fact]
    public void An_axis_needs_an_objective_and_a_note_needs_text()
    {
        var measure = Measure();
        Assert.Throws<DomainRuleException>(() => measure.AddAxis(ActionArea.HealthAccess, " ", null));
        var axis = measure.AddAxis(ActionArea.HealthAccess, "Ouvrir la complémentaire santé", null);
        Assert.Throws<DomainRuleException>(() => axis.AddNote(new DateOnly(2026, 2, 1), "cesf-1", ""));
    }

    [Fact]
    public void A_closed_axis_can_be_taken_up_again_but_not_put_back_to_start()
    {
        var axis = Measure().AddAxis(ActionArea.Rehousing, "Dossier de demande de logement social", null);
        axis.MoveTo(AxisStatus.Abandoned);
        Assert.Throws<DomainRuleException>(() => axis.MoveTo(AxisStatus.ToStart));
        axis.MoveTo(AxisStatus.InProgress);
        Assert.Equal(AxisStatus.InProgress, axis.Status);
    }

    [Fact]
    public void Every_area_and_status_is_labelled_in_french()
    {
        Assert.Equal("Savoir habiter", ActionArea.HousingSkills.Label());
        foreach (var a in Enum.GetValues<ActionArea>()) Assert.NotEqual(a.ToString(), a.Label());
        foreach (var s in Enum.GetValues<AxisStatus>()) Assert.NotEqual(s.ToString(), s.Label());
    }
}
