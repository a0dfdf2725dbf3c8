using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Menages;

[Collection(PortalCollection.Name)]
public class JournalTests(PortalApp app)
{
    [Theory]
    [InlineData("2099-06-01", "La date ne peut pas être dans le futur : le journal raconte ce qui a eu lieu.")]
    [InlineData("1999-12-31", "Vérifiez l'année : elle doit être après 2000.")]
    public async Task A_journal_date_the_domain_refuses_is_told_at_its_field_with_the_entry_kept(string occurredOn, string message)
    {
        var id = await CreateAsync(app, $"JOURDATE{Token()} Inès");
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var response = await Forms.PostAsync(worker, $"/suivi/menages/{id}/journal", new()
        {
            ["Entry.Kind"] = "HomeVisit", ["Entry.OccurredOn"] = occurredOn, ["Entry.Text"] = "Visite : le chauffe-eau fuit toujours.",
            ["Entry.IsConfidential"] = "true",
        }, "Journal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal(message, HousingData.FieldError(html, "entry-date"));
        Assert.Contains($"value=\"{occurredOn}\"", html);
        Assert.Contains("Visite : le chauffe-eau fuit toujours.", html);
        Assert.Matches("<option[^>]*selected=\"selected\"[^>]*value=\"HomeVisit\"|<option[^>]*value=\"HomeVisit\"[^>]*selected", html);
        Assert.Empty(await app.WithDbAsync(db => db.JournalEntries.Where(j => j.HouseholdId == id).ToListAsync()));
    }
}
