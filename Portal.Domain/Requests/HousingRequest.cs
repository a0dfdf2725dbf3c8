using Portal.Domain.Partners;

namespace Portal.Domain.Requests;

/// A housing request, from the person's first draft to the decision and the move. Its status only
/// changes through <see cref="Move"/>, which asks the domain's state machine and writes the timeline.
/// The people and teams it names are kept by id (their accounts live outside the domain).
///
/// An orientation is a housing request sent by a partner for a household: the same instruction,
/// thread, committee and decision, plus who sent it, how urgent it is and the person's consent.
/// Until the person has an account of their own, the request's applicant is the partner who sent it.
public class HousingRequest
{
    public const int Steps = 6;

    private readonly List<HouseholdMember> _members = [];
    private readonly List<IncomeLine> _incomes = [];
    private readonly List<RequestDocument> _documents = [];
    private readonly List<RequestedDocument> _requestedDocuments = [];
    private readonly List<RequestEvent> _events = [];
    private readonly List<RequestMessage> _messages = [];

    private HousingRequest() { }

    public long Id { get; private set; }
    public string? Reference { get; private set; }
    public string ApplicantId { get; private set; } = "";
    public int? TeamId { get; private set; }
    public string? ReferentId { get; private set; }

    public RequestStatus Status { get; private set; } = RequestStatus.Draft;
    /// Bumped by every change; two people changing the same request at once: the second is told.
    public int Version { get; private set; }
    /// Furthest step of the form the person reached (1–6).
    public int WizardStep { get; private set; } = 1;

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? ClosingReason { get; private set; }

    // 1. Household
    public bool IsSingleParent { get; private set; }
    public string? Phone { get; private set; }
    public string? CurrentAddress { get; private set; }
    public string? CurrentTown { get; private set; }

    // 3. Situation
    public CurrentSituation? Situation { get; private set; }
    public string? SituationDetails { get; private set; }
    public TargetGroups TargetGroups { get; private set; }
    public bool IsDalo { get; private set; }
    public DateOnly? DaloDecisionDate { get; private set; }

    // 4. What they look for
    public Typologies Typologies { get; private set; }
    public string? Towns { get; private set; }
    public AccessibilityNeeds Accessibility { get; private set; }
    public string? AccessibilityDetails { get; private set; }
    public decimal? AffordableRent { get; private set; }
    public decimal? AffordableCharges { get; private set; }

    // 6. Sending
    public DateTime? PrivacyAcceptedAtUtc { get; private set; }

    /// The applicant's name as shown in lists, and its accent-free upper-case key for search.
    public string ApplicantName { get; private set; } = "";
    public string SearchName { get; private set; } = "";

    // Orientation by a partner.
    public int? PartnerOrganisationId { get; private set; }
    /// The partner's account that sent it: told of every step and of the decision.
    public string? OrientedById { get; private set; }
    public OrientationUrgency? Urgency { get; private set; }
    public ConsentMethod? ConsentMethod { get; private set; }
    public DateOnly? ConsentGivenOn { get; private set; }

    public IReadOnlyList<HouseholdMember> Members => _members;
    public IReadOnlyList<IncomeLine> Incomes => _incomes;
    public IReadOnlyList<RequestDocument> Documents => _documents;
    public IReadOnlyList<RequestedDocument> RequestedDocuments => _requestedDocuments;
    public IReadOnlyList<RequestEvent> Events => _events;
    public IReadOnlyList<RequestMessage> Messages => _messages;

    public bool IsEditableByApplicant => Status == RequestStatus.Draft;
    public bool IsOrientation => PartnerOrganisationId is not null;
    /// The person has no account linked yet: the partner stands in for them.
    public bool AwaitsPersonAccount => OrientedById is not null && ApplicantId == OrientedById;

    public static HousingRequest NewDraft(string applicantId, string applicantName, string? phone, DateTime nowUtc)
    {
        var request = new HousingRequest
        {
            ApplicantId = applicantId,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Phone = phone,
        };
        request._events.Add(RequestEvent.StatusChange(nowUtc, null, RequestStatus.Draft, applicantId, applicantName, null));
        return request;
    }

