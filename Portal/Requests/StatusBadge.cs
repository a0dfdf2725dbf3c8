using Portal.Domain.Requests;

namespace Portal.Requests;

/// The badge colour of a status in the staff pages (the words are always in the badge too).
public static class StatusBadge
{
    public static string Css(RequestStatus status) => status switch
    {
        RequestStatus.Submitted or RequestStatus.DocumentsRequested => "badge-pending",
        RequestStatus.UnderReview or RequestStatus.PresentedToCommittee or RequestStatus.WaitingList => "badge-running",
        RequestStatus.Accepted or RequestStatus.HousingOffered or RequestStatus.MovedIn => "badge-done",
        RequestStatus.Refused => "badge-failed",
        _ => "",
    };
}
