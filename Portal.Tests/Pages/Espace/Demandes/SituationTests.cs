using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Portal.Testing.RequestDrafts;

namespace Portal.Tests.Pages.Espace.Demandes;

[Collection(PortalCollection.Name)]
public class SituationTests(PortalApp app)
{
    [Theory]
    [InlineData(10, "La date de la décision ne peut pas être dans le futur.")]
    [InlineData(-7000, "Vérifiez l'année : le DALO existe depuis 2008.")]
    public async Task A_DALO_decision_date_the_domain_refuses_is_told_at_its_field_with_the_step_kept(int daysFromToday, string message)
    {
        var client = await app.SignedInAsync(await NewResidentAsync(app));
        var id = await StartAsync(client);
        var decided = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd");

        var response = await SaveAsync(client, id, 3, new()
        {
            ["Input.Situation"] = "HostedByThirdParty", ["Input.SituationDetails"] = "Hébergée chez ma tante depuis l'été.",
            ["Input.TargetGroups"] = "ViolenceVictim", ["Input.IsDalo"] = "true", ["Input.DaloDecisionDate"] = decided,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal(message, HousingData.FieldError(html, "dalo-date"));
        Assert.Contains($"value=\"{decided}\"", html);
        Assert.Contains("Hébergée chez ma tante depuis l&#x27;été.", html);
        var draft = await app.WithDbAsync(db => db.HousingRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((false, null, null), (draft.IsDalo, draft.DaloDecisionDate, draft.SituationDetails));
    }
}
