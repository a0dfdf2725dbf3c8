using Portal.Domain.Formatting;

namespace Portal.Domain.Support;

public enum MeasureStatus
{
    Active = 0,
    Ended = 1,
}

public enum MeasureEndReason
{
    Completed = 0,
    Exit = 1,
    LeaseSlid = 2,
}

/// A support measure for a household: its kind, funder and length, its action plan and its reviews.
/// <see cref="EndsOn"/> is the term (start + granted months), when the end review is due.
public class SupportMeasure
{
    private readonly List<MeasureRenewal> _renewals = [];
    private readonly List<ActionAxis> _axes = [];
    private readonly List<Review> _reviews = [];

    private SupportMeasure() { }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    public SupportKind Kind { get; private set; }
    public Funder Funder { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public int InitialMonths { get; private set; }
    public int TotalMonths { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public MeasureStatus Status { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public MeasureEndReason? EndReason { get; private set; }
    /// The measure this one continues (maintien dans le logement after a lease slid).
    public long? PreviousMeasureId { get; private set; }
    public DateOnly? ReviewsWarnedUntil { get; private set; }
    /// The date of the earliest review not held yet while the measure runs (null once it ended): a
    /// measure whose next review is later than the « à faire » window has nothing late or due, so
    /// the dashboard, the portfolio and the warning job skip it in the query.
    public DateOnly? NextReviewOn { get; private set; }
    public IReadOnlyList<MeasureRenewal> Renewals => _renewals;
    public IReadOnlyList<ActionAxis> Axes => _axes;
    public IReadOnlyList<Review> RecordedReviews => _reviews;
    public Diagnostic? Diagnostic { get; private set; }

    public static SupportMeasure Open(long householdId, SupportKind kind, Funder funder, DateOnly startsOn, int months)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("Type de mesure inconnu.");
        if (!Enum.IsDefined(funder)) throw new DomainRuleException("Financeur inconnu.");
        if (kind.LengthProblem(months) is { } problem) throw new DomainRuleException(problem);
        var measure = new SupportMeasure
        {
            HouseholdId = householdId,
            Kind = kind,
            Funder = funder,
            StartsOn = startsOn,
            InitialMonths = months,
            TotalMonths = months,
            EndsOn = startsOn.AddMonths(months),
            Status = MeasureStatus.Active,
        };
        measure.ScheduleNextReview();
        return measure;
    }

    /// Sets <see cref="NextReviewOn"/> from the schedule and the reviews held. Every change of them
    /// goes through this class, which calls it; a measure stored before the date was kept gets it
    /// just after the site starts (DatabaseSetup.ScheduleNextReviewsAfterStart).
    public void ScheduleNextReview()
    {
        if (Status != MeasureStatus.Active)
        {
            NextReviewOn = null;
            return;
        }
        NextReviewOn = ReviewSchedule.NotHeld(Kind, TotalMonths, _reviews.Select(r => r.MonthsFromStart).ToHashSet())
            .Select(m => (DateOnly?)ReviewSchedule.DueOn(StartsOn, m)).FirstOrDefault();
    }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndedOn is null || day < EndedOn);

    /// The sliding lease this measure carries: only a kind of measure that carries one, and one lease
    /// per measure (<paramref name="existing"/> is the lease it already carries, its own or the one it
    /// took over from the measure it follows).
    public SlidingLease StartLease(SlidingLease? existing, string landlord, DateOnly startsOn, decimal rent, decimal charges)
    {
        if (!Kind.CanSlideLease()) throw new DomainRuleException($"Une mesure {Kind.Label()} ne porte pas de bail glissant.");
        if (existing is not null) throw new DomainRuleException("Cette mesure a déjà son bail.");
        return new SlidingLease(HouseholdId, Id, landlord, startsOn, rent, charges);
    }

    /// The initial diagnostic, written once per measure while it runs.
    public Diagnostic WriteDiagnostic(string text, DateOnly writtenOn, string authorId, string authorName, DateTime nowUtc, bool isConfidential = false)
    {
        EnsureActive();
        if (Diagnostic is not null) throw new DomainRuleException("Le diagnostic initial est déjà écrit.", nameof(Diagnostic.Text));
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Écrivez le diagnostic initial.", nameof(Diagnostic.Text));
        var trimmed = text.Trim();
        if (trimmed.Length > Diagnostic.MaxLength)
            throw new DomainRuleException("Le diagnostic ne doit pas dépasser 8 000 caractères.", nameof(Diagnostic.Text));
        Diagnostic = new Diagnostic(Id, writtenOn, authorId, authorName, trimmed, isConfidential, nowUtc);
        return Diagnostic;
    }

    /// Adds months to the term, counted from the start so month ends do not drift.
    public MeasureRenewal Renew(int months, DateOnly decidedOn)
    {
        EnsureActive();
        if (decidedOn < StartsOn)
            throw new DomainRuleException($"Le renouvellement ne peut pas précéder le début de la mesure, le {French.Date(StartsOn)}.", nameof(MeasureRenewal.DecidedOn));
        var rule = Kind.Rule();
        if (months < 1 || months > rule.MaxMonths)
            throw new DomainRuleException($"Un renouvellement de mesure {Kind.Label()} dure de 1 à {rule.MaxMonths} mois.");
        if (TotalMonths + months > rule.MaxTotalMonths)
            throw new DomainRuleException(
                $"Une mesure {Kind.Label()} ne peut pas dépasser {rule.MaxTotalMonths} mois au total : il reste {rule.MaxTotalMonths - TotalMonths} mois possibles.");
        var renewal = new MeasureRenewal(decidedOn, months, EndsOn, StartsOn.AddMonths(TotalMonths + months));
        TotalMonths += months;
        EndsOn = renewal.NewEndsOn;
        _renewals.Add(renewal);
        ScheduleNextReview();
        return renewal;
    }

    public void Close(DateOnly on, MeasureEndReason reason)
    {
        EnsureActive();
        if (on < StartsOn)
            throw new DomainRuleException($"La mesure ne peut pas se terminer avant son début, le {French.Date(StartsOn)}.");
        Status = MeasureStatus.Ended;
        EndedOn = on;
        EndReason = reason;
        ScheduleNextReview();
    }

    public ActionAxis AddAxis(ActionArea area, string objective, string? actions)
    {
        EnsureActive();
        if (!Enum.IsDefined(area)) throw new DomainRuleException("Axe inconnu.");
        if (_axes.Any(a => a.Area == area))
            throw new DomainRuleException($"Le plan d'action a déjà un axe « {area.Label()} ».");
        var axis = new ActionAxis(area, objective, actions);
        _axes.Add(axis);
        return axis;
    }

    public ActionAxis Axis(ActionArea area) =>
        _axes.FirstOrDefault(a => a.Area == area) ?? throw new DomainRuleException($"Le plan d'action n'a pas d'axe « {area.Label()} ».");

    /// The schedule with the state of each review on <paramref name="today"/>. Once the measure is
    /// over, reviews not held are « sans objet ».
    public IReadOnlyList<ScheduledReview> Reviews(DateOnly today, int windowDays = ReviewSchedule.DueWindowDays)
    {
        var done = _reviews.Select(r => r.MonthsFromStart).ToHashSet();
        return ReviewSchedule.Milestones(Kind, TotalMonths)
            .Union(done)
            .Order()
            .Select(m =>
            {
                var dueOn = ReviewSchedule.DueOn(StartsOn, m);
                var state = Status == MeasureStatus.Ended && !done.Contains(m)
                    ? ReviewState.NotHeld
                    : ReviewSchedule.StateOf(dueOn, done.Contains(m), today, windowDays);
                return new ScheduledReview(Id, m, dueOn, m == TotalMonths, state);
            })
            .ToList();
    }

    /// The first review not held yet, the one the next meeting should record.
    public ScheduledReview? NextReview(DateOnly today) =>
        Reviews(today).FirstOrDefault(r => r.State is not (ReviewState.Done or ReviewState.NotHeld));

    /// Records a review and applies its decision: continue, renew (by <paramref name="renewalMonths"/>)
    /// or end. Sliding the lease goes through <see cref="RecordSlideReview"/>, which needs the lease.
    public Review RecordReview(int monthsFromStart, DateOnly heldOn, ReviewDecision decision, string? summary, int? renewalMonths = null)
    {
        var planned = CheckReview(monthsFromStart, heldOn);
        switch (decision)
        {
            case ReviewDecision.Continue when planned.IsEnd:
                throw new DomainRuleException("La mesure arrive à son terme : le bilan décide de la renouveler ou d'y mettre fin.");
            case ReviewDecision.Continue:
                break;
            case ReviewDecision.Renew:
                Renew(renewalMonths ?? throw new DomainRuleException("Indiquez la durée du renouvellement."), heldOn);
                break;
            case ReviewDecision.End:
                break;
            case ReviewDecision.SlideLease:
                throw new DomainRuleException("Le glissement du bail s'enregistre avec le suivi du bail glissant.");
            default:
                throw new DomainRuleException("Décision inconnue.");
        }
        var review = new Review(monthsFromStart, planned.DueOn, heldOn, decision, decision == ReviewDecision.Renew ? renewalMonths : null, summary?.Trim());
        _reviews.Add(review);
        if (decision == ReviewDecision.End) Close(heldOn, MeasureEndReason.Completed);
        else ScheduleNextReview();
        return review;
    }

    /// A review deciding the slide: the lease slides if its conditions hold (else nothing is
    /// recorded), this measure ends, and a « maintien dans le logement » follow-up opens the same day.
    public SupportMeasure RecordSlideReview(int monthsFromStart, DateOnly heldOn, SlidingLease lease, bool situationJudgedStable, string? summary, int followUpMonths = 6)
    {
        if (!Kind.CanSlideLease())
            throw new DomainRuleException($"Une mesure {Kind.Label()} ne porte pas de bail glissant.");
        if (lease.HouseholdId != HouseholdId)
            throw new DomainRuleException("Ce bail n'est pas celui du ménage suivi par la mesure.");
        var planned = CheckReview(monthsFromStart, heldOn);
        var followUp = Open(HouseholdId, SupportKind.TenancySustainment, Funder, heldOn, followUpMonths);
        lease.Slide(heldOn, situationJudgedStable);
        _reviews.Add(new Review(monthsFromStart, planned.DueOn, heldOn, ReviewDecision.SlideLease, null, summary?.Trim()));
        Close(heldOn, MeasureEndReason.LeaseSlid);
        followUp.PreviousMeasureId = Id;
        return followUp;
    }

    public void MarkReviewWarningSent(DateOnly dueOn)
    {
        if (ReviewsWarnedUntil is null || dueOn > ReviewsWarnedUntil) ReviewsWarnedUntil = dueOn;
    }

    private ScheduledReview CheckReview(int monthsFromStart, DateOnly heldOn)
    {
        EnsureActive();
        var planned = Reviews(heldOn).FirstOrDefault(r => r.MonthsFromStart == monthsFromStart)
            ?? throw new DomainRuleException($"Aucun bilan n'est prévu à {monthsFromStart} mois pour cette mesure.");
        if (planned.State == ReviewState.Done)
            throw new DomainRuleException($"Le {planned.Label.ToLowerInvariant()} est déjà enregistré.");
        if (heldOn < planned.DueOn.AddMonths(-1))
            throw new DomainRuleException(
                $"Le {planned.Label.ToLowerInvariant()} est prévu le {French.Date(planned.DueOn)} : il peut se tenir au plus tôt un mois avant.");
        return planned;
    }

    private void EnsureActive()
    {
        if (Status != MeasureStatus.Active)
            throw new DomainRuleException($"Cette mesure est terminée depuis le {French.Date(EndedOn!.Value)}.");
    }
}

public sealed record MeasureRenewal(DateOnly DecidedOn, int Months, DateOnly PreviousEndsOn, DateOnly NewEndsOn)
{
    public long Id { get; private set; }
}

public sealed record Review(int MonthsFromStart, DateOnly DueOn, DateOnly HeldOn, ReviewDecision Decision, int? RenewalMonths, string? Summary)
{
    public long Id { get; private set; }
}
