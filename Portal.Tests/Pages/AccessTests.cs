using System.Net;
using Portal.Testing;

namespace Portal.Tests.Pages;

[Collection(PortalCollection.Name)]
public class AccessTests(PortalApp app)
{
    [Theory]
    [InlineData("/espace")]
    [InlineData("/suivi")]
    [InlineData("/admin")]
    [InlineData("/admin/utilisateurs")]
    [InlineData("/admin/documents")]
    [InlineData("/hangfire")]
    [InlineData("/compte/mot-de-passe")]
    public async Task Anonymous_user_is_sent_to_sign_in(string url)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/confidentialite")]
    [InlineData("/compte/inscription")]
    [InlineData("/compte/connexion")]
    [InlineData("/compte/mot-de-passe-oublie")]
    [InlineData("/healthz")]
    public async Task Public_pages_open_without_an_account(string url)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/suivi")]
    [InlineData("/admin")]
    [InlineData("/admin/documents")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/enqueued")]
    public async Task Resident_is_forbidden_from_staff_and_admin_areas(string url)
    {
        var client = await app.SignedInAsync(PortalApp.Resident1);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        if (!url.StartsWith("/hangfire"))
            Assert.Contains("Accès refusé", await response.HtmlAsync());
    }

    [Theory]
    [InlineData(PortalApp.Worker1, "/espace")]
    [InlineData(PortalApp.Worker1, "/admin")]
    [InlineData(PortalApp.Worker1, "/hangfire")]
    [InlineData(PortalApp.Manager, "/admin")]
    [InlineData(PortalApp.Manager, "/hangfire")]
    [InlineData(PortalApp.Admin, "/espace")]
    public async Task Staff_reach_only_their_own_area(string email, string url)
    {
        var client = await app.SignedInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(PortalApp.Resident1, "/espace", "Mon espace")]
    [InlineData(PortalApp.Worker1, "/suivi", "Équipe Nord")]
    [InlineData(PortalApp.Manager, "/suivi", "Équipe Sud")]
    [InlineData(PortalApp.Admin, "/admin", "Administration")]
    public async Task Each_role_opens_its_area(string email, string url, string expected)
    {
        var client = await app.SignedInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.HtmlAsync());
    }

    [Fact]
    public async Task Social_worker_sees_only_their_team()
    {
        var client = await app.SignedInAsync(PortalApp.Worker1);
        var html = await (await client.GetAsync("/suivi")).HtmlAsync();
        Assert.Contains("Équipe Nord", html);
        Assert.DoesNotContain("Équipe Sud", html);
    }

    [Fact]
    public async Task Admin_opens_the_jobs_dashboard()
    {
        var client = await app.SignedInAsync(PortalApp.Admin);
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Passerelle — tâches de fond", html);
        Assert.Contains(PendingSweeperName, await (await client.GetAsync("/hangfire/recurring")).HtmlAsync());
    }

    private const string PendingSweeperName = "reprise-des-travaux-en-attente";

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused()
    {
        var client = app.Client();
        var response = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = PortalApp.Admin,
            ["Input.Password"] = PortalApp.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Signed_in_post_without_token_is_refused_and_changes_nothing()
    {
        var client = await app.SignedInAsync(PortalApp.Admin);
        var before = await app.WithDbAsync(db => Task.FromResult(db.DocumentRequests.Count()));
        var response = await client.PostAsync("/admin/documents?handler=Generate", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.DocumentRequests.Count())));
    }

    [Fact]
    public async Task Health_reports_database_and_job_storage_to_an_admin()
    {
        // The details are for admins only since /healthz gives anyone else a bare status.
        var response = await (await app.SignedInAsync(PortalApp.Admin)).GetAsync("/healthz");
        var json = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", json);
        Assert.Contains("\"jobs\":{\"status\":\"Healthy\"", json);
        Assert.Contains(app.Database.Provider == "Postgres" ? "PostgreSQL" : "SQLite", json);
    }

    [Fact]
    public async Task Unknown_page_gets_a_french_404_for_a_signed_in_user()
    {
        var client = await app.SignedInAsync(PortalApp.Resident1);
        var response = await client.GetAsync("/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.HtmlAsync());
    }
}
