using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Testing;

namespace Portal.Testing;

/// Stock, households and sessions written straight into the database, with unique names so that
/// tests sharing the demo database never see each other's rows.
public static class HousingData
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<(long ResidenceId, long[] DwellingIds)> StockAsync(PortalApp app, params Typology[] typologies) =>
        await app.WithDbAsync(async db =>
        {
            var residence = new Residence(Unique("Résidence test"), ResidenceKind.SocialResidence, "1 rue du Test", "Lille");
            db.Residences.Add(residence);
            await db.SaveChangesAsync();
            var dwellings = typologies.Select((t, i) => new Dwelling(residence.Id, $"L{i + 1}", t, Financing.Plai, 400m, 50m, i % 2 == 0)).ToList();
            db.Dwellings.AddRange(dwellings);
            await db.SaveChangesAsync();
            return (residence.Id, dwellings.Select(d => d.Id).ToArray());
        });

    /// A household of the team (Nord or Sud) with <paramref name="persons"/> adults.
    public static async Task<long> HouseholdAsync(PortalApp app, string team, int persons = 1, string? referentEmail = null, string? name = null) =>
        await app.WithDbAsync(async db =>
        {
            var teamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
            var referent = referentEmail is null ? null : await db.Users.Where(u => u.Email == referentEmail).Select(u => u.Id).SingleAsync();
            var last = name ?? Unique("MÉNAGE");
            var h = new Household { Name = last, SearchName = last.ToUpperInvariant(), TeamId = teamId, ReferentId = referent, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            for (var i = 0; i < persons; i++)
                h.Persons.Add(new HouseholdPerson { FirstName = $"Personne{i}", LastName = last, BirthDate = new DateOnly(1980 + i, 3, 1), Relationship = i == 0 ? Relationship.Applicant : Relationship.Spouse, Position = i });
            db.Households.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });

    public static async Task<long> StayAsync(PortalApp app, long householdId, long dwellingId, DateOnly startsOn, int months = 6) =>
        await app.WithDbAsync(async db =>
        {
            var stay = Stay.Open(householdId, dwellingId, startsOn, months);
            db.Stays.Add(stay);
            await db.SaveChangesAsync();
            return stay.Id;
        });

    /// A planned session of a new committee, today, with the given subjects on its agenda
    /// (presented by the manager unless told), and the ids of its items in order.
    public static async Task<(long SessionId, long[] ItemIds)> SessionAsync(PortalApp app, string? presenterEmail, params (AgendaSubject Kind, long Id)[] subjects) =>
        await app.WithDbAsync(async db =>
        {
            var presenter = await db.Users.Where(u => u.Email == (presenterEmail ?? PortalApp.Manager)).Select(u => u.Id).SingleAsync();
            var committee = new Committee(Unique("Commission test"), CommitteeKind.DecisionBody);
            db.Committees.Add(committee);
            await db.SaveChangesAsync();
            var session = new CommitteeSession(committee.Id, DateOnly.FromDateTime(DateTime.UtcNow));
            foreach (var (kind, id) in subjects) session.AddItem(kind, id, presenter);
            db.CommitteeSessions.Add(session);
            await db.SaveChangesAsync();
            return (session.Id, session.Items.OrderBy(i => i.Position).Select(i => i.Id).ToArray());
        });

    /// Asserts a redirect (a saved form), or shows the errors the page gave instead.
    public static async Task<HttpResponseMessage> SavedAsync(Task<HttpResponseMessage> post)
    {
        var response = await post;
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var html = await response.TextAsync();
            var errors = System.Text.RegularExpressions.Regex.Matches(html, "class=\"(?:field-error|field-validation-error)[^\"]*\"[^>]*>([^<]+)<")
                .Select(m => m.Groups[1].Value.Trim()).Where(e => e.Length > 0);
            var summary = System.Text.RegularExpressions.Regex.Matches(html, "<li>([^<]+)</li>").Select(m => m.Groups[1].Value);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {string.Join(" | ", errors.Concat(summary))}");
        }
        return response;
    }

    public static string SessionUrl(long id) => $"/suivi/commissions/seances/{id}";

    /// Loads the session page as a browser would, then posts one of its forms where it goes: the
    /// decision forms to the session's "decision" sub-page, the date and attendance forms to its
    /// "planning" sub-page, the others to the session page itself.
    public static async Task<HttpResponseMessage> PostSessionAsync(HttpClient client, string sessionUrl, Dictionary<string, string> fields, string handler)
    {
        var page = await client.GetAsync(sessionUrl);
        if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"GET {sessionUrl} answered {(int)page.StatusCode}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Forms.Token(await page.Content.ReadAsStringAsync()) };
        var subPage = handler switch
        {
            "Allocate" or "Support" or "Aid" or "Refuse" or "Postpone" => "/decision",
            "Attendance" or "Reschedule" => "/planning",
            _ => "",
        };
        return await client.PostAsync($"{sessionUrl}{subPage}?handler={handler}", new FormUrlEncodedContent(form));
    }

    // The site decides in Paris time: after 23:00 UTC (22:00 in summer) Paris is already on the next day.
    public static string Today => DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(DateTime.UtcNow)).ToString("yyyy-MM-dd");

    public static Dictionary<string, string> Allocation(long itemId, long dwellingId, string? entry = null, string months = "6") => new()
    {
        ["Decide.ItemId"] = itemId.ToString(), ["Decide.DwellingId"] = dwellingId.ToString(), ["Decide.EntryOn"] = entry ?? Today, ["Decide.Months"] = months,
    };

    /// The text of the error shown under a field (its span's id is the field's id and "-error").
    public static string FieldError(string html, string fieldId)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, $"<span[^>]* id=\"{fieldId}-error\"[^>]*>([^<]*)</span>");
        return m.Success ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : "";
    }
}
