using Portal.Domain;
using Portal.Domain.Requests;

namespace Portal.Data;

/// A housing request, from the person's first draft to the decision and the move. Its status only
/// changes through <see cref="Move"/>, which asks the domain's state machine and writes the timeline.
public partial class HousingRequest
{
    public long Id { get; set; }
    public string? Reference { get; private set; }
    public string ApplicantId { get; set; } = "";
    public PortalUser? Applicant { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public string? ReferentId { get; set; }
    public PortalUser? Referent { get; set; }

    public RequestStatus Status { get; private set; } = RequestStatus.Draft;
    /// Bumped by every change; two people changing the same request at once: the second is told.
    public int Version { get; set; }
    /// Furthest step of the form the person reached (1–6).
    public int WizardStep { get; set; } = 1;

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? ClosingReason { get; private set; }

    // 1. Household
    public bool IsSingleParent { get; set; }
    public string? Phone { get; set; }
    public string? CurrentAddress { get; set; }
    public string? CurrentTown { get; set; }

    // 3. Situation
    public CurrentSituation? Situation { get; set; }
    public string? SituationDetails { get; set; }
    public TargetGroups TargetGroups { get; set; }
    public bool IsDalo { get; set; }
    public DateOnly? DaloDecisionDate { get; set; }

    // 4. What they look for
    public Typologies Typologies { get; set; }
    public string? Towns { get; set; }
    public AccessibilityNeeds Accessibility { get; set; }
    public string? AccessibilityDetails { get; set; }
    public decimal? AffordableRent { get; set; }
    public decimal? AffordableCharges { get; set; }

    // 6. Sending
    public DateTime? PrivacyAcceptedAtUtc { get; set; }

    /// The applicant's name as shown in lists, and its accent-free upper-case key for search.
    public string ApplicantName { get; set; } = "";
    public string SearchName { get; set; } = "";

    public List<HouseholdMember> Members { get; set; } = [];
    public List<IncomeLine> Incomes { get; set; } = [];
    public List<RequestDocument> Documents { get; set; } = [];
    public List<RequestedDocument> RequestedDocuments { get; set; } = [];
    public List<RequestEvent> Events { get; set; } = [];
    public List<RequestMessage> Messages { get; set; } = [];

    public static HousingRequest NewDraft(PortalUser applicant, DateTime nowUtc)
    {
        var request = new HousingRequest
        {
            ApplicantId = applicant.Id,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Phone = applicant.PhoneNumber,
        };
        request.Events.Add(new RequestEvent
        {
            AtUtc = nowUtc, Kind = RequestEventKind.StatusChanged, ToStatus = RequestStatus.Draft,
            ActorId = applicant.Id, ActorName = applicant.FullName, VisibleToApplicant = true,
        });
        return request;
    }

    /// Applies an action through the state machine (throws <see cref="DomainRuleException"/> when
    /// refused) and records it on the timeline with who, when and why.
    public RequestEvent Move(RequestAction action, string? actorId, string actorName, DateTime nowUtc, string? note = null)
    {
        var from = Status;
        var to = RequestStateMachine.Apply(from, action);
        if (action == RequestAction.Close)
        {
            if (string.IsNullOrWhiteSpace(note))
                throw new DomainRuleException("Indiquez le motif de la clôture : il sera communiqué à la personne.");
            ClosingReason = note.Trim();
        }
        if (action == RequestAction.Refuse) RefusalRule.Reason(note);
        if (action == RequestAction.Submit)
        {
            if (Id == 0) throw new InvalidOperationException("A request gets its reference from its saved id.");
            SubmittedAtUtc = nowUtc;
            Reference = RequestReference.Format(nowUtc.Year, Id);
        }
        Status = to;
        UpdatedAtUtc = nowUtc;
        Version++;
        var e = new RequestEvent
        {
            AtUtc = nowUtc, Kind = RequestEventKind.StatusChanged, FromStatus = from, ToStatus = to,
            ActorId = actorId, ActorName = actorName, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            VisibleToApplicant = true,
        };
        Events.Add(e);
        return e;
    }

    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    public bool IsEditableByApplicant => Status == RequestStatus.Draft;
}

public class HouseholdMember
{
    public long Id { get; set; }
    public long HousingRequestId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public Relationship Relationship { get; set; }
    public int Position { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}

public class IncomeLine
{
    public long Id { get; set; }
    public long HousingRequestId { get; set; }
    public long? HouseholdMemberId { get; set; }
    public HouseholdMember? Member { get; set; }
    public IncomeKind Kind { get; set; }
    public decimal MonthlyAmount { get; set; }
}

public class RequestDocument
{
    public long Id { get; set; }
    public long HousingRequestId { get; set; }
    public SupportingDocumentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public string UploadedById { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
}

/// A document the staff asked for ("pièces demandées"); fulfilled when the person adds one of that kind.
public class RequestedDocument
{
    public long Id { get; set; }
    public long HousingRequestId { get; set; }
    public SupportingDocumentKind Kind { get; set; }
    public string? Note { get; set; }
    public string RequestedById { get; set; } = "";
    public DateTime RequestedAtUtc { get; set; }
    public long? FulfilledByDocumentId { get; set; }
    public DateTime? FulfilledAtUtc { get; set; }
}

public enum RequestEventKind
{
    StatusChanged = 0,
    DocumentsRequested = 1,
    DocumentAdded = 2,
    TeamAssigned = 3,
    Note = 4,
}

public class RequestEvent
{
    public long Id { get; set; }
    public long HousingRequestId { get; set; }
    public DateTime AtUtc { get; set; }
    public RequestEventKind Kind { get; set; }
    public RequestStatus? FromStatus { get; set; }
    public RequestStatus? ToStatus { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? Note { get; set; }
    public bool VisibleToApplicant { get; set; } = true;
}

public class RequestMessage
{
    public long Id { get; set; }
    public long HousingRequestId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public bool FromStaff { get; set; }
    public string Body { get; set; } = "";
    public DateTime SentAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
    /// A message between the association and the partner who oriented the household; the person does not see it.
    public bool WithPartner { get; set; }
}
