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

    public void Received(HousingRequest request, PortalUser applicant) =>
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.RequestReceived(
            applicant.FullName, request.Reference!, Link(ApplicantPath(request.Id))));

    public void StatusChanged(HousingRequest request, PortalUser applicant, string? note) =>
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.RequestStatusChanged(
            applicant.FullName, request.Reference!, request.Status.Label(), request.Status.Explanation(), note,
            Link(ApplicantPath(request.Id))));

    public void DocumentsRequested(HousingRequest request, PortalUser applicant, IEnumerable<SupportingDocumentKind> kinds, string? note) =>
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.DocumentsRequested(
            applicant.FullName, request.Reference!, kinds.Select(Labels.Of).ToList(), note,
            Link(ApplicantPath(request.Id) + "#pieces")));

    public void NewMessageForApplicant(HousingRequest request, PortalUser applicant) =>
        EmailOutbox.Queue(db, applicant.Email!, applicant.FullName, EmailTemplates.NewMessage(
            applicant.FullName, request.Reference!, Link(ApplicantPath(request.Id) + "#messages")));
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
