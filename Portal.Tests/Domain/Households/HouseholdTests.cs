using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Households;

public class HouseholdTests
{
    private static readonly DateTime Now = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    private static Household Followed() =>
        new() { Id = 7, Name = "DURAND Marie", SearchName = "DURAND MARIE", TeamId = 1, ReferentId = "worker-1", CreatedAtUtc = Now, UpdatedAtUtc = Now };

    private static Exit ExitOf(long householdId, DateOnly on) =>
        Exit.Record(householdId, on, on, ExitDestination.SocialLandlord, null, [], [], []);

    [Fact]
    public void The_exit_closes_the_file_on_its_date_once()
    {
        var household = Followed();

        household.RecordExit(ExitOf(7, new DateOnly(2026, 5, 4)), Now);

        Assert.Equal((HouseholdStatus.Exited, (DateOnly?)new DateOnly(2026, 5, 4), 1), (household.Status, household.ExitedOn, household.Version));
        var error = Assert.Throws<DomainRuleException>(() => household.RecordExit(ExitOf(7, new DateOnly(2026, 5, 10)), Now));
        Assert.Equal(("La sortie de ce ménage est déjà enregistrée, le 4 mai 2026.", "ExitedOn"), (error.Message, error.Field));
        Assert.Equal(new DateOnly(2026, 5, 4), household.ExitedOn);
    }

    [Fact]
    public void An_exit_recorded_for_another_household_is_refused()
    {
        var household = Followed();

        Assert.Throws<DomainRuleException>(() => household.RecordExit(ExitOf(8, new DateOnly(2026, 5, 4)), Now));
        Assert.Equal(HouseholdStatus.Active, household.Status);
    }

    [Fact]
    public void Taken_in_by_the_committee_the_file_is_followed_again_by_the_worker_it_names()
    {
        var household = Followed();
        household.RecordExit(ExitOf(7, new DateOnly(2026, 1, 5)), Now);

        household.TakeIn(null, Now);
        Assert.Equal((HouseholdStatus.Active, (DateOnly?)null, "worker-1"), (household.Status, household.ExitedOn, household.ReferentId));

        household.TakeIn("worker-2", Now);
        Assert.Equal("worker-2", household.ReferentId);
    }

    [Fact]
    public void A_manager_hands_the_file_to_a_team_and_a_referent_or_to_nobody()
    {
        var household = Followed();

        household.AssignTo(2, "worker-9");
        Assert.Equal((2, "worker-9"), (household.TeamId, household.ReferentId));

        household.AssignTo(null, " ");
        Assert.Equal(((int?)null, (string?)null), (household.TeamId, household.ReferentId));
    }
}
