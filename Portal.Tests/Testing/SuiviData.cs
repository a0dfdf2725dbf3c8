using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.Testing;

namespace Portal.Testing;

/// Requests written straight into the database, as the applicant side would leave them.
public static partial class SuiviData
{
    public sealed record Created(long Id, string Reference, string Email, string ApplicantId, string Url);

    /// A short unique word to tell this test's requests apart in the shared database.
    public static string Token()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return "Zq" + new string(Enumerable.Range(0, 8).Select(_ => letters[Random.Shared.Next(letters.Length)]).ToArray());
    }

    public static async Task<Created> CreateAsync(PortalApp app, string? team, string firstName, string lastName,
        Action<HousingRequest>? configure = null, DateTime? submittedAtUtc = null, bool submit = true, params RequestAction[] then)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"demandeur-{Guid.NewGuid():N}@test.passerelle.fr";
        var applicant = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"{firstName} {lastName}", CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(applicant)).Succeeded);
        await users.AddToRoleAsync(applicant, Roles.Resident);

        var now = submittedAtUtc ?? DateTime.UtcNow.AddMinutes(-5);
        var request = HousingRequest.NewDraft(applicant.Id, applicant.FullName, applicant.PhoneNumber, now.AddHours(-1));
        request.DescribeHousehold([Applicant(firstName, lastName)], isSingleParent: false, request.Phone, currentAddress: null, currentTown: null);
        request.ShowApplicantAs($"{firstName} {lastName}", $"{lastName} {firstName}");
        request.RouteTo(team is null ? null : await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync());
        configure?.Invoke(request);
        db.HousingRequests.Add(request);
        await db.SaveChangesAsync();
        if (submit)
        {
            request.Move(RequestAction.Submit, applicant.Id, applicant.FullName, now);
            var at = now;
            foreach (var action in then)
            {
                at = at.AddMinutes(1);
                request.Move(action, null, "Collègue de test", at, action is RequestAction.Close or RequestAction.Refuse ? "Motif de test" : null);
            }
            await db.SaveChangesAsync();
        }
        return new Created(request.Id, request.Reference ?? "", email, applicant.Id, $"/suivi/demandes/{request.Id}");
    }

    /// The applicant's row of the household, as <see cref="CreateAsync"/> writes it.
    public static MemberDetails Applicant(string firstName, string lastName) => new(null, firstName, lastName, new DateOnly(1990, 5, 17), Relationship.Applicant);

    /// The household of a request being configured: the applicant, then these members (names kept as they are).
    public static void Household(HousingRequest request, params MemberDetails[] others)
    {
        var applicant = request.Members[0];
        var (shown, search) = (request.ApplicantName, request.SearchName);
        request.DescribeHousehold([Applicant(applicant.FirstName, applicant.LastName), .. others], request.IsSingleParent, request.Phone, request.CurrentAddress, request.CurrentTown);
        request.ShowApplicantAs(shown, search);
    }

    public static async Task<T> DbAsync<T>(PortalApp app, Func<PortalDbContext, Task<T>> work) => await app.WithDbAsync(work);

    public static Task<HousingRequest> LoadAsync(PortalApp app, long id) => app.WithDbAsync(db => db.HousingRequests.AsNoTracking()
        .Include(r => r.RequestedDocuments).Include(r => r.Events).Include(r => r.Messages).SingleAsync(r => r.Id == id));

    /// Posts to a page the user may not open (so Forms.PostAsync cannot read its token): the token
    /// comes from the queue, which every staff member opens.
    public static async Task<HttpResponseMessage> PostWithQueueTokenAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var queue = await client.GetAsync("/suivi/demandes");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Forms.Token(await queue.HtmlAsync()) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    /// The references listed in the queue's table.
    public static IReadOnlyList<string> References(string html)
    {
        var body = Body().Match(html);
        if (!body.Success) return [];
        return Regex.Matches(body.Groups[1].Value, "DL-\\d{4}-\\d{6}").Select(m => m.Value).ToList();
    }
}
