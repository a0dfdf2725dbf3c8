using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Testing;
using static Portal.Testing.SupportData;

namespace Portal.Tests.Pages.Suivi.Accompagnement;

/// A diagnostic written as confidential is read, on the measure page, only by the
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
            var measure = await db.SupportMeasures.SingleAsync(m => m.Id == measureId);
            measure.WriteDiagnostic(secret, Today.AddMonths(-1), manager.Id, manager.FullName, DateTime.UtcNow, isConfidential: true);
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

    [Fact]
    public async Task A_diagnostic_written_as_confidential_on_the_measure_page_is_masked_for_the_rest_of_the_team()
    {
        var h = await HouseholdAsync(app, team: "Nord", referentEmail: PortalApp.Manager);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-1), 12);
        var secret = $"Addiction suivie au CSAPA {Guid.NewGuid():N}";
        var url = MeasureUrl(h.HouseholdId, measureId);
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var written = await Forms.PostAsync(manager, $"{url}/diagnostic", new() { ["Diag.Text"] = secret, ["Diag.Confidential"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Contains(secret, await (await manager.GetAsync(url)).TextAsync());
        var masked = await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync(url)).TextAsync();
        Assert.DoesNotContain(secret, masked);
        Assert.Contains("Le diagnostic initial n'est lisible que par le référent du ménage et les responsables.", masked);
        var file = await (await manager.GetAsync($"/suivi/menages/{h.HouseholdId}")).TextAsync();
        Assert.Contains($"Diagnostic initial écrit (mesure n° {measureId}).", file);
        Assert.DoesNotContain(secret, file);
    }
}
