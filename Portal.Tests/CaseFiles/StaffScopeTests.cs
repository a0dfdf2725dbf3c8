using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Xunit;

namespace Portal.Tests.CaseFiles;

/// The one rule of what a member of staff reaches, for households and requests alike (DESIGN, "Access").
public class StaffScopeTests
{
    private const int Nord = 1, Sud = 2;
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly StaffScope Worker = new("w-nord", "Claire Martin", IsManager: false, TeamId: Nord);
    private static readonly StaffScope Manager = new("m", "Responsable", IsManager: true, TeamId: null);

    private static HousingRequest Submitted(long id, int? team)
    {
        var request = Draft(id, team);
        request.Move(RequestAction.Submit, $"a{id}", "Demandeur", Now);
        return request;
    }

    /// A draft as saved with this id (the database gives ids; here, the id the test needs).
    private static HousingRequest Draft(long id, int? team)
    {
        var request = HousingRequest.NewDraft($"a{id}", "Demandeur", null, Now);
        request.RouteTo(team);
        typeof(HousingRequest).GetProperty(nameof(HousingRequest.Id))!.SetValue(request, id);
        return request;
    }

    [Fact]
    public void A_worker_reaches_their_team_households_and_those_they_refer_in_another_team()
    {
        var households = new[]
        {
            new Household { Id = 1, TeamId = Nord },
            new Household { Id = 2, TeamId = Sud, ReferentId = "w-nord" },
            new Household { Id = 3, TeamId = Sud, ReferentId = "w-sud" },
            new Household { Id = 4, TeamId = null },
        }.AsQueryable();

        Assert.Equal([1L, 2L], Worker.Visible(households).Select(h => h.Id).ToArray());
        Assert.Equal([1L, 2L, 3L, 4L], Manager.Visible(households).Select(h => h.Id).ToArray());
    }

    [Fact]
    public void A_worker_reaches_their_team_submitted_requests_only_and_a_manager_every_submitted_one()
    {
        var requests = new[]
        {
            Submitted(1, Nord),
            Submitted(2, Sud),
            Submitted(3, null),
            Draft(4, Nord),
        }.AsQueryable();

        Assert.Equal([1L], Worker.Visible(requests).Select(r => r.Id).ToArray());
        Assert.Equal([1L, 2L, 3L], Manager.Visible(requests).Select(r => r.Id).ToArray());
        Assert.Empty((Worker with { TeamId = null }).Visible(requests));
    }
}
