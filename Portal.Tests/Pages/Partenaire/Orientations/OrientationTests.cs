using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Testing;

namespace Portal.Tests.Pages.Partenaire.Orientations;

[Collection(PortalCollection.Name)]
public class OrientationTests(PortalApp app)
{
    [Fact]
    public async Task A_sent_orientation_reaches_the_team_queue_with_its_partner_urgency_and_consent()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas, "CCAS de Villeneuve " + Guid.NewGuid().ToString("N")[..6]);
        var partner = await app.SignedInAsync(email);
        var id = await PartnerData.OrientedAsync(partner, PartnerData.Valid("QUEUEFILE"));

        var request = await app.WithDbAsync(db => db.HousingRequests.Include(r => r.Members).Include(r => r.Documents).SingleAsync(r => r.Id == id));
        var organisation = await app.WithDbAsync(db => db.PartnerOrganisations.SingleAsync(o => o.Id == request.PartnerOrganisationId));
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(OrientationUrgency.Urgent, request.Urgency);
        Assert.Equal(ConsentMethod.SignedForm, request.ConsentMethod);
        Assert.Equal(2, request.Members.Count);
        Assert.Equal(SupportingDocumentKind.SocialAssessment, Assert.Single(request.Documents).Kind);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var queue = await (await manager.GetAsync("/suivi/demandes?q=QUEUEFILE")).TextAsync();
        Assert.Contains($"Orientée par {organisation.Name}", queue);
        Assert.Contains("Urgence : Urgente", queue);
        var page = await (await manager.GetAsync($"/suivi/demandes/{id}")).TextAsync();
        Assert.Contains("Accord écrit et signé", page);

        var receipt = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains(request.Reference!));
        Assert.Contains("reçue", receipt.Subject);
    }

    [Fact]
    public async Task Without_the_persons_consent_the_orientation_is_not_sent_and_nothing_typed_is_lost()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var partner = await app.SignedInAsync(email);
        var fields = PartnerData.Valid("SANSACCORD");
        fields.Remove("Input.ConsentMethod");
        fields.Remove("Input.ConsentConfirmed");

        var response = await PartnerData.OrientAsync(partner, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(OrientationRules.ConsentRequired, html);
        Assert.Contains("value=\"SANSACCORD\"", html);
        Assert.Contains("Hébergée chez un tiers jusqu'à la fin du mois.", html);
        Assert.False(await app.WithDbAsync(db => db.HousingRequests.AnyAsync(r => r.SearchName.StartsWith("SANSACCORD"))));

        fields["Input.ConsentMethod"] = "Oral";
        var unticked = await (await PartnerData.OrientAsync(partner, fields)).TextAsync();
        Assert.Contains("Cochez la case pour attester", unticked);
    }

    [Fact]
    public async Task Each_consent_refusal_of_the_request_is_told_beside_its_input()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var partner = await app.SignedInAsync(email);
        var fields = PartnerData.Valid("ACCORDCHAMP");
        fields.Remove("Input.ConsentConfirmed");

        var unticked = await (await PartnerData.OrientAsync(partner, fields)).HtmlAsync();
        Assert.Equal("Cochez la case pour attester que la personne a été informée et a donné son accord.", HousingData.FieldError(unticked, "consent-confirmed"));

        fields["Input.ConsentConfirmed"] = "true";
        fields["Input.ConsentGivenOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd");
        var ahead = await (await PartnerData.OrientAsync(partner, fields)).HtmlAsync();
        Assert.Equal("La date de l'accord ne peut pas être dans le futur.", HousingData.FieldError(ahead, "consent-date"));
        Assert.False(await app.WithDbAsync(db => db.HousingRequests.AnyAsync(r => r.SearchName.StartsWith("ACCORDCHAMP"))));
    }

    [Fact]
    public async Task An_assessment_is_checked_by_its_content_like_a_residents_upload()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var partner = await app.SignedInAsync(email);
        var fields = PartnerData.Valid("FAUXPDF");
        var response = await PartnerData.OrientAsync(partner, fields, ("evaluation.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ni un PDF, ni une image JPEG ou PNG", await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.HousingRequests.AnyAsync(r => r.SearchName.StartsWith("FAUXPDF"))));

        var id = await PartnerData.OrientedAsync(partner, PartnerData.Valid("VRAIPDF"));
        var upload = await RequestDrafts.UploadAsync(partner, PartnerData.DetailsPath(id), "Other", "note.png", [1, 2, 3, 4, 5, 6, 7, 8, 9], "image/png");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("ni un PDF, ni une image JPEG ou PNG", await upload.TextAsync());
    }

    [Fact]
    public async Task A_worker_asks_the_partner_for_information_and_the_partner_answers_in_the_thread()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var partner = await app.SignedInAsync(email);
        var id = await PartnerData.OrientedAsync(partner, PartnerData.Valid("FILPARTENAIRE"));
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var staffPage = $"/suivi/demandes/{id}";

        await HousingData.SavedAsync(Forms.PostAsync(manager, staffPage, new() { ["Ask.Kinds"] = "SocialAssessment", ["Ask.Note"] = "Merci de joindre l'évaluation à jour." }, "RequestDocuments"));
        var asked = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("informations demandées"));
        Assert.Contains("Merci de joindre l'évaluation à jour.", asked.Text);

        await HousingData.SavedAsync(Forms.PostAsync(partner, PartnerData.DetailsPath(id), new() { ["Message.Body"] = "L'évaluation arrive demain." }, "Message"));
        await HousingData.SavedAsync(RequestDrafts.UploadAsync(partner, PartnerData.DetailsPath(id), "SocialAssessment", "evaluation-2.pdf", RequestDrafts.Pdf));

        var staff = await (await manager.GetAsync(staffPage)).TextAsync();
        Assert.Contains("L'évaluation arrive demain.", staff);
        Assert.Contains("evaluation-2.pdf", staff);
        var fulfilled = await app.WithDbAsync(db => db.RequestedDocuments.Where(d => d.HousingRequestId == id).Select(d => d.FulfilledAtUtc).SingleAsync());
        Assert.NotNull(fulfilled);
    }

    [Fact]
    public async Task The_committee_decision_reaches_the_partner_by_email_and_on_their_page_with_its_reason()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var partner = await app.SignedInAsync(email);
        var id = await PartnerData.OrientedAsync(partner, PartnerData.Valid("DECISION"));
        var manager = await app.SignedInAsync(PortalApp.Manager);
        await HousingData.SavedAsync(Forms.PostAsync(manager, $"/suivi/demandes/{id}", [], "TakeInCharge"));
        var (session, items) = await HousingData.SessionAsync(app, null, (AgendaSubject.Request, id));

        var agenda = await (await manager.GetAsync(HousingData.SessionUrl(session))).TextAsync();
        Assert.Contains("Orientée par", agenda);

        const string reason = "Le ménage relève d'une pension de famille : orientation vers la résidence Les Tilleuls.";
        await HousingData.SavedAsync(HousingData.PostSessionAsync(manager, HousingData.SessionUrl(session),
            new() { ["Decide.ItemId"] = items[0].ToString(), ["Decide.Reason"] = reason }, "Refuse"));

        var mail = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("Refusée"));
        Assert.Contains(reason, mail.Text);
        var page = await (await partner.GetAsync(PartnerData.DetailsPath(id))).TextAsync();
        Assert.Contains("Décision :", page);
        Assert.Contains(reason, page);
    }

    [Fact]
    public async Task The_partner_invites_the_person_who_then_follows_the_request_in_their_space()
    {
        var (_, email) = await PartnerData.NewPartnerAsync(app, PartnerKind.Ccas);
        var partner = await app.SignedInAsync(email);
        var id = await PartnerData.OrientedAsync(partner, PartnerData.Valid("INVITEE"));
        var person = $"personne-{Guid.NewGuid():N}@test.passerelle.fr";

        await HousingData.SavedAsync(Forms.PostAsync(partner, PartnerData.DetailsPath(id), new() { ["Invite.FullName"] = "Aminata Invitee", ["Invite.Email"] = person }, "Invite"));

        var invitation = await app.Mail.WaitForAsync(person);
        Assert.Contains("Suivez votre demande", invitation.Subject);
        var applicant = await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == id).Join(db.Users, r => r.ApplicantId, u => u.Id, (r, u) => u.Email).SingleAsync());
        Assert.Equal(person, applicant);
        // The partner still follows it; their thread stays out of the person's.
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(PartnerData.DetailsPath(id))).StatusCode);
    }
}