    /// A partner's orientation, sent at once: consent checked, reference given on the saved id by
    /// <see cref="Move"/> (the caller saves once, then submits).
    public static HousingRequest NewOrientation(string partnerId, string partnerName, int organisationId, DateTime nowUtc)
    {
        var request = NewDraft(partnerId, partnerName, null, nowUtc);
        request.PartnerOrganisationId = organisationId;
        request.OrientedById = partnerId;
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
                throw new DomainRuleException("Indiquez le motif de la clôture : il sera communiqué à la personne.", "Reason");
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
        Touch(nowUtc);
        var e = RequestEvent.StatusChange(nowUtc, from, to, actorId, actorName, note);
        _events.Add(e);
        return e;
    }

    /// Takes the request in charge: the worker who does it becomes its referent.
    public RequestEvent TakeInCharge(string workerId, string workerName, DateTime nowUtc)
    {
        var e = Move(RequestAction.TakeInCharge, workerId, workerName, nowUtc);
        ReferentId = workerId;
        return e;
    }

    /// Asks the person for documents: the request waits for them, each kind is listed as awaited.
    public void RequestDocuments(IReadOnlyCollection<SupportingDocumentKind> kinds, string? note, string actorId, string actorName, DateTime nowUtc)
    {
        if (kinds.Count == 0) throw new DomainRuleException("Cochez au moins une pièce à demander.", "Kinds");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Move(RequestAction.RequestDocuments, actorId, actorName, nowUtc, note);
        foreach (var kind in kinds)
            _requestedDocuments.Add(new RequestedDocument(kind, note, actorId, nowUtc));
        _events.Add(new RequestEvent(nowUtc, RequestEventKind.DocumentsRequested, actorId, actorName,
            "Pièces demandées : " + string.Join(", ", kinds.Select(Labels.Of)), visibleToApplicant: true));
    }

    /// Confides a request that no team had (its town matched none) to a team.
    public void AssignTeam(int teamId, string teamName, string actorId, string actorName, DateTime nowUtc)
    {
        if (TeamId is not null) throw new DomainRuleException("Cette demande est déjà confiée à une équipe.", "TeamId");
        TeamId = teamId;
        Touch(nowUtc);
        _events.Add(new RequestEvent(nowUtc, RequestEventKind.TeamAssigned, actorId, actorName,
            $"Demande confiée à l'équipe {teamName}.", visibleToApplicant: false));
    }

    /// The team the request is routed to when it is sent (by its towns), or none.
    public void RouteTo(int? teamId)
    {
        if (Status != RequestStatus.Draft) throw new DomainRuleException("Une demande envoyée change d'équipe par une affectation.", "TeamId");
        TeamId = teamId;
    }

    /// The referent follows their requests; null when they leave or lose the right to see it.
    public void ChangeReferent(string? referentId, DateTime nowUtc)
    {
        if (ReferentId == referentId) return;
        ReferentId = referentId;
        Touch(nowUtc);
    }

    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    // The form, step by step: only a draft is edited by its author.

    private void EnsureDraft()
    {
        if (!IsEditableByApplicant)
            throw new DomainRuleException("Cette demande est envoyée : elle ne peut plus être modifiée.");
    }

    /// The furthest step reached grows; it never goes back.
    public void ReachStep(int step, DateTime nowUtc)
    {
        WizardStep = Math.Clamp(Math.Max(WizardStep, step), 1, Steps);
        Touch(nowUtc);
    }

    /// The name shown in lists: « Prénom NOM » as the person writes it in the form, « NOM Prénom »
    /// as partners write it; searched as « NOM PRENOM » either way.
    public void NameApplicant(string firstName, string lastName, bool lastNameFirst = false) =>
        ShowApplicantAs(lastNameFirst
            ? Formatting.French.PersonName(lastName, firstName)
            : $"{firstName.Trim()} {lastName.Trim().ToUpper(Formatting.French.Culture)}".Trim(), $"{lastName} {firstName}");

    /// The name as shown and the text its search key is made from.
    public void ShowApplicantAs(string shownName, string searchText)
    {
        if (string.IsNullOrWhiteSpace(shownName)) throw new DomainRuleException("Indiquez le nom de la personne.", "LastName");
        ApplicantName = Cut(shownName.Trim(), 250);
        SearchName = Cut(RequestReference.SearchKey(searchText), 250);
    }

