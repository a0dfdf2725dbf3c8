using System.Net;
using Portal.Testing;
using static Portal.Testing.RequestDrafts;

namespace Portal.Tests.Pages.Espace.Demandes;

/// Empty, garbage and oversized posts to every handler of the request pages get a French answer, never a 5xx.
[Collection(PortalCollection.Name)]
public class RequestRobustnessTests(PortalApp app)
{
    [Fact]
    public async Task Garbage_posts_to_every_draft_handler_never_fail()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        var targets = new (int Step, string Handler)[]
        {
            (1, "Save"), (1, "AddMember"), (1, "RemoveMember&index=1"), (1, "RemoveMember&index=abc"),
            (2, "Save"), (2, "AddLine"), (2, "RemoveLine&index=-1"),
            (3, "Save"), (4, "Save"), (5, "Save"), (5, "Upload"), (5, "DeleteDocument&documentId=abc"), (5, "DeleteDocument&documentId=999999"),
            (6, "Send"), (1, "Inconnu"),
        };
        foreach (var (step, handler) in targets)
            foreach (var fields in Garbage())
            {
                var response = await PostWithTokenAsync(client, $"{Step(id, step)}?handler={handler}", fields);
                Assert.True((int)response.StatusCode < 500, $"step {step} {handler} answered {(int)response.StatusCode}");
            }
        foreach (var url in new[] { $"/espace/demandes/{id}/etape/7", $"/espace/demandes/{id}/etape/0", "/espace/demandes/abc", $"/espace/demandes/{id}/documents/abc", "/espace/demandes/99999999/etape/1", "/espace/demandes?handler=Start" })
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
        // The draft still opens after all that.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Step(id, 1))).StatusCode);
    }

    [Fact]
    public async Task Garbage_posts_to_the_request_page_never_fail()
    {
        var (id, _, client) = await SentRequestAsync(app);
        foreach (var handler in new[] { "Message", "Upload", "Inconnu" })
            foreach (var fields in Garbage())
            {
                var response = await PostWithTokenAsync(client, $"/espace/demandes/{id}?handler={handler}", fields);
                Assert.True((int)response.StatusCode < 500, $"{handler} answered {(int)response.StatusCode}");
            }
        var start = await PostWithTokenAsync(client, "/espace/demandes?handler=Start", Garbage().Last());
        Assert.True((int)start.StatusCode < 500);
    }

    private static IEnumerable<Dictionary<string, string>> Garbage()
    {
        yield return [];
        yield return new()
        {
            ["go"] = "nulle-part", ["Input.Members[0].FirstName"] = "", ["Input.Members[0].BirthDate"] = "hier",
            ["Input.Members[0].Id"] = "abc", ["Input.Members[5].FirstName"] = "trou", ["Input.Members[1].Relationship"] = "Applicant",
            ["Input.IsSingleParent"] = "peut-être", ["Input.Lines[0].MemberId"] = "-1", ["Input.Lines[0].Kind"] = "99",
            ["Input.Lines[0].Amount"] = "1e400", ["Input.Situation"] = "12", ["Input.TargetGroups"] = "-1",
            ["Input.IsDalo"] = "true", ["Input.DaloDecisionDate"] = "2099-01-01", ["Input.Typologies"] = "T1,T2",
            ["Input.Accessibility"] = "0", ["Input.AffordableRent"] = "99999999999999999999999999999999",
            ["Input.AcceptPrivacy"] = "oui", ["Upload.Kind"] = "Passeport", ["Upload.RequestedId"] = "x",
            ["Message.Body"] = "", ["index"] = "zz",
        };
        var huge = new string('é', 5000) + "<script>\u0000";
        yield return new()
        {
            ["Input.Members[0].FirstName"] = huge, ["Input.Members[0].LastName"] = "\u0000\u0001", ["Input.Members[0].BirthDate"] = "0001-01-01",
            ["Input.Phone"] = huge, ["Input.CurrentAddress"] = huge, ["Input.CurrentTown"] = huge,
            ["Input.Lines[0].Kind"] = "Salary", ["Input.Lines[0].Amount"] = huge,
            ["Input.SituationDetails"] = huge + huge, ["Input.Towns"] = huge, ["Input.AccessibilityDetails"] = huge,
            ["Message.Body"] = huge, ["Upload.Kind"] = huge,
        };
    }
}
