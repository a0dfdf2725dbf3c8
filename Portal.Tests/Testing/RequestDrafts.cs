using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Testing;

namespace Portal.Testing;

/// Drives the applicant's request pages over HTTP the way a browser would.
public static partial class RequestDrafts
{
    /// A tiny but real PDF, and the 8-byte signature of a PNG followed by some bytes.
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [GeneratedRegex(@"/espace/demandes/(\d+)/etape/\d")]
    private static partial Regex StepPath();

    /// A new resident account of its own, so that a test's drafts never meet another test's.
    public static async Task<string> NewResidentAsync(PortalApp app, string fullName = "Léa Martin")
    {
        var email = $"resident-{Guid.NewGuid():N}@test.passerelle.fr";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAtUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, PortalApp.Password));
        Check(await users.AddToRoleAsync(user, Roles.Resident));
        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// "Demander un logement": the id of the draft it opens (a new one, or the one in progress).
    public static async Task<long> StartAsync(HttpClient client)
    {
        var response = await Forms.PostAsync(client, "/espace/demandes", [], "Start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var m = StepPath().Match(response.Headers.Location!.OriginalString);
        Assert.True(m.Success, $"unexpected redirect {response.Headers.Location}");
        return long.Parse(m.Groups[1].Value);
    }

    public static string Step(long id, int step) => $"/espace/demandes/{id}/etape/{step}";

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, long id, int step, Dictionary<string, string> fields, string go = "next") =>
        Forms.PostAsync(client, Step(id, step), new(fields) { ["go"] = go }, "Save");

    public static Dictionary<string, string> Household(string firstName = "Sophie", string lastName = "Durand") => new()
    {
        ["Input.Members[0].FirstName"] = firstName,
        ["Input.Members[0].LastName"] = lastName,
        ["Input.Members[0].BirthDate"] = "1988-04-12",
        ["Input.Members[0].Relationship"] = "Applicant",
        ["Input.Members[1].FirstName"] = "Noé",
        ["Input.Members[1].LastName"] = lastName,
        ["Input.Members[1].BirthDate"] = "14/07/2016",
        ["Input.Members[1].Relationship"] = "Child",
        ["Input.IsSingleParent"] = "true",
        ["Input.Phone"] = "06 12 34 56 78",
        ["Input.CurrentAddress"] = "12 rue des Lilas",
        ["Input.CurrentTown"] = "Lille",
    };

    /// Fills steps 1 to 4 completely, each with "Enregistrer et continuer".
    public static async Task FillAsync(HttpClient client, long id, string firstName = "Sophie", string lastName = "Durand")
    {
        await Expect(SaveAsync(client, id, 1, Household(firstName, lastName)), Step(id, 2));
        await Expect(SaveAsync(client, id, 2, new()
        {
            ["Input.Lines[0].Kind"] = "Salary",
            ["Input.Lines[0].Amount"] = "1 234,56",
            ["Input.Lines[1].Kind"] = "FamilyAllowance",
            ["Input.Lines[1].Amount"] = "142.50",
            ["Input.Lines[2].Kind"] = "HousingBenefit",
            ["Input.Lines[2].Amount"] = "250",
        }), Step(id, 3));
        await Expect(SaveAsync(client, id, 3, new()
        {
            ["Input.Situation"] = "HostedByThirdParty",
            ["Input.SituationDetails"] = "Hébergée chez ma sœur depuis six mois.",
            ["Input.TargetGroups"] = "ViolenceVictim",
        }), Step(id, 4));
        await Expect(SaveAsync(client, id, 4, new()
        {
            ["Input.Typologies"] = "T2",
            ["Input.Towns"] = "Lille ; Roubaix",
            ["Input.AffordableRent"] = "450",
            ["Input.AffordableCharges"] = "60,50",
        }), Step(id, 5));
    }

    public static async Task Expect(Task<HttpResponseMessage> post, string location)
    {
        var response = await post;
        if (response.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"expected a redirect to {location}, got {(int)response.StatusCode}: {Excerpt(await response.HtmlAsync())}");
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    /// The French messages shown at the fields of a page, to explain a failing assertion.
    public static string Excerpt(string html) =>
        string.Join(" | ", Regex.Matches(html, "class=\"field-(?:error|validation-error)[^\"]*\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value));

    /// One file per POST, as the upload forms send it.
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, string kind, string fileName, byte[] content,
        string? contentType = "application/pdf", long? requestedId = null, string? tokenFrom = null)
    {
        var page = await client.GetAsync(tokenFrom ?? pageUrl);
        var token = Forms.Token(await page.HtmlAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Upload.Kind" },
        };
        if (requestedId is { } r) form.Add(new StringContent(r.ToString()), "Upload.RequestedId");
        var file = new ByteArrayContent(content);
        if (contentType is not null) file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Upload.File", fileName);
        return await client.PostAsync($"{pageUrl}?handler=Upload", form);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, long id) =>
        Forms.PostAsync(client, Step(id, 6), new() { ["Input.AcceptPrivacy"] = "true" }, "Send");

    /// A request of a new resident, filled in and sent: (its id, the resident's email, the signed-in client).
    public static async Task<(long Id, string Email, HttpClient Client)> SentRequestAsync(PortalApp app, string firstName = "Sophie", string lastName = "Durand")
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        await FillAsync(client, id, firstName, lastName);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, Step(id, 5), "IdentityDocument", "identite.pdf", Pdf)).StatusCode);
        await Expect(SendAsync(client, id), $"/espace/demandes/{id}");
        return (id, email, client);
    }

    /// Posts a form with a token taken from another page (for addresses that answer 404).
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, Dictionary<string, string> fields, string tokenPage = "/espace/demandes")
    {
        var token = Forms.Token(await (await client.GetAsync(tokenPage)).HtmlAsync());
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }
}
