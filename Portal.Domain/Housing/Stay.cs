using Portal.Domain.Formatting;

namespace Portal.Domain.Housing;

public enum StayStatus
{
    Active = 0,
    Ended = 1,
}

/// A household's stay in a temporary dwelling: six months by default, renewable by a decision.
/// The planned end moves only by renewals; the stay ends when the exit is recorded.
public class Stay
{
    public const int DefaultMonths = 6;
    public const int MaxRenewalMonths = 12;

    private readonly List<StayRenewal> _renewals = [];

    private Stay() { }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    public long DwellingId { get; private set; }
    /// The committee decision that allocated the dwelling, when known.
    public long? DecisionId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    /// Months granted so far, entry and renewals together.
    public int GrantedMonths { get; private set; }
    /// Planned end (first day without the right to stay), always computed from the entry date.
    public DateOnly EndsOn { get; private set; }
    public DateOnly? ExitedOn { get; private set; }
    public StayStatus Status { get; private set; }
    /// The planned end the referent was last warned about; a renewal moves EndsOn and re-arms it.
    public DateOnly? EndWarningSentFor { get; private set; }
    public IReadOnlyList<StayRenewal> Renewals => _renewals;

    public Occupation Occupation => new(DwellingId, StartsOn, ExitedOn);

    /// Opens a stay after an allocation. Use <see cref="Allocation.Ensure"/> first, or the
    /// committee session's allocation decision, which does both.
    public static Stay Open(long householdId, long dwellingId, DateOnly startsOn, int months = DefaultMonths, long? decisionId = null)
    {
        if (months < 1 || months > MaxRenewalMonths)
            throw new DomainRuleException($"La durée d'un séjour est comprise entre 1 et {MaxRenewalMonths} mois.", "Months");
        return new Stay
        {
            HouseholdId = householdId,
            DwellingId = dwellingId,
            DecisionId = decisionId,
            StartsOn = startsOn,
            GrantedMonths = months,
            EndsOn = startsOn.AddMonths(months),
            Status = StayStatus.Active,
        };
    }

    /// Extends the stay by the decided length from its current planned end, whatever the day the
    /// decision is taken. The end is recomputed from the entry date so that month ends do not drift
    /// (entry 31 August: ends 28 February, then 31 August, not 28 August).
    public StayRenewal Renew(int months, DateOnly decidedOn, long? decisionId = null)
    {
        if (Status != StayStatus.Active)
            throw new DomainRuleException("Ce séjour est terminé : il ne peut plus être renouvelé.");
        if (months < 1 || months > MaxRenewalMonths)
            throw new DomainRuleException($"Un renouvellement dure entre 1 et {MaxRenewalMonths} mois.");
        if (decidedOn < StartsOn)
            throw new DomainRuleException("Le renouvellement ne peut pas être décidé avant l'entrée dans les lieux.");
        var renewal = new StayRenewal(decidedOn, months, EndsOn, StartsOn.AddMonths(GrantedMonths + months), decisionId);
        GrantedMonths += months;
        EndsOn = renewal.NewEndsOn;
        _renewals.Add(renewal);
        return renewal;
    }

    /// Records the departure: the dwelling is free from that day.
    public void Exit(DateOnly on)
    {
        if (Status != StayStatus.Active)
            throw new DomainRuleException($"Ce séjour est déjà terminé depuis le {French.Date(ExitedOn!.Value)}.");
        if (on < StartsOn)
            throw new DomainRuleException($"La date de sortie ne peut pas précéder l'entrée dans les lieux, le {French.Date(StartsOn)}.");
        ExitedOn = on;
        Status = StayStatus.Ended;
    }

    public bool IsOverdue(DateOnly today) => Status == StayStatus.Active && EndsOn <= today;

    public void MarkEndWarningSent() => EndWarningSentFor = EndsOn;
}

public sealed record StayRenewal(DateOnly DecidedOn, int Months, DateOnly PreviousEndsOn, DateOnly NewEndsOn, long? DecisionId)
{
    public long Id { get; private set; }
}

public static class StayWarnings
{
    /// Stays whose referent must be warned today that the end is near: active, ending within one
    /// month (or already past it), and not yet warned about this end date. Run daily; a missed
    /// day is caught up the next.
    public static IEnumerable<Stay> ToWarn(IEnumerable<Stay> stays, DateOnly today) =>
        stays.Where(s => s.Status == StayStatus.Active
                         && s.EndsOn <= today.AddMonths(1)
                         && s.EndWarningSentFor != s.EndsOn);
}
