using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Testing;

namespace Portal.Testing;

/// Households written straight into the database, each test with its own unique names.
public static class MenagesData
{
    public static string Token() => SuiviData.Token();

    public static async Task<int> TeamIdAsync(PortalApp app, string team) =>
        await app.WithDbAsync(db => db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync());

    public static async Task<string> UserIdAsync(PortalApp app, string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<long> CreateAsync(PortalApp app, string name, string? team = "Nord", string? referentEmail = null, Action<Household>? configure = null)
    {
        var referentId = referentEmail is null ? null : await UserIdAsync(app, referentEmail);
        return await app.WithDbAsync(async db =>
        {
            var household = new Household
            {
                Name = name,
                SearchName = HouseholdFactory.SearchKey(name),
                TeamId = team is null ? null : await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync(),
                ReferentId = referentId,
                CreatedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow,
            };
            household.Persons.Add(new HouseholdPerson { FirstName = name.Split(' ').Last(), LastName = name.Split(' ')[0], Relationship = Relationship.Applicant, BirthDate = new DateOnly(1988, 3, 4) });
            configure?.Invoke(household);
            db.Households.Add(household);
            await db.SaveChangesAsync();
            return household.Id;
        });
    }

    /// A social worker of the given team, signed up with the demo password.
    public static async Task<(string Email, string Name)> NewWorkerAsync(PortalApp app, string team)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"collegue-{Guid.NewGuid():N}@test.passerelle.fr";
        var name = $"Collègue {Token()}";
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAtUtc = DateTime.UtcNow,
            TeamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync(),
        };
        Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.SocialWorker);
        return (email, name);
    }

    /// A residence and a dwelling with its rent, and an active stay of the household in it.
    public static async Task AddStayAsync(PortalApp app, long householdId, DateOnly startsOn, int months, decimal rent, decimal charges)
    {
        await app.WithDbAsync(async db =>
        {
            var residence = new Residence($"Résidence {Token()}", ResidenceKind.SocialResidence, "3 rue des Lilas", "Lille");
            db.Residences.Add(residence);
            await db.SaveChangesAsync();
            var dwelling = new Dwelling(residence.Id, "Apt 12", Typology.T2, Financing.Plai, rent, charges, associationHoldsLease: false);
            db.Dwellings.Add(dwelling);
            await db.SaveChangesAsync();
            db.Stays.Add(Stay.Open(householdId, dwelling.Id, startsOn, months));
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public static async Task AddMeasureAsync(PortalApp app, long householdId, SupportKind kind, DateOnly startsOn, int months)
    {
        await app.WithDbAsync(async db =>
        {
            db.SupportMeasures.Add(SupportMeasure.Open(householdId, kind, Funder.FslDepartment, startsOn, months));
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public static DateOnly Today => DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(DateTime.UtcNow));

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// Posts to a page the user may not open: the token comes from the household list.
    public static async Task<HttpResponseMessage> PostWithListTokenAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var list = await client.GetAsync("/suivi/menages");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Forms.Token(await list.HtmlAsync()) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }
}
