using Portal.Domain.Support;

namespace Portal.Pages.Suivi.Accompagnement;

/// Badge classes of the support pages: a late review is red, a review to do amber-blue, done green.
public static class SupportBadges
{
    public static string Css(ReviewState state) => state switch
    {
        ReviewState.Late => "badge badge-failed review-late",
        ReviewState.Due => "badge badge-pending",
        ReviewState.Done => "badge badge-done",
        ReviewState.Upcoming => "badge badge-running",
        _ => "badge",
    };

    public static string Css(MeasureStatus status) => status == MeasureStatus.Active ? "badge badge-running" : "badge";
}

/// Badge classes of an action plan's axes.
public static class ActionPlanBadges
{
    public static string Css(AxisStatus status) => status switch
    {
        AxisStatus.Achieved => "badge badge-done",
        AxisStatus.InProgress => "badge badge-running",
        AxisStatus.Abandoned => "badge",
        _ => "badge badge-pending",
    };
}