    /// Step 1: the household. Rows with an id update that member, the others are added, members
    /// not listed leave with their income lines. The first row is the applicant.
    public void DescribeHousehold(IReadOnlyList<MemberDetails> members, bool isSingleParent, string? phone, string? currentAddress, string? currentTown)
    {
        EnsureDraft();
        if (members.Count == 0) throw new DomainRuleException("Indiquez au moins la personne qui fait la demande.", "Members");
        var kept = new List<HouseholdMember>();
        for (var i = 0; i < members.Count; i++)
        {
            var row = members[i];
            var member = row.Id is { } id ? _members.FirstOrDefault(m => m.Id == id && !kept.Contains(m)) : null;
            if (member is null)
            {
                member = new HouseholdMember(row.FirstName, row.LastName, row.BirthDate, Relationship.Applicant, 0);
                _members.Add(member);
            }
            member.Change(row.FirstName, row.LastName, row.BirthDate, i == 0 ? Relationship.Applicant : row.Relationship, kept.Count);
            kept.Add(member);
        }
        foreach (var gone in _members.Except(kept).ToList())
        {
            if (gone.Id != 0) _incomes.RemoveAll(income => income.HouseholdMemberId == gone.Id);
            _incomes.RemoveAll(income => ReferenceEquals(income.Member, gone));
            _members.Remove(gone);
        }
        NameApplicant(kept[0].FirstName, kept[0].LastName);
        IsSingleParent = isSingleParent;
        Phone = Clean(phone);
        CurrentAddress = Clean(currentAddress);
        CurrentTown = Clean(currentTown);
    }

    /// Step 2: the household's monthly resources, replaced as a whole.
    public void DeclareIncomes(IEnumerable<IncomeLine> lines)
    {
        EnsureDraft();
        _incomes.Clear();
        foreach (var line in lines)
        {
            if (line.MonthlyAmount < 0) throw new DomainRuleException("Un montant ne peut pas être négatif.", "MonthlyAmount");
            _incomes.Add(line);
        }
    }

    /// Step 3: the current situation and the priority groups; <paramref name="today"/> is the day in
    /// France, the DALO decision cannot be later.
    public void DescribeSituation(CurrentSituation? situation, string? details, TargetGroups groups, bool isDalo, DateOnly? daloDecisionDate, DateOnly today)
    {
        EnsureDraft();
        if (isDalo && daloDecisionDate is { } decided) CheckDaloDecision(decided, today);
        Situation = situation;
        SituationDetails = Clean(details);
        TargetGroups = groups;
        IsDalo = isDalo;
        DaloDecisionDate = isDalo ? daloDecisionDate : null;
    }

    /// The commission's decision is a past day, and the DALO exists since 2008.
    public static void CheckDaloDecision(DateOnly decidedOn, DateOnly today)
    {
        if (decidedOn > today) throw new DomainRuleException("La date de la décision ne peut pas être dans le futur.", nameof(DaloDecisionDate));
        if (decidedOn.Year < 2008) throw new DomainRuleException("Vérifiez l'année : le DALO existe depuis 2008.", nameof(DaloDecisionDate));
    }

    /// Step 4: what the household looks for.
    public void DescribeWishes(Typologies typologies, string? towns, AccessibilityNeeds accessibility, string? accessibilityDetails, decimal? affordableRent, decimal? affordableCharges)
    {
        EnsureDraft();
        CheckAffordable(affordableRent, nameof(AffordableRent));
        CheckAffordable(affordableCharges, nameof(AffordableCharges));
        Typologies = typologies;
        Towns = Clean(towns);
        Accessibility = accessibility;
        AccessibilityDetails = Clean(accessibilityDetails);
        AffordableRent = affordableRent;
        AffordableCharges = affordableCharges;
    }

    public const decimal MaxAffordableAmount = 10_000m;

    private static void CheckAffordable(decimal? monthly, string field)
    {
        if (monthly is < 0 or > MaxAffordableAmount)
            throw new DomainRuleException("Le montant doit être compris entre 0 et 10 000 € par mois.", field);
    }

    /// Step 6: the person accepts how their data is used; the request is then ready to be sent.
    public void AcceptPrivacy(DateTime nowUtc)
    {
        EnsureDraft();
        PrivacyAcceptedAtUtc = nowUtc;
        WizardStep = Steps;
    }

    public void SetUrgency(OrientationUrgency? urgency)
    {
        if (!IsOrientation) throw new DomainRuleException("Seule une orientation par un partenaire porte une urgence.", "Urgency");
        EnsureDraft();
        Urgency = urgency;
    }

