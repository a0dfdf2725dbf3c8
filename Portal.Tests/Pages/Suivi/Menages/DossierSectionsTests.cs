using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Domain.Requests;
using Portal.Pages.Suivi.Menages;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Menages;

/// The household file is an overview and a page per section; the rules of the file hold on each.
[Collection(PortalCollection.Name)]
public class DossierSectionsTests(PortalApp app)
{
    private static readonly string[] Sections = ["", "/identite", "/personnes", "/ressources", "/partenaires", "/journal"];

    [Fact]
    public async Task Every_section_is_audited_when_opened_and_not_found_for_another_team()
    {
        var id = await CreateAsync(app, $"SECT{Token()} Inès");
        var url = $"/suivi/menages/{id}";
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var overview = await (await worker.GetAsync(url)).HtmlAsync();
        foreach (var section in Sections.Skip(1))
            Assert.Contains($"href=\"{url}{section}\"", overview);
        foreach (var section in Sections.Skip(1))
            Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync(url + section)).StatusCode);

        var opened = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.HouseholdId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(Sections.Length, opened.Count);
        Assert.All(opened, a => Assert.Equal(AuditActions.OpenedFile, a.Action));
        Assert.Null(opened[0].Detail);
        Assert.Equal(["Identité et situation", "Personnes du ménage", "Ressources", "Partenaires", "Journal du suivi"], opened.Skip(1).Select(a => a.Detail!));

        var sud = await app.SignedInAsync(PortalApp.Worker2);
        foreach (var section in Sections)
            Assert.Equal(HttpStatusCode.NotFound, (await sud.GetAsync(url + section)).StatusCode);
        Assert.Equal(Sections.Length, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.HouseholdId == id)));
    }

    [Fact]
    public async Task A_form_left_open_from_before_the_sections_still_saves_at_its_section()
    {
        var t = Token();
        var id = await CreateAsync(app, $"OLD{t} Paul");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var version = await app.WithDbAsync(db => db.Households.Where(h => h.Id == id).Select(h => h.Version).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["version"] = version.ToString(), ["Person.FirstName"] = $"Léa{t}", ["Person.LastName"] = "Moreau", ["Person.Relationship"] = "Child",
        };

        var forwarded = await Forms.PostAsync(worker, $"/suivi/menages/{id}", fields, "AddPerson");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, forwarded.StatusCode);
        var target = forwarded.Headers.Location!.OriginalString;
        Assert.Equal($"/suivi/menages/{id}/personnes?handler=AddPerson", target);

        var saved = await worker.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Forms.Token(await (await worker.GetAsync($"/suivi/menages/{id}")).HtmlAsync()),
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.HouseholdPersons.AnyAsync(p => p.HouseholdId == id && p.FirstName == $"Léa{t}")));
    }

    [Fact]
    public async Task A_civility_outside_the_list_is_refused_at_the_person_and_a_listed_one_is_saved()
    {
        var id = await CreateAsync(app, $"CIV{Token()} Awa");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{id}/personnes";
        var person = await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.HouseholdId == id).Select(p => p.Id).SingleAsync());
        async Task<string> Version() => (await app.WithDbAsync(db => db.Households.Where(h => h.Id == id).Select(h => h.Version).SingleAsync())).ToString();

        var refused = await Forms.PostAsync(worker, url, new() { ["version"] = await Version(), ["personId"] = person.ToString(), ["civility"] = "1" }, "Civility");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Text(await refused.HtmlAsync());
        Assert.Contains($"id=\"civilite-{person}-error\" class=\"field-error\">{PersonnesModel.InvalidCivility}<", html);
        Assert.Null(await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.Id == person).Select(p => p.Civility).SingleAsync()));

        var saved = await Forms.PostAsync(worker, url, new() { ["version"] = await Version(), ["personId"] = person.ToString(), ["civility"] = "Madame" }, "Civility");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Civility.Madame, await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.Id == person).Select(p => p.Civility).SingleAsync()));
    }
}
