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
