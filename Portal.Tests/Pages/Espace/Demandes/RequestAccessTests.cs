using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Portal.Testing.RequestDrafts;

namespace Portal.Tests.Pages.Espace.Demandes;

/// A resident reaches only their own requests, documents and messages: everything else is a 404.
[Collection(PortalCollection.Name)]
public class RequestAccessTests(PortalApp app)
{
    [Fact]
    public async Task Another_resident_gets_404_on_every_address_of_a_sent_request()
    {
        var (id, _, _) = await SentRequestAsync(app);
        var docId = await app.WithDbAsync(db => db.RequestDocuments.Where(d => d.HousingRequestId == id).Select(d => d.Id).FirstAsync());
        var intruder = await app.SignedInAsync(PortalApp.Resident2);

        foreach (var url in new[]
        {
            $"/espace/demandes/{id}", $"/espace/demandes/{id}/documents/{docId}", $"/espace/demandes/{id}/documents/{docId}?inline=1",
            Step(id, 1), Step(id, 2), Step(id, 3), Step(id, 4), Step(id, 5), Step(id, 6),
        })
        {
            var response = await intruder.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/espace/demandes/{id}?handler=Message", new() { ["Message.Body"] = "Coucou" }),
            ($"/espace/demandes/{id}?handler=Upload", new() { ["Upload.Kind"] = "Other" }),
            ($"{Step(id, 6)}?handler=Send", new() { ["Input.AcceptPrivacy"] = "true" }),
            ($"{Step(id, 1)}?handler=Save", new() { ["Input.Members[0].FirstName"] = "Pirate" }),
            ($"{Step(id, 5)}?handler=DeleteDocument&documentId={docId}", new()),
        })
        {
            var response = await PostWithTokenAsync(intruder, url, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}");
        }
        var upload = await UploadAsync(intruder, $"/espace/demandes/{id}", "Other", "x.pdf", Pdf, tokenFrom: "/espace/demandes");
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.RequestMessages.CountAsync(m => m.HousingRequestId == id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestDocuments.CountAsync(d => d.HousingRequestId == id)));
    }

    [Fact]
    public async Task Another_resident_gets_404_on_every_step_of_a_draft()
    {
        var email = await NewResidentAsync(app);
        var owner = await app.SignedInAsync(email);
        var id = await StartAsync(owner);
        await Expect(SaveAsync(owner, id, 1, Household("Anne", "Secret")), Step(id, 2));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, Step(id, 5), "IdentityDocument", "id.pdf", Pdf)).StatusCode);
        var docId = await app.WithDbAsync(db => db.RequestDocuments.Where(d => d.HousingRequestId == id).Select(d => d.Id).FirstAsync());

        var intruder = await app.SignedInAsync(PortalApp.Resident2);
        for (var step = 1; step <= 6; step++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(Step(id, step))).StatusCode);
            var post = await PostWithTokenAsync(intruder, $"{Step(id, step)}?handler=Save", new() { ["go"] = "next" });
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        foreach (var handler in new[] { "AddMember", "RemoveMember&index=1" })
            Assert.Equal(HttpStatusCode.NotFound, (await PostWithTokenAsync(intruder, $"{Step(id, 1)}?handler={handler}", [])).StatusCode);
        foreach (var handler in new[] { "AddLine", "RemoveLine&index=0" })
            Assert.Equal(HttpStatusCode.NotFound, (await PostWithTokenAsync(intruder, $"{Step(id, 2)}?handler={handler}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(intruder, Step(id, 5), "Other", "x.pdf", Pdf, tokenFrom: "/espace/demandes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/espace/demandes/{id}/documents/{docId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/espace/demandes/{id}")).StatusCode);
        Assert.DoesNotContain("Secret", await (await intruder.GetAsync("/espace/demandes")).HtmlAsync());

        // A document id of another request, through one's own request's address, is not found either.
        var mine = await StartAsync(intruder);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/espace/demandes/{mine}/documents/{docId}")).StatusCode);
        Assert.Equal("Anne", await app.WithDbAsync(db => db.HouseholdMembers.Where(m => m.HousingRequestId == id).Select(m => m.FirstName).FirstAsync()));
    }

    [Fact]
    public async Task Staff_and_anonymous_visitors_do_not_reach_the_resident_pages()
    {
        var (id, _, _) = await SentRequestAsync(app);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/espace/demandes/{id}")).StatusCode);
        var anonymous = await app.Client().GetAsync($"/espace/demandes/{id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
