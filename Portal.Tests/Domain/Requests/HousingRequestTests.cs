using Portal.Domain;
using Portal.Domain.Partners;
using Portal.Domain.Requests;

namespace Portal.Tests.Domain.Requests;

/// The request's own rules, with no database: each state change goes through a method that guards it.
public class HousingRequestTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static HousingRequest Draft(long id = 7)
    {
        var request = HousingRequest.NewDraft("resident", "Sophie Durand", "06 00 00 00 00", Now);
        request.DescribeHousehold([new MemberDetails(null, "Sophie", "Durand", new DateOnly(1990, 1, 1), Relationship.Applicant)], false, "06 00 00 00 00", null, "Lille");
        typeof(HousingRequest).GetProperty(nameof(HousingRequest.Id))!.SetValue(request, id);
        return request;
    }

    private static HousingRequest Sent()
    {
        var request = Draft();
        request.Move(RequestAction.Submit, "resident", "Sophie Durand", Now);
        return request;
    }

    [Fact]
    public void The_household_names_the_request_and_a_member_who_leaves_takes_their_resources_along()
    {
        var request = Draft();
        request.DescribeHousehold(
        [
            new MemberDetails(null, "Sophie", "Durand", new DateOnly(1990, 1, 1), Relationship.Child),
            new MemberDetails(null, "Marc", "Durand", new DateOnly(1988, 1, 1), Relationship.Spouse),
        ], false, null, null, "Lille");
        // As saved: the members have their ids, which the form's rows send back.
        for (var i = 0; i < request.Members.Count; i++)
            typeof(HouseholdMember).GetProperty(nameof(HouseholdMember.Id))!.SetValue(request.Members[i], i + 1L);
        request.DeclareIncomes([new IncomeLine(IncomeKind.Salary, 1200m, request.Members[1]), new IncomeLine(IncomeKind.Rsa, 300m, request.Members[0])]);

        Assert.Equal("Sophie DURAND", request.ApplicantName);
        Assert.Equal("DURAND SOPHIE", request.SearchName);
        Assert.Equal(Relationship.Applicant, request.Members[0].Relationship);

        request.DescribeHousehold([new MemberDetails(1, "Sophie", "Durand", new DateOnly(1990, 1, 1), Relationship.Applicant)], false, null, null, "Lille");
        Assert.Equal("Sophie", Assert.Single(request.Members).FirstName);
        var left = Assert.Single(request.Incomes);
        Assert.Equal(IncomeKind.Rsa, left.Kind);
    }

    [Fact]
    public void A_sent_request_is_no_longer_edited_as_a_form()
    {
        var request = Sent();
        var e = Assert.Throws<DomainRuleException>(() => request.DescribeSituation(CurrentSituation.Homeless, null, TargetGroups.None, false, null, DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Equal("Cette demande est envoyée : elle ne peut plus être modifiée.", e.Message);
        Assert.Throws<DomainRuleException>(() => request.RouteTo(1));
    }

    [Fact]
    public void Taking_in_charge_makes_the_worker_the_referent()
    {
        var request = Sent();
        request.TakeInCharge("w1", "Claire Martin", Now);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Equal("w1", request.ReferentId);
    }

    [Fact]
    public void Documents_are_asked_by_kind_and_the_last_one_added_completes_them_without_resuming_the_review()
    {
        var request = Sent();
        Assert.Equal("Kinds", Assert.Throws<DomainRuleException>(() => request.RequestDocuments([], null, "w1", "Claire", Now)).Field);
        request.RequestDocuments([SupportingDocumentKind.TaxNotice, SupportingDocumentKind.CafCertificate], " Récents ", "w1", "Claire", Now);
        Assert.Equal(RequestStatus.DocumentsRequested, request.Status);
        Assert.All(request.RequestedDocuments, d => Assert.Equal("Récents", d.Note));
        Assert.Contains(request.Events, e => e.Kind == RequestEventKind.DocumentsRequested && e.Note == "Pièces demandées : Avis d'imposition, Attestation CAF");

        var tax = new RequestDocument(SupportingDocumentKind.TaxNotice, "avis.pdf", "application/pdf", [1], "resident", Now);
        request.AddDocument(tax, Now);
        typeof(RequestDocument).GetProperty(nameof(RequestDocument.Id))!.SetValue(tax, 10L);
        Assert.False(request.RecordDocumentAdded(tax, null, "resident", "Sophie Durand", Now));
        var caf = new RequestDocument(SupportingDocumentKind.CafCertificate, "caf.pdf", "application/pdf", [1], "resident", Now);
        request.AddDocument(caf, Now);
        typeof(RequestDocument).GetProperty(nameof(RequestDocument.Id))!.SetValue(caf, 11L);
        Assert.True(request.RecordDocumentAdded(caf, null, "resident", "Sophie Durand", Now));
        Assert.Equal(RequestStatus.DocumentsRequested, request.Status);
        Assert.Equal([10L, 11L], request.RequestedDocuments.Select(d => d.FulfilledByDocumentId!.Value).Order().ToArray());
    }

    [Fact]
    public void A_team_is_assigned_once()
    {
        var request = Sent();
        request.AssignTeam(2, "Sud", "m", "Responsable", Now);
        Assert.Equal(2, request.TeamId);
        Assert.False(request.Events[^1].VisibleToApplicant);
        var e = Assert.Throws<DomainRuleException>(() => request.AssignTeam(1, "Nord", "m", "Responsable", Now));
        Assert.Equal("Cette demande est déjà confiée à une équipe.", e.Message);
    }

    [Fact]
    public void A_closed_request_takes_no_more_documents_and_closing_needs_a_reason()
    {
        var request = Sent();
        Assert.Equal("Reason", Assert.Throws<DomainRuleException>(() => request.Move(RequestAction.Close, "w1", "Claire", Now, " ")).Field);
        request.Move(RequestAction.Close, "w1", "Claire", Now, "Relogée ailleurs");
        Assert.Throws<DomainRuleException>(() => request.AddDocument(new RequestDocument(SupportingDocumentKind.Other, "x.pdf", "application/pdf", [1], "resident", Now), Now));
    }

    [Fact]
    public void A_message_needs_a_body_and_goes_to_a_partner_only_on_an_orientation()
    {
        var request = Sent();
        Assert.Equal("Body", Assert.Throws<DomainRuleException>(() => request.Write("w1", "Claire", "  ", true, false, Now)).Field);
        Assert.Throws<DomainRuleException>(() => request.Write("w1", "Claire", "Bonjour", true, withPartner: true, Now));
        Assert.False(request.StaffWritesToPartner(askedForPartner: true));

        var orientation = HousingRequest.NewOrientation("p1", "Julie Caron", 3, Now);
        Assert.True(orientation.StaffWritesToPartner(askedForPartner: false));
        var message = orientation.Write("w1", "Claire", " Bonjour ", true, withPartner: true, Now);
        Assert.Equal("Bonjour", message.Body);
    }

    [Fact]
    public void The_person_takes_over_an_orientation_once()
    {
        var orientation = HousingRequest.NewOrientation("p1", "Julie Caron", 3, Now);
        orientation.LinkPerson("resident", "Awa Traoré", Now);
        Assert.Equal("resident", orientation.ApplicantId);
        Assert.False(orientation.AwaitsPersonAccount);
        Assert.Throws<DomainRuleException>(() => orientation.LinkPerson("other", "X", Now));
    }

    [Fact]
    public void A_DALO_decision_is_a_past_day_since_the_DALO_exists()
    {
        var request = Draft();
        var today = new DateOnly(2026, 3, 2);

        var ahead = Assert.Throws<DomainRuleException>(() => request.DescribeSituation(CurrentSituation.Homeless, null, TargetGroups.None, true, today.AddDays(1), today));
        Assert.Equal(("La date de la décision ne peut pas être dans le futur.", "DaloDecisionDate"), (ahead.Message, ahead.Field));
        var old = Assert.Throws<DomainRuleException>(() => request.DescribeSituation(CurrentSituation.Homeless, null, TargetGroups.None, true, new DateOnly(2007, 12, 31), today));
        Assert.Equal(("Vérifiez l'année : le DALO existe depuis 2008.", "DaloDecisionDate"), (old.Message, old.Field));
        Assert.Null(request.Situation);

        request.DescribeSituation(CurrentSituation.Homeless, null, TargetGroups.None, true, today, today);
        Assert.Equal(today, request.DaloDecisionDate);
        // Not recognised DALO: the date is dropped, whatever it was.
        request.DescribeSituation(CurrentSituation.Homeless, null, TargetGroups.None, false, today.AddYears(5), today);
        Assert.Null(request.DaloDecisionDate);
    }

    [Fact]
    public void The_rent_and_charges_the_household_can_pay_are_between_0_and_10000_euros_a_month()
    {
        var request = Draft();

        var rent = Assert.Throws<DomainRuleException>(() => request.DescribeWishes(Typologies.T2, "Lille", AccessibilityNeeds.None, null, 10_000.01m, 50m));
        Assert.Equal(("Le montant doit être compris entre 0 et 10 000 € par mois.", "AffordableRent"), (rent.Message, rent.Field));
        var charges = Assert.Throws<DomainRuleException>(() => request.DescribeWishes(Typologies.T2, "Lille", AccessibilityNeeds.None, null, 450m, -1m));
        Assert.Equal("AffordableCharges", charges.Field);

        request.DescribeWishes(Typologies.T2, "Lille", AccessibilityNeeds.None, null, 10_000m, 0m);
        Assert.Equal(10_000m, request.AffordableRent);
    }

    [Fact]
    public void A_partners_consent_names_the_input_it_is_missing_from()
    {
        var today = new DateOnly(2026, 3, 2);
        var request = HousingRequest.NewOrientation("partner", "Paul Partenaire", 1, Now);

        Assert.Equal("ConsentMethod", Assert.Throws<DomainRuleException>(() => request.RecordConsent(null, today, true, today)).Field);
        Assert.Equal("ConsentGivenOn", Assert.Throws<DomainRuleException>(() => request.RecordConsent(ConsentMethod.Oral, today.AddDays(1), true, today)).Field);
        Assert.Equal("ConsentConfirmed", Assert.Throws<DomainRuleException>(() => request.RecordConsent(ConsentMethod.Oral, today, false, today)).Field);

        request.RecordConsent(ConsentMethod.Oral, today, true, today);
        Assert.Equal(ConsentMethod.Oral, request.ConsentMethod);
    }
}
