using Portal.Domain.Requests;

namespace Portal.Data;

/// How many submitted requests each team has in each status, kept by the database itself (triggers
/// on `HousingRequests`, created by the RequestCounts migration), so that the queue's total and the
/// dashboard read a few rows instead of counting a team's tens of thousands of requests at each
/// page. Only requests with a submission date are counted (drafts have none). The site never writes
/// this table; any insert, update or delete of a request, however made, moves the counts.
public sealed class RequestCount
{
    /// The team's id, or <see cref="NoTeam"/> for the requests no team covers.
    public int TeamKey { get; private set; }
    public RequestStatus Status { get; private set; }
    public int Count { get; private set; }

    public const int NoTeam = 0;

    public const string InsertTrigger = "TR_HousingRequests_Counts_Insert";
    public const string UpdateTrigger = "TR_HousingRequests_Counts_Update";
    public const string DeleteTrigger = "TR_HousingRequests_Counts_Delete";
}
