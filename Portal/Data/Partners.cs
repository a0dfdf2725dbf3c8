using Portal.Domain;
using Portal.Domain.Partners;
using Portal.Domain.Requests;

namespace Portal.Data;

/// An organisation that orients households to the association (SIAO, CCAS, Conseil départemental,
/// Mission locale, landlord, hospital, CHRS, ASE…). Its staff sign in with the role Partner.
public class PartnerOrganisation
{
    public int Id { get; set; }
    public PartnerKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Town { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public List<PortalUser> Members { get; set; } = [];
}

/// An orientation is a housing request sent by a partner for a household: the same instruction,
/// thread, committee and decision, plus who sent it, how urgent it is and the person's consent.
/// Until the person has an account of their own, the request's applicant is the partner who sent it.
public partial class HousingRequest
{
    public int? PartnerOrganisationId { get; set; }
    public PartnerOrganisation? PartnerOrganisation { get; set; }
    /// The partner's account that sent it: told of every step and of the decision.
    public string? OrientedById { get; set; }
    public OrientationUrgency? Urgency { get; set; }
    public ConsentMethod? ConsentMethod { get; set; }
    public DateOnly? ConsentGivenOn { get; set; }

    public bool IsOrientation => PartnerOrganisationId is not null;
    /// The person has no account linked yet: the partner stands in for them.
    public bool AwaitsPersonAccount => OrientedById is not null && ApplicantId == OrientedById;

    /// A partner's orientation, sent at once: consent checked, reference given on the saved id by
    /// <see cref="Move"/> (the caller saves once, then submits).
    public static HousingRequest NewOrientation(PortalUser partner, int organisationId, DateTime nowUtc)
    {
        var request = NewDraft(partner, nowUtc);
        request.PartnerOrganisationId = organisationId;
        request.OrientedById = partner.Id;
        request.Phone = null;
        return request;
    }

    public void RecordConsent(ConsentMethod? method, DateOnly? givenOn, bool confirmed, DateOnly today)
    {
        if (OrientationRules.ConsentProblem(method, givenOn, confirmed, today) is { } problem)
            throw new DomainRuleException(problem.Message, problem.Field);
        ConsentMethod = method;
        ConsentGivenOn = givenOn;
    }

    /// The person now follows the request from their own resident space.
    public void LinkPerson(PortalUser person, DateTime nowUtc)
    {
        if (!AwaitsPersonAccount) throw new DomainRuleException("La personne suit déjà cette demande depuis son espace.");
        ApplicantId = person.Id;
        Touch(nowUtc);
        Events.Add(new RequestEvent
        {
            AtUtc = nowUtc, Kind = RequestEventKind.Note, ActorId = person.Id, ActorName = person.FullName,
            Note = "La personne est invitée à suivre sa demande depuis son espace résident.", VisibleToApplicant = true,
        });
    }
}

/// The SIAO's validation of an IML candidate (seed 003): asked by the association for a request
/// or a household file, answered by the SIAO from /partenaire.
public class SiaoValidation
{
    public long Id { get; set; }
    public int PartnerOrganisationId { get; set; }
    public PartnerOrganisation? PartnerOrganisation { get; set; }
    public long? HousingRequestId { get; set; }
    public long? HouseholdId { get; set; }
    public string CandidateName { get; set; } = "";
    /// What the association tells the SIAO about the candidate.
    public string? Presentation { get; set; }
    public string RequestedById { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTime RequestedAtUtc { get; set; }
    public SiaoValidationStatus Status { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }

    public void Decide(bool validate, string? note, PortalUser by, DateTime nowUtc)
    {
        Status = SiaoRule.Decide(Status, validate, note);
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedByName = by.FullName;
        DecidedAtUtc = nowUtc;
    }
}

/// The landlord of a sliding lease taking part in its reviews (seed 003: « en présence du bailleur »):
/// invited to a review, they read the summary the association shares and confirm the slide.
public class LeaseReviewInvitation
{
    public long Id { get; set; }
    public long SlidingLeaseId { get; set; }
    public long SupportMeasureId { get; set; }
    public long HouseholdId { get; set; }
    public int PartnerOrganisationId { get; set; }
    public PartnerOrganisation? PartnerOrganisation { get; set; }
    public string HouseholdName { get; set; } = "";
    public string ReviewLabel { get; set; } = "";
    public DateOnly ReviewOn { get; set; }
    public string InvitedById { get; set; } = "";
    public string InvitedByName { get; set; } = "";
    public DateTime InvitedAtUtc { get; set; }
    /// The summary the association chooses to share with the landlord (not the review's own notes).
    public string? SharedSummary { get; set; }
    public DateTime? SharedAtUtc { get; set; }
    /// Asked of the landlord at the 12-month review: the lease slides to the household's name.
    public bool AsksSlideConfirmation { get; set; }
    public DateTime? SlideConfirmedAtUtc { get; set; }
    public string? SlideConfirmedByName { get; set; }

    public void ConfirmSlide(PortalUser by, DateTime nowUtc)
    {
        if (!AsksSlideConfirmation) throw new DomainRuleException("Ce bilan ne demande pas de confirmer le glissement du bail.");
        if (SharedAtUtc is null) throw new DomainRuleException("Le glissement se confirme une fois le compte rendu du bilan partagé.");
        if (SlideConfirmedAtUtc is not null) throw new DomainRuleException("Le glissement du bail est déjà confirmé.");
        SlideConfirmedAtUtc = nowUtc;
        SlideConfirmedByName = by.FullName;
    }
}