    public void RecordConsent(ConsentMethod? method, DateOnly? givenOn, bool confirmed, DateOnly today)
    {
        if (OrientationRules.ConsentProblem(method, givenOn, confirmed, today) is { } problem)
            throw new DomainRuleException(problem.Message, problem.Field);
        ConsentMethod = method;
        ConsentGivenOn = givenOn;
    }

    /// The person now follows the request from their own resident space.
    public void LinkPerson(string personId, string personName, DateTime nowUtc)
    {
        if (!AwaitsPersonAccount) throw new DomainRuleException("La personne suit déjà cette demande depuis son espace.", "Email");
        ApplicantId = personId;
        Touch(nowUtc);
        _events.Add(new RequestEvent(nowUtc, RequestEventKind.Note, personId, personName,
            "La personne est invitée à suivre sa demande depuis son espace résident.", visibleToApplicant: true));
    }

    // Documents.

    /// While the request is a draft the person adds and removes documents freely; once sent, they add
    /// documents (asked or not) until a final decision.
    public bool AcceptsDocuments => !Status.IsFinal();

    /// Adds a document (saved before <see cref="RecordDocumentAdded"/>, which needs its id).
    public void AddDocument(RequestDocument document, DateTime nowUtc)
    {
        if (!AcceptsDocuments) throw new DomainRuleException("Cette demande est close : aucun document ne peut plus y être ajouté.", "File");
        _documents.Add(document);
        Touch(nowUtc);
    }

    /// The saved document answers the awaited one the person chose (or the first of its kind) and
    /// goes on the timeline. True when every awaited document is now there: the team checks them
    /// before resuming the review, so the status stays until they do.
    public bool RecordDocumentAdded(RequestDocument document, long? answeringRequestedId, string actorId, string actorName, DateTime nowUtc, bool byPartner = false)
    {
        if (document.Id == 0) throw new InvalidOperationException("A document answers an awaited one by its saved id.");
        var missing = _requestedDocuments.Where(r => r.FulfilledByDocumentId is null).OrderBy(r => r.RequestedAtUtc).ThenBy(r => r.Id).ToList();
        var answered = missing.FirstOrDefault(r => r.Id == answeringRequestedId && r.Kind == document.Kind)
            ?? missing.FirstOrDefault(r => r.Kind == document.Kind);
        answered?.Fulfil(document.Id, nowUtc);
        var note = $"{Labels.Of(document.Kind)} : {document.FileName}" + (byPartner ? " (document du partenaire)" : "");
        _events.Add(new RequestEvent(nowUtc, RequestEventKind.DocumentAdded, actorId, actorName, note, visibleToApplicant: !byPartner));
        return Status == RequestStatus.DocumentsRequested && _requestedDocuments.All(r => r.FulfilledByDocumentId is not null);
    }

    // The thread.

    /// A message on the request's thread. Staff write to the person, or to the partner who oriented
    /// the household (always to them while the person has no account).
    public RequestMessage Write(string authorId, string authorName, string? body, bool fromStaff, bool withPartner, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new DomainRuleException("Écrivez votre message.", "Body");
        if (withPartner && !IsOrientation) throw new DomainRuleException("Cette demande n'a pas été orientée par un partenaire.", "ToPartner");
        var message = new RequestMessage(authorId, authorName, body, fromStaff, withPartner, nowUtc);
        _messages.Add(message);
        return message;
    }

    /// Whether a staff message goes to the partner rather than the person.
    public bool StaffWritesToPartner(bool askedForPartner) => IsOrientation && (AwaitsPersonAccount || askedForPartner);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Cut(string value, int max) => value.Length > max ? value[..max] : value;
}

/// One row of the household as the person typed it (<see cref="Id"/> set for a member already kept).
public sealed record MemberDetails(long? Id, string FirstName, string LastName, DateOnly BirthDate, Relationship Relationship);

public class HouseholdMember
{
    private HouseholdMember() { }

    public HouseholdMember(string firstName, string lastName, DateOnly birthDate, Relationship relationship, int position) =>
        Change(firstName, lastName, birthDate, relationship, position);

