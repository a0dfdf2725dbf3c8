using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace Portal.Exports;

public enum CellKind { Text, Number, Money, Date }

public sealed record ExportColumn(string Key, string Header, CellKind Kind);

/// One table people may export: its columns, and its rows within a staff member's scope and the
/// definition's filters, read as a stream (one row in memory at a time).
public interface IExportTable
{
    string Key { get; }
    string Label { get; }
    /// Which date the period filters on, said on the export page.
    string PeriodMeaning { get; }
    IReadOnlyList<ExportColumn> Columns { get; }
    IEnumerable<object?[]> Rows(PortalDbContext db, StaffScope scope, ExportDefinition definition, IReadOnlyList<ExportColumn> columns);
}

internal sealed class ExportTable<TRow>(string key, string label, string periodMeaning,
    Func<PortalDbContext, StaffScope, ExportDefinition, IQueryable<TRow>> query,
    params (ExportColumn Column, Func<TRow, object?> Value)[] columns) : IExportTable
{
    public string Key => key;
    public string Label => label;
    public string PeriodMeaning => periodMeaning;
    public IReadOnlyList<ExportColumn> Columns { get; } = columns.Select(c => c.Column).ToList();

    public IEnumerable<object?[]> Rows(PortalDbContext db, StaffScope scope, ExportDefinition definition, IReadOnlyList<ExportColumn> chosen)
    {
        var values = chosen.Select(c => columns.First(x => x.Column.Key == c.Key).Value).ToArray();
        // AsEnumerable streams from the data reader: memory stays flat whatever the row count.
        foreach (var row in query(db, scope, definition).AsEnumerable())
        {
            var cells = new object?[values.Length];
            for (var i = 0; i < values.Length; i++) cells[i] = values[i](row);
            yield return cells;
        }
    }
}

/// The tables of /suivi/exports and what each row says.
public static class ExportCatalog
{
    private static ExportColumn Text(string key, string header) => new(key, header, CellKind.Text);
    private static ExportColumn Number(string key, string header) => new(key, header, CellKind.Number);
    private static ExportColumn Money(string key, string header) => new(key, header, CellKind.Money);
    private static ExportColumn Date(string key, string header) => new(key, header, CellKind.Date);

