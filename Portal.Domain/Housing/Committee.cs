using Portal.Domain.Formatting;
using Portal.Domain.Support;

namespace Portal.Domain.Housing;

public enum CommitteeKind
{
    SteeringCommittee = 0,
    SiaoCommission = 1,
    DecisionBody = 2,
    TechnicalCommittee = 3,
}

public enum AgendaSubject
{
    Household = 0,
    Request = 1,
}

public enum DecisionKind
{
    Allocation = 0,
    SupportOpened = 1,
    AidGranted = 2,
    Refusal = 3,
    Postponement = 4,
}

public enum SessionStatus
{
    Planned = 0,
    Closed = 1,
}

public class Committee
{
    private Committee() { }

    public Committee(string name, CommitteeKind kind)
    {
        Name = Residence.Required(name, "Le nom de l'instance est obligatoire.");
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainRuleException("Type d'instance inconnu.");
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public CommitteeKind Kind { get; private set; }
}

/// One sitting of a committee: its agenda and one decision per item. Decisions are dated the day
/// of the session. Once closed (every item decided), the session no longer changes.
public class CommitteeSession
{
    private readonly List<AgendaItem> _items = [];

    private CommitteeSession() { }

    public CommitteeSession(long committeeId, DateOnly heldOn)
    {
        CommitteeId = committeeId;
        HeldOn = heldOn;
        Status = SessionStatus.Planned;
    }

    public long Id { get; private set; }
    public long CommitteeId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public SessionStatus Status { get; private set; }
    public IReadOnlyList<AgendaItem> Items => _items;

    public void Reschedule(DateOnly heldOn)
    {
        EnsureOpen();
        if (_items.Any(i => i.Decision is not null))
            throw new DomainRuleException("Des décisions sont déjà prises : la date de la séance ne peut plus changer.");
        HeldOn = heldOn;
    }

    /// Puts a household or a request on the agenda, presented by a member of the committee.
    public AgendaItem AddItem(AgendaSubject subject, long subjectId, string presentedById, string? summary = null)
    {
        EnsureOpen();
        if (!Enum.IsDefined(subject)) throw new DomainRuleException("Objet inconnu.");
        if (string.IsNullOrWhiteSpace(presentedById)) throw new DomainRuleException("Indiquez le membre qui présente la situation.");
        if (_items.Any(i => i.Subject == subject && i.SubjectId == subjectId))
            throw new DomainRuleException("Cette situation est déjà à l'ordre du jour de la séance.");
        var item = new AgendaItem(subject, subjectId, presentedById, _items.Count + 1, summary?.Trim());
        _items.Add(item);
        return item;
    }

    public void RemoveItem(AgendaItem item)
    {
        EnsureOpen();
        Own(item);
        if (item.Decision is not null) throw new DomainRuleException("Une situation déjà décidée ne peut pas être retirée de l'ordre du jour.");
        _items.Remove(item);
        for (var i = 0; i < _items.Count; i++) _items[i].Position = i + 1;
    }

    /// Allocates the dwelling if it is free on the entry date and large enough, and opens the stay.
    /// The presenter becomes the household's referent (<see cref="AgendaItem.NewReferentId"/>).
    public Stay DecideAllocation(AgendaItem item, long householdId, Dwelling dwelling, HouseholdComposition household,
        DateOnly entryOn, IEnumerable<Occupation> dwellingOccupations, int months = Stay.DefaultMonths)
    {
        Ready(item);
        if (entryOn < HeldOn) throw new DomainRuleException("L'entrée dans les lieux ne peut pas précéder la décision.", nameof(Decision.EntryOn));
        Allocation.Ensure(dwelling, household, entryOn, dwellingOccupations);
        var stay = Stay.Open(householdId, dwelling.Id, entryOn, months);
        item.Record(new Decision(DecisionKind.Allocation, HeldOn) { DwellingId = dwelling.Id, EntryOn = entryOn, Months = months });
        return stay;
    }

    /// Decides the support to open and opens the measure.
    public SupportMeasure DecideSupport(AgendaItem item, long householdId, SupportKind kind, Funder funder, DateOnly startsOn, int months)
    {
        Ready(item);
        var measure = SupportMeasure.Open(householdId, kind, funder, startsOn, months);
        item.Record(new Decision(DecisionKind.SupportOpened, HeldOn) { SupportKind = kind, Months = months });
        return measure;
    }

