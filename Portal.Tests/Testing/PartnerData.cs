using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Infrastructure;
using Portal.Testing;

namespace Portal.Testing;

/// Partner organisations and accounts of a test's own, and the orientation form posted as a browser would.
public static partial class PartnerData
{
    public const string NewPath = "/partenaire/orientations/nouvelle";
    public static string DetailsPath(long id) => $"/partenaire/orientations/{id}";

    /// A new organisation of this kind with one partner account (password: the demo one): (organisation id, email).
    public static async Task<(int OrganisationId, string Email)> NewPartnerAsync(PortalApp app, PartnerKind kind, string? name = null)
    {
        var email = $"partenaire-{Guid.NewGuid():N}@test.passerelle.fr";
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var org = new PartnerOrganisation { Kind = kind, Name = name ?? $"{kind} {Guid.NewGuid():N}"[..30], CreatedAtUtc = DateTime.UtcNow };
        db.PartnerOrganisations.Add(org);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Paule Partenaire", PartnerOrganisationId = org.Id, CreatedAtUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, PortalApp.Password));
        Check(await users.AddToRoleAsync(user, Roles.Partner));
        return (org.Id, email);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public static Dictionary<string, string> Valid(string lastName = "NDIAYE", string firstName = "Aminata") => new()
    {
        ["Input.Members[0].FirstName"] = firstName,
        ["Input.Members[0].LastName"] = lastName,
        ["Input.Members[0].BirthDate"] = "1990-04-12",
        ["Input.Members[1].FirstName"] = "Ousmane",
        ["Input.Members[1].LastName"] = lastName,
        ["Input.Members[1].BirthDate"] = "2018-09-01",
        ["Input.Members[1].Relationship"] = "Child",
        ["Input.Incomes[0].Kind"] = "Rsa",
        ["Input.Incomes[0].Amount"] = "650,40",
        ["Input.CurrentTown"] = "Lille",
        ["Input.Towns"] = "Lille",
        ["Input.Situation"] = "HostedByThirdParty",
        ["Input.SituationDetails"] = "Hébergée chez un tiers jusqu'à la fin du mois.",
        ["Input.Groups"] = "ViolenceVictim",
        ["Input.Urgency"] = "Urgent",
        ["Input.ConsentMethod"] = "SignedForm",
        ["Input.ConsentGivenOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
        ["Input.ConsentConfirmed"] = "true",
    };

    /// Posts the orientation form (multipart, as the browser does), with an optional assessment file.
    public static async Task<HttpResponseMessage> OrientAsync(HttpClient client, Dictionary<string, string> fields, (string Name, byte[] Content, string Type)? file = null)
    {
        var page = await client.GetAsync(NewPath);
        if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"GET {NewPath} answered {(int)page.StatusCode}");
        using var form = new MultipartFormDataContent { { new StringContent(Forms.Token(await page.HtmlAsync())), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(f.Type);
            form.Add(content, "Assessment", f.Name);
        }
        return await client.PostAsync(NewPath, form);
    }

    [GeneratedRegex(@"^/partenaire/orientations/(\d+)$")]
    private static partial Regex DetailsPattern();

    /// A sent orientation of this partner: its id.
    public static async Task<long> OrientedAsync(HttpClient client, Dictionary<string, string>? fields = null)
    {
        var response = await OrientAsync(client, fields ?? Valid(), ("evaluation.pdf", RequestDrafts.Pdf, "application/pdf"));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Orientation refused: " + await response.HtmlAsync());
        return long.Parse(DetailsPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }
}
