using Microsoft.AspNetCore.Identity;
using Portal.Domain.Work;

namespace Portal.Data;

public class PortalUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// For a partner's account (role Partner): the organisation they act for.
    public int? PartnerOrganisationId { get; set; }
    public PartnerOrganisation? PartnerOrganisation { get; set; }
}

public class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// Towns the team covers, separated by commas: a new request goes to the team of its first wished town.
    public string? Towns { get; set; }
    public List<PortalUser> Members { get; set; } = [];
}

/// Common columns of a background work row (see DESIGN.md, "work that must not be lost").
public abstract class WorkItem
{
    public long Id { get; set; }
    public WorkStatus Status { get; set; } = WorkStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// Not tried again before this time (back-off after a failure).
    public DateTime? NotBeforeUtc { get; set; }
    /// While Running, the worker holds the row until then; past it, another worker may take it over.
    public DateTime? LeaseUntilUtc { get; set; }
    /// The node holding the row while Running: its heartbeat renews the lease (see WorkPolicy.Lease).
    public string? LeaseNode { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
}

public class OutboundEmail : WorkItem
{
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    /// Fixed when the row is written, so a message sent twice after a crash is recognisably the same.
    public string MessageId { get; set; } = "";
    /// One optional attachment (an appointment's .ics).
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? AttachmentContent { get; set; }
    /// Once sent, the row keeps no address, name or text: the last message to a person whose data
    /// was erased (the job clears it, and the nightly purge catches any it missed).
    public bool ForgetWhenSent { get; set; }
}

public static class DocumentKinds
{
    public const string TestSheet = "TestSheet";

    public static string Label(string kind) => kind switch
    {
        TestSheet => "Fiche de test",
        _ => kind,
    };
}

public class DocumentRequest : WorkItem
{
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string RequestedById { get; set; } = "";
    public PortalUser? RequestedBy { get; set; }
    public GeneratedDocument? Document { get; set; }
    /// The household the document is about, when it is (its file lists it; shared ones reach the resident).
    public long? HouseholdId { get; set; }
    /// What the document is made from, as a short key ("measure:12", "review:40", "session:3",
    /// "year:2026:funder:1"): documents with the same kind and key are versions of one another.
    public string? SubjectKey { get; set; }
    /// Shown in the resident's space once generated.
    public bool SharedWithResident { get; set; }
    /// The key of the form that asked for it: the same form posted twice makes one request
    /// (a unique index with <see cref="RequestedById"/>, so it holds across web nodes).
    public string? IdempotencyKey { get; set; }
}

public class GeneratedDocument
{
    public long Id { get; set; }
    public long DocumentRequestId { get; set; }
    public DocumentRequest? DocumentRequest { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Version { get; set; } = 1;
    public string AuthorId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

/// Keeps a housing request or a household file out of the retention purge, for a stated reason
/// (a dispute, a judge's request), until a manager lifts it.
public class LegalHold
{
    public long Id { get; set; }
    public long? HousingRequestId { get; set; }
    public long? HouseholdId { get; set; }
    public string Reason { get; set; } = "";
    public string PlacedById { get; set; } = "";
    public string PlacedByName { get; set; } = "";
    public DateTime PlacedAtUtc { get; set; }
    public DateTime? LiftedAtUtc { get; set; }
}
