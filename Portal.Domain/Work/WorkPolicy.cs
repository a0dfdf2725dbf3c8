namespace Portal.Domain.Work;

/// How long a worker may hold a row before another may take it over, and when a failed attempt is
/// tried again. The row, not the job storage, is the source of truth: with in-memory job storage a
/// restart forgets every queued job, and the sweeper finds the rows again.
public static class WorkPolicy
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public const int MaxAttempts = 12;

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(15),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromHours(1),
    ];

    /// Delay before the next try after <paramref name="attempts"/> failed attempts (1-based).
    public static TimeSpan DelayAfter(int attempts)
    {
        if (attempts < 1) return TimeSpan.Zero;
        return Backoff[Math.Min(attempts, Backoff.Length) - 1];
    }

    /// The status a row takes after a failed attempt: tried again later, or given up.
    public static WorkStatus StatusAfterFailure(int attempts) =>
        attempts >= MaxAttempts ? WorkStatus.Failed : WorkStatus.Pending;

    /// Whether a row may be claimed by a worker now.
    public static bool IsClaimable(WorkStatus status, DateTime? notBeforeUtc, DateTime? leaseUntilUtc, DateTime nowUtc) =>
        status switch
        {
            WorkStatus.Pending => notBeforeUtc is null || notBeforeUtc <= nowUtc,
            WorkStatus.Running => leaseUntilUtc is null || leaseUntilUtc < nowUtc,
            _ => false,
        };
}
