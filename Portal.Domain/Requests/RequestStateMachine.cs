namespace Portal.Domain.Requests;

/// Which action is allowed from which status, and where it leads. Everything not listed is refused.
public static class RequestStateMachine
{
    private static readonly Dictionary<(RequestStatus From, RequestAction Action), RequestStatus> Moves = new()
    {
        [(RequestStatus.Draft, RequestAction.Submit)] = RequestStatus.Submitted,

        [(RequestStatus.Submitted, RequestAction.TakeInCharge)] = RequestStatus.UnderReview,
        [(RequestStatus.Submitted, RequestAction.RequestDocuments)] = RequestStatus.DocumentsRequested,
        [(RequestStatus.Submitted, RequestAction.Close)] = RequestStatus.Closed,

        [(RequestStatus.UnderReview, RequestAction.RequestDocuments)] = RequestStatus.DocumentsRequested,
        [(RequestStatus.UnderReview, RequestAction.PresentToCommittee)] = RequestStatus.PresentedToCommittee,
        [(RequestStatus.UnderReview, RequestAction.Close)] = RequestStatus.Closed,

        [(RequestStatus.DocumentsRequested, RequestAction.RequestDocuments)] = RequestStatus.DocumentsRequested,
        [(RequestStatus.DocumentsRequested, RequestAction.DocumentsReceived)] = RequestStatus.UnderReview,
        [(RequestStatus.DocumentsRequested, RequestAction.TakeInCharge)] = RequestStatus.UnderReview,
        [(RequestStatus.DocumentsRequested, RequestAction.Close)] = RequestStatus.Closed,

        [(RequestStatus.PresentedToCommittee, RequestAction.Accept)] = RequestStatus.Accepted,
        [(RequestStatus.PresentedToCommittee, RequestAction.Refuse)] = RequestStatus.Refused,
        [(RequestStatus.PresentedToCommittee, RequestAction.PutOnWaitingList)] = RequestStatus.WaitingList,
        [(RequestStatus.PresentedToCommittee, RequestAction.Postpone)] = RequestStatus.UnderReview,
        [(RequestStatus.PresentedToCommittee, RequestAction.Close)] = RequestStatus.Closed,

        [(RequestStatus.WaitingList, RequestAction.OfferHousing)] = RequestStatus.HousingOffered,
        [(RequestStatus.WaitingList, RequestAction.PresentToCommittee)] = RequestStatus.PresentedToCommittee,
        [(RequestStatus.WaitingList, RequestAction.Close)] = RequestStatus.Closed,

        [(RequestStatus.Accepted, RequestAction.OfferHousing)] = RequestStatus.HousingOffered,
        [(RequestStatus.Accepted, RequestAction.Close)] = RequestStatus.Closed,

        [(RequestStatus.HousingOffered, RequestAction.MoveIn)] = RequestStatus.MovedIn,
        [(RequestStatus.HousingOffered, RequestAction.OfferDeclined)] = RequestStatus.Accepted,
        [(RequestStatus.HousingOffered, RequestAction.Close)] = RequestStatus.Closed,
    };

    public static IEnumerable<(RequestStatus From, RequestAction Action, RequestStatus To)> AllowedMoves =>
        Moves.Select(m => (m.Key.From, m.Key.Action, m.Value));

    public static bool CanApply(RequestStatus from, RequestAction action) => Moves.ContainsKey((from, action));

    public static RequestStatus Apply(RequestStatus from, RequestAction action) =>
        Moves.TryGetValue((from, action), out var to)
            ? to
            : throw new DomainRuleException($"Action impossible : une demande « {from.Label()} » ne peut pas être {ActionLabel(action)}.");

    public static IReadOnlyList<RequestAction> ActionsFrom(RequestStatus from) =>
        Moves.Keys.Where(k => k.From == from).Select(k => k.Action).ToList();

    /// Past participle used in refusals: "ne peut pas être {…}".
    public static string ActionLabel(RequestAction action) => action switch
    {
        RequestAction.Submit => "envoyée",
        RequestAction.TakeInCharge => "prise en charge",
        RequestAction.RequestDocuments => "mise en attente de pièces",
        RequestAction.DocumentsReceived => "reprise après réception des pièces",
        RequestAction.PresentToCommittee => "présentée en commission",
        RequestAction.Postpone => "ajournée",
        RequestAction.Accept => "acceptée",
        RequestAction.Refuse => "refusée",
        RequestAction.PutOnWaitingList => "mise en liste d'attente",
        RequestAction.OfferHousing => "suivie d'une proposition de logement",
        RequestAction.OfferDeclined => "remise en recherche de logement",
        RequestAction.MoveIn => "marquée « entrée dans les lieux »",
        RequestAction.Close => "clôturée",
        _ => action.ToString(),
    };
}