    private static DateOnly? Paris(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(Domain.Formatting.French.ToParis(u)) : null;

    public sealed record HouseholdRow(long Id, string Name, string? Team, string? Referent, HouseholdStatus Status, string? Phone, string? Email,
        string? Address, string? Town, CurrentSituation? Situation, TargetGroups Groups, bool IsDalo, bool IsSingleParent,
        int Persons, decimal Resources, DateTime CreatedAtUtc, DateOnly? ExitedOn);

    public sealed record PersonRow(long HouseholdId, string Household, string FirstName, string LastName, DateOnly? BirthDate, Relationship Relationship);

    public sealed record RequestRow(string? Reference, string Applicant, string? Team, RequestStatus Status, DateTime? SubmittedAtUtc,
        string? Town, CurrentSituation? Situation, TargetGroups Groups, bool IsDalo, int Persons, string? ClosingReason);

    public sealed record MeasureRow(long Id, long HouseholdId, string Household, SupportKind Kind, Funder Funder, DateOnly StartsOn, DateOnly EndsOn,
        int TotalMonths, MeasureStatus Status, DateOnly? EndedOn, MeasureEndReason? EndReason);

    public sealed record ReviewRow(long MeasureId, long HouseholdId, string Household, SupportKind Kind, Funder Funder, int MonthsFromStart,
        DateOnly DueOn, DateOnly HeldOn, ReviewDecision Decision, int? RenewalMonths);

    public sealed record ExitRow(long HouseholdId, string Household, string? Team, DateOnly ExitedOn, ExitDestination Destination, string? Details);

    public sealed record GrantRow(long HouseholdId, string Household, decimal MonthlyAmount, int Months, DateOnly StartMonth, DateOnly? StoppedFrom);

    public sealed record AppointmentRow(DateTime StartUtc, int DurationMinutes, string Worker, string Person, string Place, PlaceKind PlaceKind,
        string Motif, AppointmentStatus Status);

    private static IQueryable<Household> Households(PortalDbContext db, StaffScope scope, ExportDefinition d)
    {
        var query = scope.Visible(db.Households.AsNoTracking());
        if (d.TeamId is { } team) query = query.Where(h => h.TeamId == team);
        if (d.Funder is { } funder) query = query.Where(h => db.SupportMeasures.Any(m => m.HouseholdId == h.Id && m.Funder == funder));
        return query;
    }

    private static DateTime FromUtc(DateOnly d) => ParisTime.BoundaryToUtc(d.ToDateTime(TimeOnly.MinValue));

    public static readonly IReadOnlyList<IExportTable> Tables =
    [
        new ExportTable<HouseholdRow>("menages", "Ménages", "suivis pendant la période (créés avant sa fin, non sortis avant son début)",
            (db, scope, d) =>
            {
                var query = Households(db, scope, d);
                if (d.To is { } to) { var end = FromUtc(to.AddDays(1)); query = query.Where(h => h.CreatedAtUtc < end); }
                if (d.From is { } from) query = query.Where(h => h.ExitedOn == null || h.ExitedOn >= from);
                return query.OrderBy(h => h.Id).Select(h => new HouseholdRow(h.Id, h.Name, db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(),
                    db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault(), h.Status, h.Phone, h.Email, h.Address, h.Town, h.Situation, h.TargetGroups,
                    h.IsDalo, h.IsSingleParent, h.Persons.Count, h.Incomes.Sum(i => (decimal?)i.MonthlyAmount) ?? 0, h.CreatedAtUtc, h.ExitedOn));
            },
            (Number("numero", "N° de dossier"), r => r.Id),
            (Text("nom", "Ménage"), r => r.Name),
            (Text("equipe", "Équipe"), r => r.Team),
            (Text("referent", "Référent"), r => r.Referent),
            (Text("statut", "Statut"), r => r.Status.Label()),
            (Text("telephone", "Téléphone"), r => r.Phone),
            (Text("courriel", "Courriel"), r => r.Email),
            (Text("adresse", "Adresse"), r => r.Address),
            (Text("commune", "Commune"), r => r.Town),
            (Text("situation", "Situation à l'entrée"), r => r.Situation is { } s ? Labels.Of(s) : null),
            (Text("publics", "Publics cibles"), r => string.Join(", ", Labels.Flags(r.Groups).Select(Labels.Of))),
            (Text("dalo", "DALO"), r => r.IsDalo ? "oui" : "non"),
            (Text("monoparental", "Famille monoparentale"), r => r.IsSingleParent ? "oui" : "non"),
            (Number("personnes", "Personnes"), r => r.Persons),
            (Money("ressources", "Ressources mensuelles"), r => r.Resources),
            (Date("cree", "Dossier ouvert le"), r => Paris(r.CreatedAtUtc)),
            (Date("sortie", "Sorti le"), r => r.ExitedOn)),

        new ExportTable<PersonRow>("personnes", "Personnes", "des ménages suivis pendant la période",
            (db, scope, d) =>
            {
                var households = Households(db, scope, d);
                if (d.To is { } to) { var end = FromUtc(to.AddDays(1)); households = households.Where(h => h.CreatedAtUtc < end); }
                if (d.From is { } from) households = households.Where(h => h.ExitedOn == null || h.ExitedOn >= from);
                return households.SelectMany(h => h.Persons, (h, p) => new { h, p }).OrderBy(x => x.h.Id).ThenBy(x => x.p.Position).ThenBy(x => x.p.Id)
                    .Select(x => new PersonRow(x.h.Id, x.h.Name, x.p.FirstName, x.p.LastName, x.p.BirthDate, x.p.Relationship));
            },
            (Number("dossier", "N° de dossier"), r => r.HouseholdId),
            (Text("menage", "Ménage"), r => r.Household),
            (Text("prenom", "Prénom"), r => r.FirstName),
            (Text("nom", "Nom"), r => r.LastName),
            (Date("naissance", "Date de naissance"), r => r.BirthDate),
            (Text("lien", "Lien avec le demandeur"), r => Labels.Of(r.Relationship))),

        new ExportTable<RequestRow>("demandes", "Demandes de logement", "envoyées pendant la période",
            (db, scope, d) =>
            {
                var query = scope.Visible(db.HousingRequests.AsNoTracking());
                if (d.TeamId is { } team) query = query.Where(r => r.TeamId == team);
                if (d.From is { } from) { var start = FromUtc(from); query = query.Where(r => r.SubmittedAtUtc >= start); }
                if (d.To is { } to) { var end = FromUtc(to.AddDays(1)); query = query.Where(r => r.SubmittedAtUtc < end); }
                return from r in query
                       from t in db.Teams.Where(t => t.Id == r.TeamId).DefaultIfEmpty()
                       orderby r.Id
                       select new RequestRow(r.Reference, r.ApplicantName, t != null ? t.Name : null, r.Status,
                           r.SubmittedAtUtc, r.CurrentTown, r.Situation, r.TargetGroups, r.IsDalo, r.Members.Count, r.ClosingReason);
            },
            (Text("reference", "Référence"), r => r.Reference),
            (Text("demandeur", "Demandeur"), r => r.Applicant),
            (Text("equipe", "Équipe"), r => r.Team),
            (Text("statut", "Statut"), r => r.Status.Label()),
            (Date("envoyee", "Envoyée le"), r => Paris(r.SubmittedAtUtc)),
            (Text("commune", "Commune actuelle"), r => r.Town),
            (Text("situation", "Situation"), r => r.Situation is { } s ? Labels.Of(s) : null),
            (Text("publics", "Publics cibles"), r => string.Join(", ", Labels.Flags(r.Groups).Select(Labels.Of))),
            (Text("dalo", "DALO"), r => r.IsDalo ? "oui" : "non"),
            (Number("personnes", "Personnes"), r => r.Persons),
            (Text("motif", "Motif de clôture"), r => r.ClosingReason)),

        new ExportTable<MeasureRow>("mesures", "Mesures d'accompagnement", "en cours pendant la période",
            (db, scope, d) =>
            {
                var ids = Households(db, scope, d).Select(h => h.Id);
                var query = db.SupportMeasures.AsNoTracking().Where(m => ids.Contains(m.HouseholdId));
                if (d.Funder is { } funder) query = query.Where(m => m.Funder == funder);
                if (d.From is { } from) query = query.Where(m => m.EndedOn == null || m.EndedOn >= from);
                if (d.To is { } to) query = query.Where(m => m.StartsOn <= to);
                return query.OrderBy(m => m.Id).Join(db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new MeasureRow(m.Id, h.Id, h.Name, m.Kind, m.Funder,
                    m.StartsOn, m.EndsOn, m.TotalMonths, m.Status, m.EndedOn, m.EndReason));
            },
            (Number("dossier", "N° de dossier"), r => r.HouseholdId),
            (Text("menage", "Ménage"), r => r.Household),
            (Text("type", "Type de mesure"), r => r.Kind.Label()),
            (Text("financeur", "Financeur"), r => r.Funder.Label()),
            (Date("debut", "Début"), r => r.StartsOn),
            (Date("fin", "Fin prévue"), r => r.EndsOn.AddDays(-1)),
            (Number("duree", "Durée accordée (mois)"), r => r.TotalMonths),
            (Text("statut", "Statut"), r => r.Status == MeasureStatus.Active ? "En cours" : "Terminée"),
            (Date("terminee", "Terminée le"), r => r.EndedOn),
            (Text("motif", "Motif de fin"), r => r.EndReason switch
            {
                MeasureEndReason.Completed => "Terme de la mesure",
                MeasureEndReason.Exit => "Sortie du ménage",
                MeasureEndReason.LeaseSlid => "Glissement du bail",
                _ => null,
            })),

        new ExportTable<ReviewRow>("bilans", "Bilans de mesure", "tenus pendant la période",
            (db, scope, d) =>
            {
                var ids = Households(db, scope, d).Select(h => h.Id);
                var measures = db.SupportMeasures.AsNoTracking().Where(m => ids.Contains(m.HouseholdId));
                if (d.Funder is { } funder) measures = measures.Where(m => m.Funder == funder);
                var reviews = measures.SelectMany(m => m.RecordedReviews, (m, r) => new { m, r });
                if (d.From is { } from) reviews = reviews.Where(x => x.r.HeldOn >= from);
                if (d.To is { } to) reviews = reviews.Where(x => x.r.HeldOn <= to);
                return reviews.OrderBy(x => x.m.Id).ThenBy(x => x.r.MonthsFromStart)
                    .Join(db.Households, x => x.m.HouseholdId, h => h.Id, (x, h) => new ReviewRow(x.m.Id, h.Id, h.Name, x.m.Kind, x.m.Funder,
                        x.r.MonthsFromStart, x.r.DueOn, x.r.HeldOn, x.r.Decision, x.r.RenewalMonths));
            },
            (Number("dossier", "N° de dossier"), r => r.HouseholdId),
            (Text("menage", "Ménage"), r => r.Household),
            (Text("type", "Type de mesure"), r => r.Kind.Label()),
            (Text("financeur", "Financeur"), r => r.Funder.Label()),
            (Number("echeance", "Échéance (mois)"), r => r.MonthsFromStart),
            (Date("prevu", "Prévu le"), r => r.DueOn),
            (Date("tenu", "Tenu le"), r => r.HeldOn),
            (Text("delai", "Dans les temps"), r => r.HeldOn <= r.DueOn ? "oui" : "non"),
            (Text("decision", "Décision"), r => r.Decision.Label()),
            (Number("renouvellement", "Renouvellement (mois)"), r => r.RenewalMonths)),

        new ExportTable<ExitRow>("sorties", "Sorties", "sorties pendant la période",
            (db, scope, d) =>
            {
                var households = Households(db, scope, d);
                var query = db.Exits.AsNoTracking().Join(households, e => e.HouseholdId, h => h.Id, (e, h) => new { e, h });
                if (d.From is { } from) query = query.Where(x => x.e.ExitedOn >= from);
                if (d.To is { } to) query = query.Where(x => x.e.ExitedOn <= to);
                return query.OrderBy(x => x.e.ExitedOn).ThenBy(x => x.e.Id)
                    .Select(x => new ExitRow(x.h.Id, x.h.Name, db.Teams.Where(t => t.Id == x.h.TeamId).Select(t => t.Name).FirstOrDefault(), x.e.ExitedOn, x.e.Destination, x.e.Details));
            },
            (Number("dossier", "N° de dossier"), r => r.HouseholdId),
            (Text("menage", "Ménage"), r => r.Household),
            (Text("equipe", "Équipe"), r => r.Team),
            (Date("date", "Sorti le"), r => r.ExitedOn),
            (Text("destination", "Destination"), r => r.Destination.Label()),
            (Text("logement", "Relogé en logement ordinaire"), r => Statistics.StatisticsService.OrdinaryHousing.Contains(r.Destination) ? "oui" : "non"),
            (Text("precisions", "Précisions"), r => r.Details)),

        new ExportTable<GrantRow>("aides", "Aides du fonds", "versées pour un mois de la période",
            (db, scope, d) =>
            {
                var households = Households(db, scope, d);
                var query = db.AidGrants.AsNoTracking().Join(households, g => g.HouseholdId, h => h.Id, (g, h) => new { g, h });
                if (d.To is { } to) query = query.Where(x => x.g.StartMonth <= to);
                if (d.From is { } from) { var earliest = new DateOnly(from.Year, from.Month, 1).AddMonths(-AidGrant.MaxMonths); query = query.Where(x => x.g.StartMonth > earliest); }
                return query.OrderBy(x => x.g.StartMonth).ThenBy(x => x.g.Id)
                    .Select(x => new GrantRow(x.h.Id, x.h.Name, x.g.MonthlyAmount, x.g.Months, x.g.StartMonth, x.g.StoppedFrom));
            },
            (Number("dossier", "N° de dossier"), r => r.HouseholdId),
            (Text("menage", "Ménage"), r => r.Household),
            (Money("mensuel", "Montant mensuel"), r => r.MonthlyAmount),
            (Number("mois", "Nombre de mois"), r => r.Months),
            (Date("debut", "Premier mois"), r => r.StartMonth),
            (Date("arret", "Arrêtée à partir de"), r => r.StoppedFrom),
            (Money("total", "Total accordé"), r => r.MonthlyAmount * Enumerable.Range(0, r.Months).Count(i => r.StoppedFrom is null || r.StartMonth.AddMonths(i) < r.StoppedFrom))),

        new ExportTable<AppointmentRow>("rendez-vous", "Rendez-vous", "ayant lieu pendant la période",
            (db, scope, d) =>
            {
                var query = db.Appointments.AsNoTracking();
                if (!scope.IsManager) query = query.Where(a => a.WorkerId == scope.UserId || (scope.TeamId != null && db.Users.Any(u => u.Id == a.WorkerId && u.TeamId == scope.TeamId)));
                if (d.TeamId is { } team) query = query.Where(a => db.Users.Any(u => u.Id == a.WorkerId && u.TeamId == team));
                if (d.From is { } from) { var start = FromUtc(from); query = query.Where(a => a.StartUtc >= start); }
                if (d.To is { } to) { var end = FromUtc(to.AddDays(1)); query = query.Where(a => a.StartUtc < end); }
                return from a in query
                       join worker in db.Users on a.WorkerId equals worker.Id
                       join person in db.Users on a.PersonId equals person.Id
                       join place in db.Places on a.PlaceId equals place.Id
                       join motif in db.AppointmentMotifs on a.MotifId equals motif.Id
                       orderby a.StartUtc, a.Id
                       select new AppointmentRow(a.StartUtc, a.DurationMinutes, worker.FullName, person.FullName, place.Name, place.Kind, motif.Name, a.Status);
            },
            (Date("date", "Date"), r => Paris(r.StartUtc)),
            (Text("heure", "Heure"), r => Domain.Formatting.French.ToParis(r.StartUtc).ToString("HH:mm", Domain.Formatting.French.Culture)),
            (Number("duree", "Durée (min)"), r => r.DurationMinutes),
            (Text("travailleur", "Travailleur social"), r => r.Worker),
            (Text("personne", "Personne"), r => r.Person),
            (Text("lieu", "Lieu"), r => r.Place),
            (Text("domicile", "Visite à domicile"), r => r.PlaceKind == PlaceKind.HomeVisit ? "oui" : "non"),
            (Text("motif", "Motif"), r => r.Motif),
            (Text("statut", "Statut"), r => r.Status.Label())),
    ];

    public static IExportTable? Find(string? key) => Tables.FirstOrDefault(t => t.Key == key);

    /// The definition's columns that the table knows, in the definition's order (all of them when none).
    public static IReadOnlyList<ExportColumn> Chosen(IExportTable table, string? columns)
    {
        var keys = (columns ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = keys.Distinct().Select(k => table.Columns.FirstOrDefault(c => c.Key == k)).OfType<ExportColumn>().ToList();
        return chosen.Count == 0 ? table.Columns : chosen;
    }
}
