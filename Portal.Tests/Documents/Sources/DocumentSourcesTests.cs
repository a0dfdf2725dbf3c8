using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Data;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Testing;
using Portal.Tests.Documents.Templates;

namespace Portal.Tests.Documents.Sources;

/// The contracts and the fiche-bilan name the household's reference person by civility and name,
/// never by the request's « demandeur ou demandeuse ».
[Collection(PortalCollection.Name)]
public class DocumentSourcesTests(PortalApp app)
{
    private async Task<(long MeasureId, long ApplicantId)> HouseholdWithMeasureAsync(string tag, Civility? civility) => await app.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var household = new Household { Name = $"KONATE{tag} Fatou", SearchName = $"KONATE{tag} FATOU", CreatedAtUtc = now, UpdatedAtUtc = now };
        household.Persons.Add(new HouseholdPerson { FirstName = "Fatou", LastName = $"Konate{tag}", Relationship = Relationship.Applicant, Civility = civility });
        household.Persons.Add(new HouseholdPerson { FirstName = "Awa", LastName = $"Konate{tag}", Relationship = Relationship.Child, Position = 1 });
        db.Households.Add(household);
        await db.SaveChangesAsync();
        var measure = SupportMeasure.Open(household.Id, SupportKind.Iml, Funder.Ddets, DateOnly.FromDateTime(now).AddMonths(-7), 12);
        db.SupportMeasures.Add(measure);
        await db.SaveChangesAsync();
        return (measure.Id, household.Persons[0].Id);
    });

    private Task<string> RenderAsync(string kind, string key) => app.WithDbAsync(async db =>
    {
        var sources = new DocumentSources(db, TimeProvider.System, new ConfigurationBuilder().Build());
        var model = await sources.ModelAsync(kind, key);
        using var doc = Docx.Render(TemplateKinds.ByKind(kind)!.DefaultTemplate(), model);
        return doc.Body().Text();
    });

    [Fact]
    public async Task Contracts_and_the_fiche_bilan_call_the_reference_person_by_civility_and_name()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (measure, _) = await HouseholdWithMeasureAsync(tag, Civility.Madame);
        var expected = $"Madame Fatou KONATE{tag}";

        var tripartite = await RenderAsync(ContratTripartite.Kind, DocumentSubject.MeasureKey(measure));
        Assert.Contains($"représenté par {expected}, domicilié", tripartite);
        Assert.Contains("personne de référence", tripartite);
        var contract = await RenderAsync(ContratAccompagnement.Kind, DocumentSubject.MeasureKey(measure));
        Assert.Contains($"représenté par {expected}, domicilié", contract);
        var sheet = await RenderAsync(FicheBilanEtat.Kind, DocumentSubject.ReviewKey(measure, 6));
        Assert.Contains(expected, sheet);
        foreach (var text in new[] { tripartite, contract, sheet })
            Assert.DoesNotContain("demandeur ou demandeuse", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_recorded_civility_the_documents_use_the_name_alone_until_staff_record_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (measure, applicant) = await HouseholdWithMeasureAsync(tag, null);

        var before = await RenderAsync(ContratAccompagnement.Kind, DocumentSubject.MeasureKey(measure));
        Assert.Contains($"représenté par Fatou KONATE{tag}, domicilié", before);
        Assert.DoesNotContain("demandeur ou demandeuse", before, StringComparison.OrdinalIgnoreCase);

        // The household's person form records it (managers reach every file).
        var householdId = await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.Id == applicant).Select(p => p.HouseholdId).SingleAsync());
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var url = $"/suivi/menages/{householdId}/personnes";
        var version = await app.WithDbAsync(db => db.Households.Where(h => h.Id == householdId).Select(h => h.Version).SingleAsync());
        var saved = await Forms.PostAsync(manager, url, new() { ["version"] = $"{version}", ["personId"] = $"{applicant}", ["civility"] = "Madame" }, "Civility");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await (await manager.GetAsync(url)).HtmlAsync());
        Assert.Contains($"Fatou Konate{tag} : civilité « Madame » enregistrée.", page);

        var after = await RenderAsync(ContratAccompagnement.Kind, DocumentSubject.MeasureKey(measure));
        Assert.Contains($"représenté par Madame Fatou KONATE{tag}, domicilié", after);

        var bad = await Forms.PostAsync(manager, url, new() { ["version"] = $"{version + 1}", ["personId"] = $"{applicant}", ["civility"] = "Docteur" }, "Civility");
        Assert.Contains("Choisissez la civilité dans la liste", System.Net.WebUtility.HtmlDecode(await bad.HtmlAsync()));
        Assert.Equal(Civility.Madame, await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.Id == applicant).Select(p => p.Civility).SingleAsync()));
    }
}
