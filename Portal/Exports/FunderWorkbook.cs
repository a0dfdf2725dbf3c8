using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Statistics;

namespace Portal.Exports;

/// The figures of the yearly activity report and of the IML fiche-bilan for any period, as the
/// funders' workbook: one sheet per table (subject « workbook:{from}:{to}:funder:{n|all} »).
public sealed class FunderWorkbook(PortalDbContext db, TimeProvider clock, PublicLinks links) : IFileMaker
{
    public const string KindName = "FunderWorkbook";

    public string Kind => KindName;

    public EmailContent? ReadyEmail(DocumentRequest request, string? recipientName) =>
        RequesterScope.ReadyEmail(recipientName, request.Title, links.Absolute("/suivi/exports"));

    public static string Title(DateOnly first, DateOnly last, Funder? funder) =>
        $"Tableaux pour le financeur — {DocumentSources.FunderName(funder)} — du {French.Date(first)} au {French.Date(last)}";

    private static readonly ExportColumn[] Counts = [new("libelle", "Catégorie", CellKind.Text), new("nombre", "Ménages", CellKind.Number)];

    public async Task<RenderedFile> RenderAsync(DocumentRequest request, CancellationToken ct)
    {
        if (DocumentSubject.Parse(KindName, request.SubjectKey) is not WorkbookSubject s)
            throw new InvalidOperationException($"Subject « {request.SubjectKey} » is no workbook");
        var today = DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));
        var a = await ActivityFigures.ComputeAsync(db, s.First, s.Last, today, s.Funder, null, null, null, ct);
        var iml = await ImlAsync(s, today, ct);

        IEnumerable<object?[]> Lines(IEnumerable<CountLine> lines) => lines.Select(l => new object?[] { l.Label, l.Count });
        var sheets = new List<Sheet>
        {
            new("Synthèse", [new("indicateur", "Indicateur", CellKind.Text), new("valeur", "Valeur", CellKind.Text)],
            [
                ["Période", $"du {French.Date(s.First)} au {French.Date(s.Last)}"],
                ["Financeur", DocumentSources.FunderName(s.Funder)],
                ["Ménages suivis", a.HouseholdsFollowed],
                ["Personnes suivies", a.PersonsFollowed],
                ["Ménages entrés", a.Entries],
                ["Ménages sortis", a.Exits],
                ["Durée moyenne d'accompagnement (mois)", Math.Round(a.AverageMonths, 1)],
                ["Ménages-mois d'accompagnement", a.HouseholdMonths],
                ["Coût réalisé", a.Costs.Sum(c => c.Amount)],
                ["Budget", a.Costs.Sum(c => c.Budget)],
                ["Écart (réalisé − budget)", a.Costs.Sum(c => c.Gap)],
                ["Édité le", today],
            ]),
            new("Mesures", Counts, Lines(a.Measures)),
            new("Situations à l'entrée", Counts, Lines(a.Profiles)),
            new("Publics cibles", Counts, Lines(a.TargetGroups)),
            new("Ressources", Counts, Lines(a.ResourceBands)),
            new("Sorties", Counts, Lines(a.ExitDestinations)),
            new("Coûts", [new("poste", "Poste", CellKind.Text), new("unitaire", "Coût unitaire", CellKind.Money), new("quantite", "Quantité", CellKind.Text),
                new("realise", "Réalisé", CellKind.Money), new("budget", "Budget", CellKind.Money), new("ecart", "Écart", CellKind.Money)],
                a.Costs.Select(c => new object?[] { c.Item, c.UnitCost, c.Quantity, c.Amount, c.Budget, c.Gap })),
            new("IML fiches-bilan", [
                new("menage", "Ménage", CellKind.Text), new("type", "Type de mesure", CellKind.Text), new("financeur", "Financeur", CellKind.Text),
                new("debut", "Début", CellKind.Date), new("fin", "Fin prévue", CellKind.Date), new("bailleur", "Bailleur", CellKind.Text),
                new("loyer", "Loyer mensuel", CellKind.Money), new("charges", "Charges mensuelles", CellKind.Money),
                new("appele", "Appelé sur la période", CellKind.Money), new("paye", "Payé sur la période", CellKind.Money),
                new("impaye", "Impayé en fin de période", CellKind.Money), new("bilan", "Dernier bilan", CellKind.Date), new("decision", "Décision", CellKind.Text)],
                iml),
        };
        using var buffer = new MemoryStream();
        SpreadsheetWriter.WriteXlsx(buffer, sheets);
        var name = $"tableaux-financeur-{s.First.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{s.Last.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{request.Id}.xlsx";
        return new RenderedFile(name, SpreadsheetWriter.XlsxContentType, buffer.ToArray());
    }

    /// The IML and sliding-lease measures running in the period, with the rent figures their
    /// fiche-bilan gives the State.
    private async Task<List<object?[]>> ImlAsync(WorkbookSubject s, DateOnly today, CancellationToken ct)
    {
        var (first, last) = (s.First, s.Last);
        var query = db.SupportMeasures.AsNoTracking().Include(m => m.RecordedReviews)
            .Where(m => (m.Kind == SupportKind.Iml || m.Kind == SupportKind.SlidingLease) && m.StartsOn <= last && (m.EndedOn == null || m.EndedOn >= first));
        if (s.Funder is { } f) query = query.Where(m => m.Funder == f);
        var measures = await query.OrderBy(m => m.StartsOn).ThenBy(m => m.Id).ToListAsync(ct);
        var householdIds = measures.Select(m => m.HouseholdId).Distinct().ToList();
        var names = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var leases = await db.SlidingLeases.AsNoTracking().Include(l => l.Payments).Where(l => householdIds.Contains(l.HouseholdId)).ToListAsync(ct);
        var end = last < today ? last : today;
        var firstMonth = new DateOnly(first.Year, first.Month, 1);
        return measures.Select(m =>
        {
            var lease = leases.Where(l => l.SupportMeasureId == m.Id).OrderByDescending(l => l.StartsOn).FirstOrDefault()
                ?? leases.Where(l => l.HouseholdId == m.HouseholdId).OrderByDescending(l => l.StartsOn).FirstOrDefault();
            var months = lease?.Statement(end).Where(x => x.Month >= firstMonth && x.Month <= last).ToList() ?? [];
            var review = m.RecordedReviews.Where(r => r.HeldOn <= last).OrderByDescending(r => r.HeldOn).FirstOrDefault();
            return new object?[]
            {
                names.GetValueOrDefault(m.HouseholdId, ""), m.Kind.Label(), m.Funder.Label(), m.StartsOn, m.EndsOn.AddDays(-1),
                lease?.Landlord, lease?.Rent, lease?.Charges, months.Sum(x => x.Called), months.Sum(x => x.Paid),
                lease?.ArrearsOn(end) ?? 0m, review?.HeldOn, review?.Decision.Label(),
            };
        }).ToList();
    }
}
