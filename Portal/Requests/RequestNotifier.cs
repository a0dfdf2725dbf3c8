using Portal.Data;
using Portal.Domain.Requests;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Requests;

/// The emails a person receives about their request. Each is queued in the outbox with the change
/// it reports (the caller saves both together).
public sealed class RequestNotifier(PortalDbContext db, PublicLinks links)
{
    public static string ApplicantPath(long requestId) => $"/espace/demandes/{requestId}";
    public static string StaffPath(long requestId) => $"/suivi/demandes/{requestId}";

    private string Link(string path) => links.Absolute(path);

    public static string PartnerPath(long requestId) => $"/partenaire/orientations/{requestId}";

    // An orientation's partner hears of every step; the person too once their account is linked
    // (until then the partner is the request's applicant and is told once, as the partner).
    private PortalUser? Orienter(HousingRequest request) =>
        request.OrientedById is { } id && db.Users.Find(id) is { Email: not null } partner ? partner : null;

    private bool ToApplicant(HousingRequest request, PortalUser applicant) =>
        request.OrientedById is null || applicant.Id != request.OrientedById;

    public void Received(HousingRequest request, PortalUser applicant)
    {
        if (request.IsOrientation)
        {
            if (Orienter(request) is { } partner)
                EmailOutbox.Queue(db, partner.Email!, partner.FullName, PartnerEmails.OrientationReceived(
                    partner.FullName, request.Reference!, request.ApplicantName, Link(PartnerPath(request.Id))));
            return;
        }
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.RequestReceived(
            applicant.FullName, request.Reference!, Link(ApplicantPath(request.Id))));
    }

    public void StatusChanged(HousingRequest request, PortalUser applicant, string? note)
    {
        if (Orienter(request) is { } partner)
            EmailOutbox.Queue(db, partner.Email!, partner.FullName, PartnerEmails.StatusChanged(
                partner.FullName, request.Reference!, request.ApplicantName, request.Status.Label(), note, Link(PartnerPath(request.Id))));
        if (!ToApplicant(request, applicant)) return;
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.RequestStatusChanged(
            applicant.FullName, request.Reference!, request.Status.Label(), request.Status.Explanation(), note,
            Link(ApplicantPath(request.Id))));
    }

    /// For an orientation, the partner is asked (they hold the assessment); the person too once linked.
    public void DocumentsRequested(HousingRequest request, PortalUser applicant, IEnumerable<SupportingDocumentKind> kinds, string? note)
    {
        var labels = kinds.Select(Labels.Of).ToList();
        if (Orienter(request) is { } partner)
            EmailOutbox.Queue(db, partner.Email!, partner.FullName, PartnerEmails.InformationRequested(
                partner.FullName, request.Reference!, request.ApplicantName, labels, note, Link(PartnerPath(request.Id) + "#pieces")));
        if (!ToApplicant(request, applicant)) return;
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.DocumentsRequested(
            applicant.FullName, request.Reference!, labels, note,
            Link(ApplicantPath(request.Id) + "#pieces")));
    }

    public void NewMessageForApplicant(HousingRequest request, PortalUser applicant) =>
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.NewMessage(
            applicant.FullName, request.Reference!, Link(ApplicantPath(request.Id) + "#messages")));

    public void NewMessageForPartner(HousingRequest request)
    {
        if (Orienter(request) is { } partner)
            EmailOutbox.Queue(db, partner.Email!, partner.FullName, PartnerEmails.NewMessage(
                partner.FullName, request.Reference!, request.ApplicantName, Link(PartnerPath(request.Id) + "#fil")));
    }

    /// The partner answered (a message or a document): the request's referent hears of it.
    public void PartnerReplied(HousingRequest request, string partnerName)
    {
        if (request.ReferentId is { } id && db.Users.Find(id) is { Email: not null } referent)
            EmailOutbox.Queue(db, referent.Email!, referent.FullName, PartnerEmails.PartnerReplied(
                referent.FullName, request.Reference!, request.ApplicantName, partnerName, Link(StaffPath(request.Id) + "#fil")));
    }
}

/// Which team receives a new request: the first team covering one of the wished towns, then the
/// person's current town; none found leaves it to a manager to dispatch.
public static class RequestRouting
{
    public static int? TeamFor(HousingRequest request, IEnumerable<Team> teams)
    {
        var candidates = Split(request.Towns).Concat(Split(request.CurrentTown)).ToList();
        var covered = teams.Select(t => (t.Id, Towns: Split(t.Towns).ToHashSet())).ToList();
        foreach (var town in candidates)
            foreach (var (id, towns) in covered)
                if (towns.Contains(town)) return id;
        return null;
    }

    private static IEnumerable<string> Split(string? towns) =>
        (towns ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(RequestReference.SearchKey)
            .Where(t => t.Length > 0);
}
