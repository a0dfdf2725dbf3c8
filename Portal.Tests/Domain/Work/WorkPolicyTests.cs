using Portal.Domain.Work;

namespace Portal.Tests.Domain.Work;

public class WorkPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 30)]
    [InlineData(50, 30)]
    public void Retries_back_off_then_level_off_within_half_a_minute(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WorkPolicy.DelayAfter(attempts));

    [Fact]
    public void A_row_is_given_up_only_after_two_days_of_failures()
    {
        Assert.Equal(WorkStatus.Pending, WorkPolicy.StatusAfterFailure(Now.AddDays(-2).AddMinutes(1), Now));
        Assert.Equal(WorkStatus.Failed, WorkPolicy.StatusAfterFailure(Now.AddDays(-2), Now));
    }

    [Fact]
    public void A_dead_nodes_rows_are_free_within_half_a_minute() =>
        Assert.True(WorkPolicy.Lease + WorkPolicy.Heartbeat <= TimeSpan.FromSeconds(30));

    [Fact]
    public void Pending_row_waits_for_its_next_try() =>
        Assert.False(WorkPolicy.IsClaimable(WorkStatus.Pending, Now.AddSeconds(1), null, Now));

    [Fact]
    public void Pending_row_is_claimable_once_due() =>
        Assert.True(WorkPolicy.IsClaimable(WorkStatus.Pending, Now, null, Now));

    [Fact]
    public void Running_row_is_protected_by_its_lease() =>
        Assert.False(WorkPolicy.IsClaimable(WorkStatus.Running, null, Now.AddMinutes(1), Now));

    [Fact]
    public void Running_row_is_taken_over_when_its_worker_died() =>
        Assert.True(WorkPolicy.IsClaimable(WorkStatus.Running, null, Now.AddSeconds(-1), Now));

    [Theory]
    [InlineData(WorkStatus.Done)]
    [InlineData(WorkStatus.Failed)]
    public void Finished_rows_are_never_claimed(WorkStatus status) =>
        Assert.False(WorkPolicy.IsClaimable(status, null, null, Now));
}
