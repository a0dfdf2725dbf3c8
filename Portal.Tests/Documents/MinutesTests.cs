using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.HousingData;

namespace Portal.Tests.Documents;

[Collection(PortalCollection.Name)]
public class MinutesTests(PortalApp app)
{
    [Fact]
    public async Task Minutes_name_the_household_and_the_request_reference_never_an_internal_number()
    {
        var t = SuiviData.Token();
        var request = await SuiviData.CreateAsync(app, "Nord", "Fatou", $"Konaté{t}", then: [RequestAction.TakeInCharge]);
        var household = await HouseholdAsync(app, "Nord", name: $"DURAND{t} Marie");
        var (session, _) = await SessionAsync(app, PortalApp.Worker1, (AgendaSubject.Request, request.Id), (AgendaSubject.Household, household));

        await using var scope = app.Scope();
        var sources = new DocumentSources(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), TimeProvider.System,
            scope.ServiceProvider.GetRequiredService<IConfiguration>());
        var model = await sources.ModelAsync(ProcesVerbal.Kind, DocumentSubject.SessionKey(session));
        var names = ((IEnumerable<TemplateModel>)model["decisions"]!).Select(d => (string)d["decision.menage"]!).ToList();

        Assert.StartsWith("DL-", request.Reference);
        Assert.Equal([$"KONATÉ{t.ToUpperInvariant()} Fatou ({request.Reference})", $"DURAND{t} Marie"], names);
        Assert.DoesNotContain(names, n => n.Contains("n°"));
        Assert.Equal("2\u00A0situations examinées", model["decisions.texte"]);
    }
}
