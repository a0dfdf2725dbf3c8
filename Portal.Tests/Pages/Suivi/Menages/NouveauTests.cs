using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Menages;

[Collection(PortalCollection.Name)]
public class NouveauTests(PortalApp app)
{
    private const string Url = "/suivi/menages/nouveau";

    [Fact]
    public async Task Errors_are_in_french_at_each_field_and_nothing_typed_is_lost()
    {
        var t = Token();
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await Forms.PostAsync(worker, Url, new()
        {
            ["Input.Name"] = "",
            ["Input.Members[0].FirstName"] = $"Awa{t}", ["Input.Members[0].LastName"] = "", ["Input.Members[0].BirthDate"] = "32/13/1990", ["Input.Members[0].Relationship"] = "Applicant",
            ["Input.Members[1].FirstName"] = $"Moussa{t}", ["Input.Members[1].LastName"] = "Koné", ["Input.Members[1].BirthDate"] = Today.AddDays(10).ToString("yyyy-MM-dd"),
            ["Input.Phone"] = "pas un numéro !", ["Input.Email"] = "awa@", ["Input.Town"] = $"Lille {t}",
            ["Input.SituationDetails"] = $"Hébergée chez sa sœur {t}", ["Input.TargetGroups"] = "ViolenceVictim", ["Input.IsDalo"] = "true",
        }, "Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.HtmlAsync());
        Assert.Contains("Indiquez le nom du ménage", html);
        Assert.Contains("Indiquez le nom de cette personne.", html);
        Assert.Contains("Cette date n'est pas valide", html);
        Assert.Contains("La date de naissance ne peut pas être dans le futur.", html);
        Assert.Contains("Indiquez le lien de cette personne avec le ménage.", html);
        Assert.Contains("Ce numéro de téléphone n'est pas valide", html);
        Assert.Contains("Cette adresse électronique n'est pas valide", html);
        // What was typed is still there.
        Assert.Contains($"value=\"Awa{t}\"", html);
        Assert.Contains($"value=\"Moussa{t}\"", html);
        Assert.Contains("value=\"32/13/1990\"", html);
        Assert.Contains($"value=\"Lille {t}\"", html);
        Assert.Contains("value=\"awa@\"", html);
        Assert.Contains($"Hébergée chez sa sœur {t}", html);
        Assert.Matches("name=\"Input.TargetGroups\" value=\"ViolenceVictim\" checked", html);
        Assert.Matches("id=\"Input_IsDalo\" name=\"Input.IsDalo\" value=\"true\" checked", html);
        Assert.Empty(await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.FirstName == $"Awa{t}").ToListAsync()));
    }

    [Fact]
    public async Task A_worker_opens_a_file_for_their_team_and_is_its_referent_by_default()
    {
        var t = Token();
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var form = Text(await (await worker.GetAsync(Url)).HtmlAsync());
        var me = await UserIdAsync(app, PortalApp.Worker1);
        Assert.Matches($"<option value=\"{me}\" selected", form);

        var response = await Forms.PostAsync(worker, Url, new()
        {
            ["Input.Name"] = $"TRAORÉ{t} Awa",
            ["Input.Members[0].FirstName"] = "Awa", ["Input.Members[0].LastName"] = $"Traoré{t}", ["Input.Members[0].BirthDate"] = "14/07/1990", ["Input.Members[0].Relationship"] = "Applicant",
            ["Input.Members[0].Civility"] = "Madame",
            ["Input.Members[1].FirstName"] = "Issa", ["Input.Members[1].LastName"] = $"Traoré{t}", ["Input.Members[1].BirthDate"] = "2019-02-03", ["Input.Members[1].Relationship"] = "Child",
            ["Input.Members[2].FirstName"] = "", ["Input.Members[2].LastName"] = "",
            ["Input.Phone"] = "06 12 34 56 78", ["Input.Situation"] = "HostedByThirdParty", ["Input.TargetGroups"] = "ViolenceVictim", ["Input.IsDalo"] = "true",
            ["Input.ReferentId"] = me,
        }, "Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/suivi/menages/", location);

        var household = await app.WithDbAsync(db => db.Households.AsNoTracking().Include(h => h.Persons).SingleAsync(h => h.Name == $"TRAORÉ{t} Awa"));
        Assert.Equal($"TRAORE{t.ToUpperInvariant()} AWA", household.SearchName);
        Assert.Equal((int?)await TeamIdAsync(app, "Nord"), household.TeamId);
        Assert.Equal(me, household.ReferentId);
        Assert.True(household.IsDalo);
        Assert.Equal(TargetGroups.ViolenceVictim, household.TargetGroups);
        Assert.Equal(2, household.Persons.Count);
        Assert.Contains(household.Persons, p => p.FirstName == "Issa" && p.Relationship == Relationship.Child && p.BirthDate == new DateOnly(2019, 2, 3));
        // The civility the documents use (« Madame Awa TRAORÉ »); not recorded for the child.
        Assert.Equal(Civility.Madame, household.Persons.Single(p => p.FirstName == "Awa").Civility);
        Assert.Null(household.Persons.Single(p => p.FirstName == "Issa").Civility);

        var page = Text(await (await worker.GetAsync(location)).HtmlAsync());
        Assert.Contains($"TRAORÉ{t} Awa", page);
        Assert.Contains("est ouvert", page);
    }

    [Fact]
    public async Task A_worker_may_not_name_a_referent_outside_their_team()
    {
        var t = Token();
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await Forms.PostAsync(worker, Url, new()
        {
            ["Input.Name"] = $"HORS{t} Eli",
            ["Input.Members[0].FirstName"] = "Eli", ["Input.Members[0].LastName"] = $"Hors{t}", ["Input.Members[0].Relationship"] = "Applicant",
            ["Input.ReferentId"] = await UserIdAsync(app, PortalApp.Worker2),
        }, "Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez le référent ou la référente dans la liste.", Text(await response.HtmlAsync()));
    }

    [Fact]
    public async Task Adding_and_removing_a_row_keeps_what_was_typed()
    {
        var t = Token();
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var added = await Forms.PostAsync(worker, Url, new()
        {
            ["Input.Name"] = $"ROWS{t} Ana", ["Input.Members[0].FirstName"] = $"Ana{t}", ["Input.Members[0].Relationship"] = "Applicant",
        }, "AddMember");
        var html = Text(await added.HtmlAsync());
        Assert.Contains($"value=\"ROWS{t} Ana\"", html);
        Assert.Contains($"value=\"Ana{t}\"", html);
        Assert.Contains("Input.Members[1].FirstName", html);
        Assert.DoesNotContain("field-validation-error", html);

        var removed = await Forms.PostAsync(worker, $"{Url}?index=0", new()
        {
            ["Input.Name"] = $"ROWS{t} Ana", ["Input.Members[0].FirstName"] = $"Ana{t}", ["Input.Members[1].FirstName"] = $"Bea{t}",
        }, "RemoveMember");
        html = Text(await removed.HtmlAsync());
        Assert.DoesNotContain($"value=\"Ana{t}\"", html);
        Assert.Contains($"value=\"Bea{t}\"", html);
    }

    [Theory]
    [InlineData("Create")]
    [InlineData("AddMember")]
    [InlineData("RemoveMember")]
    [InlineData("Inconnu")]
    public async Task Empty_and_garbage_posts_never_fail(string handler)
    {
        var huge = new string('é', 5000);
        foreach (var who in new[] { PortalApp.Worker1, PortalApp.Manager })
        {
            var client = await app.SignedInAsync(who);
            foreach (var fields in new Dictionary<string, string>[]
            {
                [],
                new()
                {
                    ["Input.Name"] = "\u0001", ["Input.Members[0].BirthDate"] = "demain", ["Input.Members[0].Relationship"] = "99",
                    ["Input.Members[5000].FirstName"] = "loin", ["Input.TeamId"] = "abc", ["Input.ReferentId"] = huge, ["Input.TargetGroups"] = "-1",
                    ["Input.IsDalo"] = "peut-être", ["Input.Situation"] = "Château", ["index"] = "-7",
                },
                new() { ["Input.Name"] = huge, ["Input.Members[0].FirstName"] = huge, ["Input.TeamId"] = "99999999999", ["Input.Email"] = huge + "@x.fr" },
                new() { ["Input.Name"] = "!!!", ["Input.Members[0].FirstName"] = "A", ["Input.Members[0].LastName"] = "B", ["Input.Members[0].Relationship"] = "Applicant", ["Input.TeamId"] = "424242" },
            })
            {
                var response = await Forms.PostAsync(client, Url, fields, handler);
                Assert.True((int)response.StatusCode < 500, $"{handler} answered {(int)response.StatusCode}");
            }
        }
    }
}
