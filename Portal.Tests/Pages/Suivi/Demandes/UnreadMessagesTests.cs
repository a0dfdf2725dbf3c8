using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Portal.Domain.Requests;

namespace Portal.Tests.Pages.Suivi.Demandes;

[Collection(PortalCollection.Name)]
public class UnreadMessagesTests(PortalApp app)
{
    [Fact]
    public async Task A_message_from_the_person_shows_in_the_queue_until_the_team_opens_the_request()
    {
        var request = await SuiviData.CreateAsync(app, "Nord", "Inès", "Lunaire");
        await app.WithDbAsync(async db =>
        {
            (await db.HousingRequests.SingleAsync(r => r.Id == request.Id))
                .Write(request.ApplicantId, "Inès Lunaire", "Bonjour, j'ai trouvé un emploi.", fromStaff: false, withPartner: false, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var queue = await (await worker.GetAsync($"/suivi/demandes?q={request.Reference}")).HtmlAsync();
        Assert.Contains("1 nouveau message", queue);

        await worker.GetAsync($"/suivi/demandes/{request.Id}");
        Assert.True(await app.WithDbAsync(db => db.RequestMessages.Where(m => m.HousingRequestId == request.Id).AllAsync(m => m.ReadAtUtc != null)));
        var after = await (await worker.GetAsync($"/suivi/demandes?q={request.Reference}")).HtmlAsync();
        Assert.DoesNotContain("nouveau message", after);
    }
}