    public long Id { get; private set; }
    public long HousingRequestId { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public Relationship Relationship { get; private set; }
    public int Position { get; private set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    internal void Change(string firstName, string lastName, DateOnly birthDate, Relationship relationship, int position)
    {
        if (string.IsNullOrWhiteSpace(firstName)) throw new DomainRuleException("Indiquez le prénom.", "FirstName");
        if (string.IsNullOrWhiteSpace(lastName)) throw new DomainRuleException("Indiquez le nom.", "LastName");
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        BirthDate = birthDate;
        Relationship = relationship;
        Position = position;
    }
}

public class IncomeLine
{
    private IncomeLine() { }

    /// A line of the household's resources; <paramref name="member"/> is whose it is, if known.
    public IncomeLine(IncomeKind kind, decimal monthlyAmount, HouseholdMember? member = null)
    {
        Kind = kind;
        MonthlyAmount = monthlyAmount;
        Member = member;
        if (member is { Id: not 0 }) HouseholdMemberId = member.Id;
    }

    public long Id { get; private set; }
    public long HousingRequestId { get; private set; }
    public long? HouseholdMemberId { get; private set; }
    public HouseholdMember? Member { get; private set; }
    public IncomeKind Kind { get; private set; }
    public decimal MonthlyAmount { get; private set; }
}

public class RequestDocument
{
    private RequestDocument() { }

    public RequestDocument(SupportingDocumentKind kind, string fileName, string contentType, byte[] content, string uploadedById, DateTime uploadedAtUtc)
    {
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        UploadedById = uploadedById;
        UploadedAtUtc = uploadedAtUtc;
    }

    public long Id { get; private set; }
    public long HousingRequestId { get; private set; }
    public SupportingDocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string UploadedById { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
}

/// A document the staff asked for ("pièces demandées"); fulfilled when the person adds one of that kind.
public class RequestedDocument
{
    private RequestedDocument() { }

    internal RequestedDocument(SupportingDocumentKind kind, string? note, string requestedById, DateTime requestedAtUtc)
    {
        Kind = kind;
        Note = note;
        RequestedById = requestedById;
        RequestedAtUtc = requestedAtUtc;
    }

    public long Id { get; private set; }
    public long HousingRequestId { get; private set; }
    public SupportingDocumentKind Kind { get; private set; }
    public string? Note { get; private set; }
    public string RequestedById { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public long? FulfilledByDocumentId { get; private set; }
    public DateTime? FulfilledAtUtc { get; private set; }

    internal void Fulfil(long documentId, DateTime nowUtc)
    {
        FulfilledByDocumentId = documentId;
        FulfilledAtUtc = nowUtc;
    }
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
    private RequestEvent() { }

    /// A line of the timeline; names and notes are cut to what is kept.
    public RequestEvent(DateTime atUtc, RequestEventKind kind, string? actorId, string actorName, string? note, bool visibleToApplicant)
    {
        AtUtc = atUtc;
        Kind = kind;
        ActorId = actorId;
        ActorName = HousingRequest.Cut(actorName, 200);
        Note = string.IsNullOrWhiteSpace(note) ? null : HousingRequest.Cut(note.Trim(), 4000);
        VisibleToApplicant = visibleToApplicant;
    }

    /// A change of status on the timeline (<see cref="HousingRequest.Move"/> writes them).
    public static RequestEvent StatusChange(DateTime atUtc, RequestStatus? from, RequestStatus to, string? actorId, string actorName, string? note) =>
        new(atUtc, RequestEventKind.StatusChanged, actorId, actorName, note, visibleToApplicant: true) { FromStatus = from, ToStatus = to };

    public long Id { get; private set; }
    public long HousingRequestId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public RequestEventKind Kind { get; private set; }
    public RequestStatus? FromStatus { get; private set; }
    public RequestStatus? ToStatus { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? Note { get; private set; }
    public bool VisibleToApplicant { get; private set; } = true;
}

public class RequestMessage
{
    private RequestMessage() { }

    internal RequestMessage(string authorId, string authorName, string body, bool fromStaff, bool withPartner, DateTime sentAtUtc)
    {
        AuthorId = authorId;
        AuthorName = HousingRequest.Cut(authorName, 200);
        Body = body.Trim();
        FromStaff = fromStaff;
        WithPartner = withPartner;
        SentAtUtc = sentAtUtc;
    }

    public long Id { get; private set; }
    public long HousingRequestId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public bool FromStaff { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }
    /// A message between the association and the partner who oriented the household; the person does not see it.
    public bool WithPartner { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
