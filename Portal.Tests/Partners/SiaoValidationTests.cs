using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Partners;
using Portal.Domain.Support;
using Portal.Testing;
using HousingData = Portal.Testing.HousingData;

namespace Portal.Tests.Partners;

[Collection(PortalCollection.Name)]
public class SiaoValidationTests(PortalApp app)
{
    private static Dictionary<string, string> OpenIml() => new()
    {
        ["Open.Kind"] = "Iml", ["Open.Funder"] = "Drihl", ["Open.StartsOn"] = SupportData.Today.ToString("yyyy-MM-dd"), ["Open.Months"] = "12",
    };

    [Fact]
    public void An_iml_measure_needs_the_siaos_validation_and_other_kinds_do_not()
    {
        Assert.Equal("Kind", Assert.Throws<DomainRuleException>(() => SiaoRule.RequireFor(SupportKind.Iml, null)).Field);
        Assert.Throws<DomainRuleException>(() => SiaoRule.RequireFor(SupportKind.Iml, SiaoValidationStatus.Pending));
        Assert.Throws<DomainRuleException>(() => SiaoRule.RequireFor(SupportKind.Iml, SiaoValidationStatus.Refused));
        SiaoRule.RequireFor(SupportKind.Iml, SiaoValidationStatus.Validated);
        SiaoRule.RequireFor(SupportKind.Asll, null);
        Assert.Throws<DomainRuleException>(() => SiaoRule.Decide(SiaoValidationStatus.Pending, validate: false, note: " "));
        Assert.Throws<DomainRuleException>(() => SiaoRule.Decide(SiaoValidationStatus.Validated, validate: true, note: null));
    }

    [Fact]
    public async Task Opening_an_iml_measure_is_refused_at_the_field_until_the_siao_validates_the_candidate_from_its_space()
    {
        var household = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1, withStay: false);
        var (_, siaoEmail) = await PartnerData.NewPartnerAsync(app, PartnerKind.Siao, "SIAO test " + Guid.NewGuid().ToString("N")[..6]);
        var siaoId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == siaoEmail).Select(u => u.PartnerOrganisationId!.Value).SingleAsync());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var page = $"/suivi/menages/{household.HouseholdId}/accompagnement";

        var refused = await Forms.PostAsync(worker, page, OpenIml());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.TextAsync();
        Assert.Contains("id=\"open-kind-error\" class=\"field-error field-validation-error\"", html.Replace("field-error field-validation-error\" data-valmsg-for=\"Open.Kind\" data-valmsg-replace=\"true\"", "field-error field-validation-error\""));
        Assert.Contains(SiaoRule.ValidationRequired, html);

        await HousingData.SavedAsync(Forms.PostAsync(worker, $"/suivi/validations-siao?menage={household.HouseholdId}",
            new() { ["Input.OrganisationId"] = siaoId.ToString(), ["Input.Presentation"] = "Sortie de CHRS, budget travaillé.", ["menage"] = household.HouseholdId.ToString() }));
        await app.Mail.WaitForAsync(siaoEmail, where: m => m.Subject.Contains("Validation SIAO demandée"));
        Assert.Contains("En attente du SIAO", await (await worker.GetAsync(page)).TextAsync());
        Assert.Contains(SiaoRule.ValidationRequired, await (await Forms.PostAsync(worker, page, OpenIml())).TextAsync());

        var siao = await app.SignedInAsync(siaoEmail);
        var validationId = await app.WithDbAsync(db => db.SiaoValidations.Where(v => v.HouseholdId == household.HouseholdId).Select(v => v.Id).SingleAsync());
        await HousingData.SavedAsync(Forms.PostAsync(siao, "/partenaire/validations", new() { ["Decide.Id"] = validationId.ToString(), ["Decide.Answer"] = "valider" }, "Decide"));

        Assert.Contains("Validée par le SIAO", await (await worker.GetAsync(page)).TextAsync());
        await HousingData.SavedAsync(Forms.PostAsync(worker, page, OpenIml()));
        Assert.True(await app.WithDbAsync(db => db.SupportMeasures.AnyAsync(m => m.HouseholdId == household.HouseholdId && m.Kind == SupportKind.Iml)));
    }

    [Fact]
    public async Task A_siao_refusal_needs_a_reason_and_another_siao_cannot_answer()
    {
        var household = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1, withStay: false);
        var (siaoId, siaoEmail) = await PartnerData.NewPartnerAsync(app, PartnerKind.Siao);
        var (_, otherEmail) = await PartnerData.NewPartnerAsync(app, PartnerKind.Siao);
        var validationId = await app.WithDbAsync(async db =>
        {
            var v = new SiaoValidation { PartnerOrganisationId = siaoId, HouseholdId = household.HouseholdId, CandidateName = "CANDIDAT", RequestedById = "x", RequestedByName = "Claire Martin", RequestedAtUtc = DateTime.UtcNow };
            db.SiaoValidations.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });
        var other = await app.SignedInAsync(otherEmail);
        var token = Forms.Token(await (await other.GetAsync("/partenaire/validations")).HtmlAsync());
        var foreign = await other.PostAsync("/partenaire/validations?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["Decide.Id"] = validationId.ToString(), ["Decide.Answer"] = "valider" }));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var siao = await app.SignedInAsync(siaoEmail);
        var noReason = await Forms.PostAsync(siao, "/partenaire/validations", new() { ["Decide.Id"] = validationId.ToString(), ["Decide.Answer"] = "refuser" }, "Decide");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Indiquez le motif du refus", await noReason.TextAsync());
        Assert.Equal(SiaoValidationStatus.Pending, await app.WithDbAsync(db => db.SiaoValidations.Where(v => v.Id == validationId).Select(v => v.Status).SingleAsync()));
    }
}
