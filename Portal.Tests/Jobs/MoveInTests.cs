using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Housing;
using Portal.Jobs;
using Portal.Testing;
using static Portal.Testing.HousingData;

namespace Portal.Tests.Jobs;

[Collection(PortalCollection.Name)]
public class MoveInTests(PortalApp app)
{
    private sealed class Later(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }

    private async Task<(SuiviData.Created Request, long Item, long Session)> OnAgendaAsync()
    {
        var c = await SuiviData.CreateAsync(app, "Nord", "Awa", $"Entree{SuiviData.Token()}", then: [RequestAction.TakeInCharge]);
        var (session, items) = await SessionAsync(app, PortalApp.Worker1, (AgendaSubject.Request, c.Id));
        return (c, items[0], session);
    }

    private Task<RequestStatus> StatusAsync(long id) =>
        app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task An_allocation_entering_today_moves_the_request_in_at_the_next_run_of_the_job()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T2);
        var (c, item, session) = await OnAgendaAsync();
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var response = await PostSessionAsync(manager, SessionUrl(session), Allocation(item, dwellings[0]), "Allocate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = app.Scope())
            await ActivatorUtilities.CreateInstance<MoveInJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);

        Assert.Equal(RequestStatus.MovedIn, await StatusAsync(c.Id));
        var seen = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.HousingRequestId == c.Id && e.VisibleToApplicant)
            .OrderByDescending(e => e.Id).Select(e => e.ToStatus).FirstAsync());
        Assert.Equal(RequestStatus.MovedIn, seen);
    }

    [Fact]
    public async Task A_later_entry_offers_the_dwelling_then_the_hourly_job_moves_the_request_in_once_the_stay_has_started()
    {
        var (_, dwellings) = await StockAsync(app, Typology.T2);
        var (c, item, session) = await OnAgendaAsync();
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var entry = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");

        var response = await PostSessionAsync(manager, SessionUrl(session), Allocation(item, dwellings[0], entry), "Allocate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RequestStatus.HousingOffered, await StatusAsync(c.Id));

        await using (var scope = app.Scope())
            await ActivatorUtilities.CreateInstance<MoveInJob>(scope.ServiceProvider, (TimeProvider)new Later(TimeSpan.FromDays(2))).RunAsync(CancellationToken.None);
        Assert.Equal(RequestStatus.HousingOffered, await StatusAsync(c.Id));

        await using (var scope = app.Scope())
            await ActivatorUtilities.CreateInstance<MoveInJob>(scope.ServiceProvider, (TimeProvider)new Later(TimeSpan.FromDays(11))).RunAsync(CancellationToken.None);
        Assert.Equal(RequestStatus.MovedIn, await StatusAsync(c.Id));
        await using (var scope = app.Scope())
            await ActivatorUtilities.CreateInstance<MoveInJob>(scope.ServiceProvider, (TimeProvider)new Later(TimeSpan.FromDays(12))).RunAsync(CancellationToken.None);
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.HousingRequestId == c.Id && e.ToStatus == RequestStatus.MovedIn)));
    }
}
