namespace Portal.Domain.Work;

/// How long a worker holds a row, and when a failed attempt is tried again. The row, not the job
/// storage, is the source of truth: with in-memory job storage a restart forgets every queued job,
/// and the sweeper finds the rows again.
public static class WorkPolicy
{
    /// A running row belongs to its node while the node's heartbeat renews the lease. A node that
    /// dies stops renewing: its rows are free again at most this long after its last beat.
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    /// How often a worker node renews the leases of the rows it holds and looks for work nobody has.
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// A new row's own job normally takes it at once; the sweeper only steps in after this.
    public static readonly TimeSpan DispatchGrace = TimeSpan.FromSeconds(15);

    /// After a failure, tries go on at most this far apart, so a queue drains within a minute of the
    /// mail server coming back.
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// Past this age a row that still fails is given up (marked failed for an admin to see).
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(2);

    /// Delay before the next try after <paramref name="attempts"/> failed attempts (1-based):
    /// 5 s, 10 s, 20 s, then every 30 s.
    public static TimeSpan DelayAfter(int attempts)
    {
        if (attempts < 1) return TimeSpan.Zero;
        var seconds = 5 * Math.Pow(2, Math.Min(attempts, 10) - 1);
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
    }

    /// The status a row takes after a failed attempt: tried again later, or given up.
    public static WorkStatus StatusAfterFailure(DateTime createdAtUtc, DateTime nowUtc) =>
        nowUtc - createdAtUtc >= GiveUpAfter ? WorkStatus.Failed : WorkStatus.Pending;

    /// Whether a row may be claimed by a worker now: a pending one once its next try is due, a
    /// running one once its lease has run out (its node stopped renewing it).
    public static bool IsClaimable(WorkStatus status, DateTime? notBeforeUtc, DateTime? leaseUntilUtc, DateTime nowUtc) =>
        status switch
        {
            WorkStatus.Pending => notBeforeUtc is null || notBeforeUtc <= nowUtc,
            WorkStatus.Running => leaseUntilUtc is null || leaseUntilUtc < nowUtc,
            _ => false,
        };
}
