using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class ExitTests
{
    private const long Household = 5;
    private static readonly DateOnly ExitDay = new(2026, 9, 20);

    [Fact]
    public void Exit_closes_every_open_stay_measure_and_aid_of_the_household_at_the_exit_date()
    {
        var stay = Stay.Open(Household, 1, new DateOnly(2026, 1, 1));
        var iml = SupportMeasure.Open(Household, SupportKind.Iml, Funder.Ddets, new DateOnly(2026, 1, 1), 12);
        var masp = SupportMeasure.Open(Household, SupportKind.Masp, Funder.FslDepartment, new DateOnly(2026, 3, 1), 12);
        var grant = AidFund.Grant(Household, 100m, 6, new DateOnly(2026, 7, 1), [new HousingAidFund(2026, 5000m)], []);

        var exit = Exit.Record(Household, ExitDay, ExitDay, ExitDestination.SocialLandlord, null, [stay], [iml, masp], [grant]);

        Assert.Equal(ExitDay, exit.ExitedOn);
        Assert.Equal(ExitDestination.SocialLandlord, exit.Destination);
        Assert.Equal(StayStatus.Ended, stay.Status);
        Assert.Equal(ExitDay, stay.ExitedOn);
        Assert.All([iml, masp], m =>
        {
            Assert.Equal(MeasureStatus.Ended, m.Status);
            Assert.Equal(ExitDay, m.EndedOn);
            Assert.Equal(MeasureEndReason.Exit, m.EndReason);
        });
        Assert.Equal(300m, grant.Total); // July to September paid, the rest stopped
    }

    [Fact]
    public void Exit_leaves_other_households_and_what_is_already_closed_alone()
    {
        var other = Stay.Open(Household + 1, 2, new DateOnly(2026, 1, 1));
        var closed = SupportMeasure.Open(Household, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 1, 1), 6);
        closed.Close(new DateOnly(2026, 7, 1), MeasureEndReason.Completed);

        var plan = Exit.Plan(Household, ExitDay, ExitDay, [other], [closed], []);
        Assert.True(plan.ClosesNothing);

        Exit.Record(Household, ExitDay, ExitDay, ExitDestination.VoluntaryDeparture, null, [other], [closed], []);
        Assert.Equal(StayStatus.Active, other.Status);
        Assert.Equal(new DateOnly(2026, 7, 1), closed.EndedOn);
    }

    [Fact]
    public void Exit_before_an_open_record_started_is_refused_and_closes_nothing()
    {
        var stay = Stay.Open(Household, 1, new DateOnly(2026, 1, 1));
        var later = SupportMeasure.Open(Household, SupportKind.Avdl, Funder.Drihl, new DateOnly(2026, 10, 1), 12);

        var error = Assert.Throws<DomainRuleException>(() => Exit.Record(Household, ExitDay, ExitDay, ExitDestination.PrivateRental, null, [stay], [later], []));

        Assert.Contains("1 octobre 2026", error.Message);
        Assert.Equal(StayStatus.Active, stay.Status);
        Assert.Equal(MeasureStatus.Active, later.Status);
    }

    [Fact]
    public void Exit_is_recorded_at_most_a_month_ahead()
    {
        var stay = Stay.Open(Household, 1, new DateOnly(2026, 1, 1));
        var today = ExitDay.AddMonths(-1);

        Assert.False(Exit.Plan(Household, ExitDay, today, [stay], [], []).ClosesNothing);
        var error = Assert.Throws<DomainRuleException>(() =>
            Exit.Record(Household, ExitDay, today.AddDays(-1), ExitDestination.SocialLandlord, null, [stay], [], []));

        Assert.Equal("La sortie s'enregistre au plus tôt un mois avant la date prévue.", error.Message);
        Assert.Equal(nameof(Exit.ExitedOn), error.Field);
        Assert.Equal(StayStatus.Active, stay.Status);
    }

    [Fact]
    public void An_other_destination_must_be_described() =>
        Assert.Equal("Précisez la destination de sortie.", Assert.Throws<DomainRuleException>(() =>
            Exit.Record(Household, ExitDay, ExitDay, ExitDestination.Other, " ", [], [], [])).Message);

    [Fact]
    public void Every_destination_is_labelled_in_french()
    {
        Assert.Equal("Retour en hébergement", ExitDestination.BackToShelter.Label());
        foreach (var d in Enum.GetValues<ExitDestination>()) Assert.NotEqual(d.ToString(), d.Label());
    }
}
