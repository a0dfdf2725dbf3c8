using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Testing;
using HousingData = Portal.Testing.HousingData;

namespace Portal.Tests.Partners;

[Collection(PortalCollection.Name)]
public class LandlordReviewTests(PortalApp app)
{
    [Fact]
    public async Task The_landlord_reads_the_shared_summary_and_confirms_the_slide_at_twelve_months()
    {
        var household = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1, withStay: false);
        var measure = await SupportData.MeasureAsync(app, household.HouseholdId, SupportKind.Iml, SupportData.Today.AddMonths(-11), 12);
        await SupportData.LeaseAsync(app, household.HouseholdId, measure, SupportData.Today.AddMonths(-11), _ => { });
        var (landlordId, landlordEmail) = await PartnerData.NewPartnerAsync(app, PartnerKind.Landlord);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var page = SupportData.MeasureUrl(household.HouseholdId, measure) + "/bailleur";

        await HousingData.SavedAsync(Forms.PostAsync(worker, page, new() { ["Invite.OrganisationId"] = landlordId.ToString(), ["Invite.Review"] = "12" }, "Invite"));
        await app.Mail.WaitForAsync(landlordEmail, where: m => m.Subject.Contains("Bilan de bail glissant"));
        var landlord = await app.SignedInAsync(landlordEmail);
        Assert.Contains("Le compte rendu sera partagé après le bilan.", await (await landlord.GetAsync("/partenaire/baux")).TextAsync());

        var invitation = await app.WithDbAsync(db => db.LeaseReviewInvitations.Where(i => i.SupportMeasureId == measure).Select(i => i.Id).SingleAsync());
        const string summary = "Loyers réguliers depuis un an ; le ménage est prêt à devenir locataire en titre.";
        await HousingData.SavedAsync(Forms.PostAsync(worker, page, new() { ["Share.InvitationId"] = invitation.ToString(), ["Share.Summary"] = summary }, "Share"));
        Assert.Contains(summary, await (await landlord.GetAsync("/partenaire/baux")).TextAsync());

        await HousingData.SavedAsync(Forms.PostAsync(landlord, "/partenaire/baux", new() { ["invitationId"] = invitation.ToString() }, "Confirm"));
        Assert.Contains("Glissement confirmé par", await (await worker.GetAsync(page)).TextAsync());

        var (_, otherLandlord) = await PartnerData.NewPartnerAsync(app, PartnerKind.Landlord);
        Assert.DoesNotContain(summary, await (await (await app.SignedInAsync(otherLandlord)).GetAsync("/partenaire/baux")).TextAsync());
    }
}
