using System.Net;
using Portal.Data;
using Portal.Testing;

namespace Portal.Tests.Pages.Partenaire;

[Collection(PortalCollection.Name)]
public class PartnerAccessTests(PortalApp app)
{
    [Fact]
    public async Task A_partner_sees_only_their_organisations_orientations_and_another_organisations_answer_404()
    {
        var (_, first) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var (_, other) = await PartnerData.NewPartnerAsync(app, PartnerKind.DepartmentalCouncil);
        var owner = await app.SignedInAsync(first);
        var id = await PartnerData.OrientedAsync(owner, PartnerData.Valid("CLOISON"));
        var documentId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.RequestDocuments.Where(d => d.HousingRequestId == id).Select(d => d.Id)));

        var stranger = await app.SignedInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(PartnerData.DetailsPath(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{PartnerData.DetailsPath(id)}?handler=Document&documentId={documentId}")).StatusCode);
        Assert.DoesNotContain("CLOISON", await (await stranger.GetAsync("/partenaire")).HtmlAsync());
        Assert.Contains("CLOISON", await (await owner.GetAsync("/partenaire")).HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{PartnerData.DetailsPath(id)}?handler=Document&documentId={documentId}")).StatusCode);
    }

    [Theory]
    [InlineData("/suivi")]
    [InlineData("/suivi/demandes")]
    [InlineData("/espace")]
    [InlineData("/espace/demandes")]
    [InlineData("/admin")]
    public async Task A_partner_never_reaches_the_staff_or_resident_areas(string path)
    {
        var partner = await app.SignedInAsync(Portal.Infrastructure.DemoPartners.Ccas);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData(PortalApp.Worker1)]
    [InlineData(PortalApp.Resident1)]
    [InlineData(PortalApp.Admin)]
    public async Task Nobody_but_a_partner_reaches_the_partner_area(string email)
    {
        var client = await app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/partenaire")).StatusCode);
    }

    [Fact]
    public async Task A_partner_signs_in_without_a_second_factor_and_lands_in_the_partner_area()
    {
        var client = app.Client();
        var response = await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = Portal.Infrastructure.DemoPartners.Siao, ["Input.Password"] = PortalApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/compte/connexion/code", response.Headers.Location!.OriginalString);
        var home = await client.GetAsync("/partenaire");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("SIAO du Nord", await home.HtmlAsync());
    }
}
