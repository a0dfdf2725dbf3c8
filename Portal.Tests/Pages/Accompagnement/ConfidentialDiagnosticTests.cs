using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Testing;
using static Portal.Tests.Pages.Accompagnement.SupportData;

namespace Portal.Tests.Pages.Accompagnement;

/// A diagnostic written in a confidential journal entry is read, on the measure page, only by the
/// household's referent and managers, as on the household file.
[Collection(PortalCollection.Name)]
public class ConfidentialDiagnosticTests(PortalApp app)
{
    [Fact]
    public async Task A_confidential_diagnostic_is_masked_for_a_worker_of_the_team_who_is_not_the_referent()
    {
        var h = await HouseholdAsync(app, team: "Nord", referentEmail: PortalApp.Manager);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-1), 12);
        var secret = $"Violences conjugales {Guid.NewGuid():N}";
        await app.WithDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Email == PortalApp.Manager);
            db.JournalEntries.Add(new JournalEntry
            {
                HouseholdId = h.HouseholdId, Kind = JournalKind.Interview, OccurredOn = Today.AddMonths(-1), AuthorId = manager.Id, AuthorName = manager.FullName,
                Text = SupportFiles.DiagnosticText(measureId, secret), IsConfidential = true, CreatedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var url = MeasureUrl(h.HouseholdId, measureId);

        var worker = await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        var masked = await worker.TextAsync();
        Assert.DoesNotContain(secret, masked);
        Assert.Contains("Le diagnostic initial n'est lisible que par le référent du ménage et les responsables.", masked);
        Assert.DoesNotContain("Enregistrer le diagnostic", masked);
        // Its own page masks it the same way and offers no form to write a second one.
        var section = await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync($"{url}/diagnostic")).TextAsync();
        Assert.DoesNotContain(secret, section);
        Assert.Contains("Le diagnostic initial n'est lisible que par le référent du ménage et les responsables.", section);
        Assert.DoesNotContain("Enregistrer le diagnostic", section);

        Assert.Contains(secret, await (await (await app.SignedInAsync(PortalApp.Manager)).GetAsync(url)).TextAsync());
    }
}
