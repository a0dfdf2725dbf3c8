using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.Data;
using Portal.Documents;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Domain.Workshops;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Privacy;

/// « Mes données » (GDPR art. 15 and 20): a ZIP of everything the association holds about a person
/// or a household, as readable files — a summary page, CSV for spreadsheets, JSON for machines,
/// and the files themselves. Made in the background like any other file (see <see cref="FileRequests"/>).
public sealed class PersonalDataExport(PortalDbContext db, TimeProvider clock, PublicLinks links) : IFileMaker
{
    public const string KindName = "PersonalData";
    public const string ContentType = "application/zip";
    public const string ExportedAction = "Export des données personnelles";

    public string Kind => KindName;

    public static string PersonSubject(string userId) => $"person:{userId}";
    public static string HouseholdSubject(long householdId) => $"household:{householdId}";

    public Email.EmailContent? ReadyEmail(DocumentRequest request, string? recipientName) =>
        request.SubjectKey?.StartsWith("person:", StringComparison.Ordinal) == true
            ? EmailTemplates.PersonalDataReady(recipientName, links.Absolute("/espace/donnees"))
            : null;

    private sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows);

    public async Task<RenderedFile> RenderAsync(DocumentRequest request, CancellationToken ct)
    {
        var (userId, householdIds) = await WhoseAsync(request.SubjectKey, ct);
        var sheets = new List<Sheet>();
        var files = new List<(string Path, byte[] Content)>();
        var json = new Dictionary<string, object?>();

        var account = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.Email, u.PhoneNumber, u.CreatedAtUtc }).SingleOrDefaultAsync(ct);
        if (account is not null)
        {
            json["compte"] = account;
            sheets.Add(new Sheet("compte", ["Nom", "Adresse électronique", "Téléphone", "Compte créé le"],
                [[account.FullName, account.Email, account.PhoneNumber, Stamp(account.CreatedAtUtc)]]));
        }

        // Requests: the person's own, and those the household files came from.
        var fromHouseholds = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id) && h.HousingRequestId != null)
            .Select(h => h.HousingRequestId!.Value).ToListAsync(ct);
        var requests = await db.HousingRequests.AsNoTracking()
            .Where(r => (userId != null && r.ApplicantId == userId) || fromHouseholds.Contains(r.Id))
            .Include(r => r.Members).Include(r => r.Incomes).Include(r => r.Events).Include(r => r.Messages)
            .AsSplitQuery().OrderBy(r => r.Id).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        json["demandes"] = requests.Select(r => new
        {
            r.Reference, Statut = r.Status.Label(), CreeeLe = r.CreatedAtUtc, EnvoyeeLe = r.SubmittedAtUtc, Nom = r.ApplicantName,
            Telephone = r.Phone, Adresse = r.CurrentAddress, Commune = r.CurrentTown,
            Situation = r.Situation is { } s ? Labels.Of(s) : null, Precisions = r.SituationDetails,
            CommunesSouhaitees = r.Towns, LoyerSupportable = r.AffordableRent, ChargesSupportables = r.AffordableCharges,
            Personnes = r.Members.OrderBy(m => m.Position).Select(m => new { m.FirstName, m.LastName, m.BirthDate, Lien = Labels.Of(m.Relationship) }),
            Ressources = r.Incomes.Select(i => new { Nature = Labels.Of(i.Kind), i.MonthlyAmount }),
            Historique = r.Events.Where(e => e.VisibleToApplicant).OrderBy(e => e.AtUtc).Select(e => new { e.AtUtc, Statut = e.ToStatus?.Label(), e.Note }),
        }).ToList();
        sheets.Add(new Sheet("demandes", ["Référence", "Statut", "Créée le", "Envoyée le", "Nom", "Téléphone", "Adresse", "Commune", "Précisions sur la situation", "Communes souhaitées"],
            requests.Select(r => (IReadOnlyList<string?>)[r.Reference, r.Status.Label(), Stamp(r.CreatedAtUtc), Stamp(r.SubmittedAtUtc), r.ApplicantName, r.Phone, r.CurrentAddress, r.CurrentTown, r.SituationDetails, r.Towns]).ToList()));
        sheets.Add(new Sheet("messages", ["Demande", "Date", "De", "Message"],
            requests.SelectMany(r => r.Messages.OrderBy(m => m.SentAtUtc).Select(m => (IReadOnlyList<string?>)[r.Reference, Stamp(m.SentAtUtc), m.AuthorName, m.Body])).ToList()));

        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Include(h => h.Persons).Include(h => h.Incomes).AsSplitQuery().OrderBy(h => h.Id).ToListAsync(ct);
        json["menages"] = households.Select(h => new
        {
            h.Name, h.Phone, h.Email, h.Address, h.Town, Situation = h.Situation is { } s ? Labels.Of(s) : null, h.SituationDetails,
            h.CurrentRent, h.CurrentCharges, SortiLe = h.ExitedOn,
            Personnes = h.Persons.OrderBy(p => p.Position).Select(p => new { p.FirstName, p.LastName, p.BirthDate, Lien = Labels.Of(p.Relationship) }),
            Ressources = h.Incomes.Select(i => new { Nature = Labels.Of(i.Kind), i.MonthlyAmount }),
        }).ToList();
        sheets.Add(new Sheet("foyer", ["Ménage", "Prénom", "Nom", "Date de naissance", "Lien"],
            households.SelectMany(h => h.Persons.OrderBy(p => p.Position).Select(p => (IReadOnlyList<string?>)[h.Name, p.FirstName, p.LastName, p.BirthDate?.ToString("dd/MM/yyyy", French.Culture), Labels.Of(p.Relationship)]))
                .Concat(requests.SelectMany(r => r.Members.OrderBy(m => m.Position).Select(m => (IReadOnlyList<string?>)[r.Reference, m.FirstName, m.LastName, m.BirthDate.ToString("dd/MM/yyyy", French.Culture), Labels.Of(m.Relationship)]))).ToList()));

        var appointments = userId is null ? [] : await db.Appointments.AsNoTracking().Where(a => a.PersonId == userId).Named(db).OrderBy(n => n.Appointment.StartUtc)
            .Select(n => new { n.Appointment.StartUtc, n.Appointment.DurationMinutes, n.Appointment.Status, n.Place, n.Motif }).ToListAsync(ct);
        json["rendez_vous"] = appointments.Select(a => new { a.StartUtc, a.DurationMinutes, Statut = a.Status.Label(), Lieu = a.Place, Motif = a.Motif });
        sheets.Add(new Sheet("rendez-vous", ["Date", "Durée (min)", "Lieu", "Motif", "Statut"],
            appointments.Select(a => (IReadOnlyList<string?>)[Stamp(a.StartUtc), a.DurationMinutes.ToString(CultureInfo.InvariantCulture), a.Place, a.Motif, a.Status.Label()]).ToList()));

        // The person's own sign-ups, and those staff made for a member of their household file.
        var workshops = await db.WorkshopSignups.AsNoTracking()
            .Where(s => (userId != null && s.PersonId == userId)
                     || (s.HouseholdPersonId != null && db.HouseholdPersons.Any(p => p.Id == s.HouseholdPersonId && householdIds.Contains(p.HouseholdId))))
            .Join(db.Workshops, s => s.WorkshopId, w => w.Id, (s, w) => new
            {
                w.Theme, w.StartsAtUtc, s.Status, s.Attended,
                Participant = s.HouseholdPerson != null ? s.HouseholdPerson.FirstName + " " + s.HouseholdPerson.LastName : db.Users.Where(u => u.Id == s.PersonId).Select(u => u.FullName).FirstOrDefault(),
            })
            .OrderBy(x => x.StartsAtUtc).ToListAsync(ct);
        json["ateliers"] = workshops.Select(w => new { w.Theme, w.StartsAtUtc, w.Participant, Inscription = w.Status.Label(), Present = w.Attended });
        sheets.Add(new Sheet("ateliers", ["Atelier", "Date", "Participant", "Inscription", "Présence"],
            workshops.Select(w => (IReadOnlyList<string?>)[w.Theme, Stamp(w.StartsAtUtc), w.Participant, w.Status.Label(), w.Attended switch { true => "présent", false => "absent", _ => "" }]).ToList()));

        var mediations = await db.Mediations.AsNoTracking().Where(m => householdIds.Contains(m.HouseholdId)).OrderBy(m => m.StartedOn).ToListAsync(ct);
        json["mediations"] = mediations.Select(m => new
        {
            Bailleur = m.Landlord, Objet = m.Issue.Label(), Precisions = m.Details, DebutLe = m.StartedOn, FinLe = m.EndedOn,
            Issue = m.Outcome?.Label(), PrecisionsIssue = m.OutcomeDetails,
        });
        sheets.Add(new Sheet("mediations", ["Bailleur", "Objet", "Précisions", "Début", "Fin", "Issue", "Précisions sur l'issue"],
            mediations.Select(m => (IReadOnlyList<string?>)[m.Landlord, m.Issue.Label(), m.Details, Day(m.StartedOn), Day(m.EndedOn), m.Outcome?.Label(), m.OutcomeDetails]).ToList()));

        // An orientation by a partner, with the consent the partner recorded, and the SIAO's validations.
        var partners = await db.PartnerOrganisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var oriented = requests.Where(r => r.PartnerOrganisationId is not null).ToList();
        json["orientations"] = oriented.Select(r => new
        {
            Demande = r.Reference, Partenaire = partners.GetValueOrDefault(r.PartnerOrganisationId!.Value), Urgence = r.Urgency?.Label(),
            Consentement = r.ConsentMethod?.Label(), ConsentementDonneLe = r.ConsentGivenOn,
        });
        sheets.Add(new Sheet("orientations", ["Demande", "Partenaire", "Urgence", "Consentement recueilli", "Consentement donné le"],
            oriented.Select(r => (IReadOnlyList<string?>)[r.Reference, partners.GetValueOrDefault(r.PartnerOrganisationId!.Value), r.Urgency?.Label(), r.ConsentMethod?.Label(), Day(r.ConsentGivenOn)]).ToList()));
        var validations = await db.SiaoValidations.AsNoTracking()
            .Where(v => (v.HousingRequestId != null && requestIds.Contains(v.HousingRequestId.Value)) || (v.HouseholdId != null && householdIds.Contains(v.HouseholdId.Value)))
            .OrderBy(v => v.RequestedAtUtc).ToListAsync(ct);
        json["validations_siao"] = validations.Select(v => new
        {
            Candidat = v.CandidateName, Siao = partners.GetValueOrDefault(v.PartnerOrganisationId), Presentation = v.Presentation, DemandeeLe = v.RequestedAtUtc,
            Statut = v.Status.Label(), DecideeLe = v.DecidedAtUtc, Motif = v.DecisionNote,
        });
        sheets.Add(new Sheet("validations-siao", ["Candidat", "SIAO", "Présentation", "Demandée le", "Statut", "Décidée le", "Motif"],
            validations.Select(v => (IReadOnlyList<string?>)[v.CandidateName, partners.GetValueOrDefault(v.PartnerOrganisationId), v.Presentation, Stamp(v.RequestedAtUtc), v.Status.Label(), Stamp(v.DecidedAtUtc), v.DecisionNote]).ToList()));

        var uploads = await db.RequestDocuments.AsNoTracking().Where(d => requestIds.Contains(d.HousingRequestId)).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.HousingRequestId, d.Kind, d.FileName, d.Content, d.UploadedAtUtc }).ToListAsync(ct);
        var shared = await db.DocumentRequests.AsNoTracking()
            .Where(r => r.SharedWithResident && r.Status == WorkStatus.Done && r.HouseholdId != null && householdIds.Contains(r.HouseholdId.Value) && r.Document != null)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Title, r.Document!.FileName, r.Document.Content, r.Document.CreatedAtUtc }).ToListAsync(ct);
        foreach (var u in uploads) files.Add(($"pieces-justificatives/{u.Id}-{SafeName(u.FileName)}", u.Content));
        foreach (var d in shared) files.Add(($"documents-partages/{d.Id}-{SafeName(d.FileName)}", d.Content));
        sheets.Add(new Sheet("fichiers", ["Fichier", "Nature", "Date"],
            uploads.Select(u => (IReadOnlyList<string?>)[$"pieces-justificatives/{u.Id}-{SafeName(u.FileName)}", Labels.Of(u.Kind), Stamp(u.UploadedAtUtc)])
                .Concat(shared.Select(d => (IReadOnlyList<string?>)[$"documents-partages/{d.Id}-{SafeName(d.FileName)}", d.Title, Stamp(d.CreatedAtUtc)])).ToList()));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "index.html", Encoding.UTF8.GetBytes(Summary(sheets)));
            Add(zip, "donnees.json", JsonSerializer.SerializeToUtf8Bytes(json, JsonOptions));
            foreach (var sheet in sheets) Add(zip, $"{sheet.Name}.csv", Csv(sheet));
            foreach (var (path, content) in files) Add(zip, path, content);
        }
        var date = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new RenderedFile($"mes-donnees-{date}-{request.Id}.zip", ContentType, buffer.ToArray());
    }

    /// The account and the households a subject key stands for: a person's account and the
    /// households whose resident they are; or a household and its resident's account.
    private async Task<(string? UserId, List<long> HouseholdIds)> WhoseAsync(string? subjectKey, CancellationToken ct)
    {
        if (subjectKey?.StartsWith("person:", StringComparison.Ordinal) == true)
        {
            var userId = subjectKey["person:".Length..];
            return (userId, await db.Households.Where(h => h.ResidentId == userId).Select(h => h.Id).ToListAsync(ct));
        }
        if (subjectKey?.StartsWith("household:", StringComparison.Ordinal) == true
            && long.TryParse(subjectKey["household:".Length..], CultureInfo.InvariantCulture, out var id))
        {
            var resident = await db.Households.Where(h => h.Id == id).Select(h => h.ResidentId).SingleOrDefaultAsync(ct);
            return (resident, [id]);
        }
        throw new InvalidOperationException($"Unknown personal-data subject {subjectKey}");
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(content);
    }

    /// Spreadsheet-ready CSV: UTF-8 with a BOM, « ; » as separator, and any cell that a spreadsheet
    /// would run as a formula (=, +, -, @…) neutralised by CsvHelper.
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell ?? "");
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Csv(Sheet sheet) => Csv(sheet.Header, sheet.Rows);

    private string Summary(IReadOnlyList<Sheet> sheets)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Mes données – Passerelle</title></head><body>");
        html.Append("<h1>Vos données personnelles</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Export du {WebUtility.HtmlEncode(French.Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))}. ");
        html.Append("Les mêmes informations sont dans les fichiers CSV (à ouvrir avec un tableur) et dans donnees.json.</p>");
        foreach (var sheet in sheets)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(sheet.Name)}</h2>");
            if (sheet.Rows.Count == 0) { html.Append("<p>Aucune donnée.</p>"); continue; }
            html.Append("<table><thead><tr>");
            foreach (var h in sheet.Header) html.Append(CultureInfo.InvariantCulture, $"<th>{WebUtility.HtmlEncode(h)}</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var row in sheet.Rows)
            {
                html.Append("<tr>");
                foreach (var cell in row) html.Append(CultureInfo.InvariantCulture, $"<td>{WebUtility.HtmlEncode(cell ?? "")}</td>");
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string? Stamp(DateTime? utc) => utc is { } t ? French.DateTimeShort(t) : null;

    private static string? Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", French.Culture);

    private static string SafeName(string name)
    {
        var chars = Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars);
        return safe.Length > 80 ? safe[^80..] : safe.Length == 0 ? "fichier" : safe;
    }
}