    /// Grants aid from the housing aid fund, within what is left of each year's budget.
    public AidGrant DecideAid(AgendaItem item, long householdId, decimal monthlyAmount, int months, DateOnly startMonth,
        IEnumerable<HousingAidFund> funds, IEnumerable<AidGrant> grants)
    {
        Ready(item);
        var grant = AidFund.Grant(householdId, monthlyAmount, months, startMonth, funds, grants);
        item.Record(new Decision(DecisionKind.AidGranted, HeldOn) { MonthlyAmount = monthlyAmount, Months = months, StartMonth = grant.StartMonth });
        return grant;
    }

    public void Refuse(AgendaItem item, string reason)
    {
        Ready(item);
        item.Record(new Decision(DecisionKind.Refusal, HeldOn) { Reason = RefusalRule.Reason(reason) });
    }

    public void Postpone(AgendaItem item, string? reason = null)
    {
        Ready(item);
        item.Record(new Decision(DecisionKind.Postponement, HeldOn) { Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });
    }

    /// Closes the session once every item has its decision (for the minutes).
    public void Close()
    {
        EnsureOpen();
        var pending = _items.Count(i => i.Decision is null);
        if (pending > 0)
            throw new DomainRuleException(pending == 1
                ? "Une situation de l'ordre du jour attend encore sa décision."
                : $"{pending} situations de l'ordre du jour attendent encore leur décision.");
        Status = SessionStatus.Closed;
    }

    private void Ready(AgendaItem item)
    {
        EnsureOpen();
        Own(item);
        if (item.Decision is { } decision)
            throw new DomainRuleException($"Cette situation a déjà fait l'objet d'une décision ({decision.Kind.Label().ToLowerInvariant()}) le {French.Date(decision.DecidedOn)}.");
    }

    private void Own(AgendaItem item)
    {
        if (!_items.Contains(item)) throw new DomainRuleException("Cette situation n'est pas à l'ordre du jour de la séance.");
    }

    private void EnsureOpen()
    {
        if (Status == SessionStatus.Closed) throw new DomainRuleException("La séance est close : son ordre du jour et ses décisions ne changent plus.");
    }
}

public class AgendaItem
{
    private AgendaItem() { }

    internal AgendaItem(AgendaSubject subject, long subjectId, string presentedById, int position, string? summary)
    {
        Subject = subject;
        SubjectId = subjectId;
        PresentedById = presentedById;
        Position = position;
        Summary = summary;
    }

    public long Id { get; private set; }
    public long CommitteeSessionId { get; private set; }
    public AgendaSubject Subject { get; private set; }
    /// The household's or the request's id, depending on <see cref="Subject"/>.
    public long SubjectId { get; private set; }
    public string PresentedById { get; private set; } = "";
    public int Position { get; internal set; }
    public string? Summary { get; private set; }
    public Decision? Decision { get; private set; }

    /// The member who proposed the household stays its referent from entry to exit: set when the
    /// committee takes the household in (a dwelling or a support measure), null otherwise.
    public string? NewReferentId =>
        Decision?.Kind is DecisionKind.Allocation or DecisionKind.SupportOpened ? PresentedById : null;

    internal void Record(Decision decision) => Decision = decision;
}

/// What the committee decided for one item; the fields used depend on the kind.
public sealed class Decision
{
    private Decision() { }

    internal Decision(DecisionKind kind, DateOnly decidedOn)
    {
        Kind = kind;
        DecidedOn = decidedOn;
    }

    public DecisionKind Kind { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public long? DwellingId { get; internal init; }
    public DateOnly? EntryOn { get; internal init; }
    public SupportKind? SupportKind { get; internal init; }
    public int? Months { get; internal init; }
    public decimal? MonthlyAmount { get; internal init; }
    public DateOnly? StartMonth { get; internal init; }
    public string? Reason { get; internal init; }
}

public static class CommitteeLabels
{
    public static string Label(this CommitteeKind kind) => kind switch
    {
        CommitteeKind.SteeringCommittee => "Comité de pilotage",
        CommitteeKind.SiaoCommission => "Commission SIAO",
        CommitteeKind.DecisionBody => "Instance décisionnaire",
        CommitteeKind.TechnicalCommittee => "Comité technique",
        _ => kind.ToString(),
    };

    public static string Label(this DecisionKind kind) => kind switch
    {
        DecisionKind.Allocation => "Attribution d'un logement",
        DecisionKind.SupportOpened => "Ouverture d'un accompagnement",
        DecisionKind.AidGranted => "Aide du fonds d'aide au logement",
        DecisionKind.Refusal => "Refus",
        DecisionKind.Postponement => "Ajournement",
        _ => kind.ToString(),
    };

    public static string Label(this SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Prévue",
        SessionStatus.Closed => "Close",
        _ => status.ToString(),
    };
}
