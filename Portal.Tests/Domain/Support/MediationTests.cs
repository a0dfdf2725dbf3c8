using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class MediationTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void A_mediation_opens_with_its_landlord_issue_and_start_and_closes_with_an_outcome()
    {
        var m = Mediation.Open(7, "  Habitat du Nord ", null, MediationIssue.RentArrears, " Dette de 1 240 € ", Today.AddDays(-30), Today);
        Assert.True(m.IsOpen);
        Assert.Equal(("Habitat du Nord", "Dette de 1 240 €"), (m.Landlord, m.Details));

        m.Close(MediationOutcome.RepaymentPlan, Today, "50 € par mois sur 24 mois", Today);

        Assert.False(m.IsOpen);
        Assert.Equal((MediationOutcome.RepaymentPlan, Today), (m.Outcome!.Value, m.EndedOn!.Value));
        Assert.Equal("Plan d'apurement", m.Outcome.Value.Label());
        var again = Assert.Throws<DomainRuleException>(() => m.Close(MediationOutcome.Failure, Today, null, Today));
        Assert.Equal("Cette médiation est déjà close.", again.Message);
    }

    [Fact]
    public void Opening_needs_a_landlord_a_past_start_and_details_for_another_issue()
    {
        Assert.Equal(nameof(Mediation.Landlord), Assert.Throws<DomainRuleException>(() =>
            Mediation.Open(7, " ", null, MediationIssue.Upkeep, null, Today, Today)).Field);
        Assert.Equal(nameof(Mediation.StartedOn), Assert.Throws<DomainRuleException>(() =>
            Mediation.Open(7, "Partenord", null, MediationIssue.Upkeep, null, Today.AddDays(1), Today)).Field);
        Assert.Equal(nameof(Mediation.Details), Assert.Throws<DomainRuleException>(() =>
            Mediation.Open(7, "Partenord", null, MediationIssue.Other, "  ", Today, Today)).Field);
        Assert.Equal(nameof(Mediation.Issue), Assert.Throws<DomainRuleException>(() =>
            Mediation.Open(7, "Partenord", null, (MediationIssue)42, null, Today, Today)).Field);
    }

    [Fact]
    public void Closing_ends_after_the_start_not_in_the_future_and_a_referral_names_the_partner()
    {
        var m = Mediation.Open(7, "Partenord", null, MediationIssue.Neighbourhood, null, Today.AddDays(-10), Today);
        Assert.Equal(nameof(Mediation.EndedOn), Assert.Throws<DomainRuleException>(() => m.Close(MediationOutcome.Agreement, Today.AddDays(-11), null, Today)).Field);
        Assert.Equal(nameof(Mediation.EndedOn), Assert.Throws<DomainRuleException>(() => m.Close(MediationOutcome.Agreement, Today.AddDays(1), null, Today)).Field);
        Assert.Equal(nameof(Mediation.OutcomeDetails), Assert.Throws<DomainRuleException>(() => m.Close(MediationOutcome.Referral, Today, null, Today)).Field);
        Assert.True(m.IsOpen);
    }

    [Fact]
    public void A_mediation_runs_during_the_periods_it_overlaps()
    {
        var m = Mediation.Open(7, "Partenord", null, MediationIssue.Upkeep, null, new DateOnly(2025, 11, 20), Today);
        Assert.True(m.RanDuring(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        m.Close(MediationOutcome.Agreement, new DateOnly(2025, 12, 15), null, Today);
        Assert.False(m.RanDuring(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.True(m.RanDuring(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Issues_and_outcomes_are_labelled_in_french()
    {
        foreach (var issue in Enum.GetValues<MediationIssue>()) Assert.NotEqual(issue.ToString(), issue.Label());
        foreach (var outcome in Enum.GetValues<MediationOutcome>()) Assert.NotEqual(outcome.ToString(), outcome.Label());
    }
}
