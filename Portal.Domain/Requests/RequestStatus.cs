namespace Portal.Domain.Requests;

/// The steps of a housing request, in the order a person usually meets them.
public enum RequestStatus
{
    Draft = 0,
    Submitted = 1,
    UnderReview = 2,
    DocumentsRequested = 3,
    PresentedToCommittee = 4,
    Accepted = 5,
    Refused = 6,
    WaitingList = 7,
    HousingOffered = 8,
    MovedIn = 9,
    Closed = 10,
}

/// What someone does to a request; each action moves it to one status.
public enum RequestAction
{
    Submit,
    TakeInCharge,
    RequestDocuments,
    DocumentsReceived,
    PresentToCommittee,
    Postpone,
    Accept,
    Refuse,
    PutOnWaitingList,
    OfferHousing,
    OfferDeclined,
    MoveIn,
    Close,
}

public static class RequestStatusText
{
    public static string Label(this RequestStatus status) => status switch
    {
        RequestStatus.Draft => "Brouillon",
        RequestStatus.Submitted => "Déposée",
        RequestStatus.UnderReview => "En instruction",
        RequestStatus.DocumentsRequested => "Pièces demandées",
        RequestStatus.PresentedToCommittee => "Présentée en commission",
        RequestStatus.Accepted => "Acceptée",
        RequestStatus.Refused => "Refusée",
        RequestStatus.WaitingList => "Liste d'attente",
        RequestStatus.HousingOffered => "Logement proposé",
        RequestStatus.MovedIn => "Entrée dans les lieux",
        RequestStatus.Closed => "Clôturée",
        _ => status.ToString(),
    };

    /// What the step means for the person, in plain French.
    public static string Explanation(this RequestStatus status) => status switch
    {
        RequestStatus.Draft => "Votre demande n'est pas encore envoyée. Vous pouvez la compléter à tout moment.",
        RequestStatus.Submitted => "Votre demande est bien arrivée. Un travailleur social va l'étudier.",
        RequestStatus.UnderReview => "Un travailleur social étudie votre demande. Il peut vous écrire ou vous proposer un rendez-vous.",
        RequestStatus.DocumentsRequested => "Il manque des pièces à votre dossier. Ajoutez-les pour que l'étude continue.",
        RequestStatus.PresentedToCommittee => "Votre demande est présentée à la commission, qui décide des attributions.",
        RequestStatus.Accepted => "La commission a accepté votre demande. Nous cherchons le logement qui vous convient.",
        RequestStatus.Refused => "La commission n'a pas retenu votre demande. Le motif vous est indiqué ; vous pouvez en parler avec votre travailleur social.",
        RequestStatus.WaitingList => "Votre demande est acceptée mais aucun logement n'est libre pour l'instant : vous êtes sur la liste d'attente.",
        RequestStatus.HousingOffered => "Un logement vous est proposé. Votre travailleur social vous contacte pour la visite.",
        RequestStatus.MovedIn => "Vous êtes entré(e) dans votre logement. Bienvenue chez vous !",
        RequestStatus.Closed => "Votre demande est close. Le motif vous est indiqué.",
        _ => "",
    };

    public static bool IsFinal(this RequestStatus status) =>
        status is RequestStatus.MovedIn or RequestStatus.Closed or RequestStatus.Refused;

    /// The usual path shown to the person as the steps ahead.
    public static readonly IReadOnlyList<RequestStatus> MainPath =
    [
        RequestStatus.Submitted,
        RequestStatus.UnderReview,
        RequestStatus.PresentedToCommittee,
        RequestStatus.Accepted,
        RequestStatus.HousingOffered,
        RequestStatus.MovedIn,
    ];
}
