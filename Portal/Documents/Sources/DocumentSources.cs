using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Templates;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Support;
using Member = Portal.Documents.Templates.HouseholdMember;

namespace Portal.Documents.Sources;

/// What the screens need to know about a subject before asking for a document: the household it
/// is about (null for a session or a year) and the title of the request.
public sealed record SubjectInfo(DocumentSubject Subject, long? HouseholdId, string Title);

/// Reads the database into the models of the six documents.
public sealed class DocumentSources(PortalDbContext db, TimeProvider clock, IConfiguration config)
{
    public Letterhead Association => new(
        config["Documents:AssociationName"] is { Length: > 0 } name ? name : Letterhead.Sample.Name,
        config["Documents:AssociationAddress"] is { Length: > 0 } address ? address : Letterhead.Sample.Address,
        logo);

    // Read once per document, before the models are built (see ModelAsync, ActivityAsync).
    private byte[]? logo;
    private async Task LoadLogoAsync(CancellationToken ct) => logo ??= await AssociationLogo.ActiveAsync(db, ct);

    private string Town => config["Documents:Town"] is { Length: > 0 } town ? town : "Valenciennes";

    private DateOnly Today => DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));

    /// Null when the key does not fit the kind or names nothing in the database.
    public async Task<SubjectInfo?> DescribeAsync(string? kind, string? key, CancellationToken ct = default)
    {
        var title = TemplateKinds.ByKind(kind)?.Title;
        if (title is null) return null;
        switch (DocumentSubject.Parse(kind, key))
        {
            case MeasureSubject s:
            {
                var m = await db.SupportMeasures.AsNoTracking().Where(x => x.Id == s.MeasureId)
                    .Select(x => new { x.HouseholdId }).SingleOrDefaultAsync(ct);
                if (m is null) return null;
                return new SubjectInfo(s, m.HouseholdId, $"{title} — {await HouseholdNameAsync(m.HouseholdId, ct)}");
            }
            case ReviewSubject s:
            {
                var measure = await db.SupportMeasures.AsNoTracking().Include(x => x.RecordedReviews).SingleOrDefaultAsync(x => x.Id == s.MeasureId, ct);
                if (measure is null) return null;
                var review = measure.Reviews(Today).FirstOrDefault(r => r.MonthsFromStart == s.MonthsFromStart);
                if (review is null) return null;
                return new SubjectInfo(s, measure.HouseholdId, $"{title} — {review.Label} — {await HouseholdNameAsync(measure.HouseholdId, ct)}");
            }
            case SessionSubject s:
            {
                var session = await db.CommitteeSessions.AsNoTracking().Where(x => x.Id == s.SessionId)
                    .Select(x => new { x.HeldOn, x.CommitteeId }).SingleOrDefaultAsync(ct);
                if (session is null) return null;
                var committee = await db.Committees.AsNoTracking().Where(c => c.Id == session.CommitteeId).Select(c => c.Name).SingleOrDefaultAsync(ct);
                return new SubjectInfo(s, null, $"{title} — {committee} du {French.Date(session.HeldOn)}");
            }
            case YearSubject s:
                return new SubjectInfo(s, null, $"{title} {s.Year} — {FunderName(s.Funder)}");
            default:
                return null;
        }
    }

    /// The model to fill the template with; throws when the subject is gone.
    public async Task<TemplateModel> ModelAsync(string kind, string? key, CancellationToken ct = default)
    {
        await LoadLogoAsync(ct);
        var subject = DocumentSubject.Parse(kind, key) ?? throw new InvalidOperationException($"Subject « {key} » does not fit {kind}");
        return (kind, subject) switch
        {
            (ContratTripartite.Kind, MeasureSubject s) => ContratTripartite.Model(await TripartiteAsync(s.MeasureId, ct)),
            (ContratAccompagnement.Kind, MeasureSubject s) => ContratAccompagnement.Model(await SupportContractAsync(s.MeasureId, ct)),
            (BilanMesure.Kind, ReviewSubject s) => BilanMesure.Model(await ReviewAsync(s, ct)),
            (FicheBilanEtat.Kind, ReviewSubject s) => FicheBilanEtat.Model(await StateSheetAsync(s, ct)),
            (ProcesVerbal.Kind, SessionSubject s) => ProcesVerbal.Model(await MinutesAsync(s.SessionId, ct)),
            (BilanActivite.Kind, YearSubject s) => BilanActivite.Model(await ActivityAsync(s.Year, s.Funder, ct)),
            _ => throw new InvalidOperationException($"Unknown document kind {kind}"),
        };
    }

    public static string FunderName(Funder? funder) => funder is { } f ? f.Label() : "Tous financeurs";

    // ---- households -------------------------------------------------------------------------

    /// ReferencePerson: « Madame Fatou KONATE », the name alone when the civility is not recorded.
    private sealed record HouseholdFacts(Household Household, IReadOnlyList<Member> Members, string Referent, string Address, string ReferencePerson);

    private async Task<string> HouseholdNameAsync(long id, CancellationToken ct) =>
        await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => h.Name).SingleOrDefaultAsync(ct) ?? "";

    private async Task<HouseholdFacts> HouseholdAsync(long id, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking()
            .Include(h => h.Persons).Include(h => h.Incomes).ThenInclude(i => i.Person)
            .AsSplitQuery()
            .SingleAsync(h => h.Id == id, ct);
        var referent = household.ReferentId is null ? "" :
            await db.Users.AsNoTracking().Where(u => u.Id == household.ReferentId).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "";
        var persons = household.Persons.OrderBy(p => p.Position).ThenBy(p => p.Id).ToList();
        var members = persons
            .Select(p => new Member(p.FirstName, p.LastName, p.Relationship == Relationship.Applicant ? "personne de référence" : Lower(Labels.Of(p.Relationship)), p.BirthDate)).ToList();
        var reference = persons.FirstOrDefault(p => p.Relationship == Relationship.Applicant) ?? persons.FirstOrDefault();
        var referencePerson = reference is null ? household.Name : PersonNames.Formal(reference.Civility, reference.FirstName, reference.LastName);
        return new HouseholdFacts(household, members, referent, await AddressAsync(household, ct), referencePerson);
    }

    /// Where the household lives: the dwelling of its stay or its sliding lease, else its own address.
    private async Task<string> AddressAsync(Household household, CancellationToken ct)
    {
        var dwellingId = await db.Stays.AsNoTracking().Where(s => s.HouseholdId == household.Id)
            .OrderBy(s => s.Status).ThenByDescending(s => s.StartsOn).Select(s => (long?)s.DwellingId).FirstOrDefaultAsync(ct)
            ?? await db.SlidingLeases.AsNoTracking().Where(l => l.HouseholdId == household.Id && l.DwellingId != null)
                .OrderByDescending(l => l.StartsOn).Select(l => l.DwellingId).FirstOrDefaultAsync(ct);
        if (dwellingId is { } did)
        {
            var dwelling = await db.Dwellings.AsNoTracking().SingleOrDefaultAsync(d => d.Id == did, ct);
            if (dwelling is not null)
            {
                var residence = await db.Residences.AsNoTracking().SingleOrDefaultAsync(r => r.Id == dwelling.ResidenceId, ct);
                var street = dwelling.Address ?? string.Join(", ", new[] { residence?.Address, residence?.Town }.Where(s => !string.IsNullOrWhiteSpace(s)));
                return string.Join(", ", new[] { residence?.Name, $"logement {dwelling.Label}", street }.Where(s => !string.IsNullOrWhiteSpace(s)));
            }
        }
        return string.Join(", ", new[] { household.Address, household.Town }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// "KONATÉ Fatou (DL-2026-000033)": the household's name and, when it applied online, its request's reference.
    private static string Named(string name, string? reference) =>
        string.IsNullOrWhiteSpace(reference) ? name : string.IsNullOrWhiteSpace(name) ? reference : $"{name} ({reference})";

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLower(s[0], French.Culture) + s[1..];

    private static DateOnly LastDay(SupportMeasure m) => m.EndsOn.AddDays(-1);

    private static List<PlanAxis> Axes(SupportMeasure m) => m.Axes.OrderBy(a => a.Area).Select(a => new PlanAxis(
        a.Area.Label(), a.Objective, a.Actions, a.Status.Label(),
        string.Join("\n", a.Notes.OrderBy(n => n.WrittenOn).Select(n => $"{French.Date(n.WrittenOn)} : {n.Text}")))).ToList();

    private async Task<SupportMeasure> MeasureAsync(long id, CancellationToken ct) =>
        await db.SupportMeasures.AsNoTracking()
            .Include(m => m.Axes).ThenInclude(a => a.Notes)
            .Include(m => m.RecordedReviews)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new InvalidOperationException($"Support measure {id} not found");

    // ---- the six documents ------------------------------------------------------------------

    public const string HouseholdCommitments =
        "Payer le loyer et les charges chaque mois.\nParticiper aux rendez-vous fixés avec le référent et prévenir en cas d'empêchement.\nEntretenir le logement et respecter le voisinage.";
    public const string AssociationCommitments =
        "Recevoir le ménage au moins une fois par mois et se rendre à domicile si besoin.\nAccompagner les démarches prévues au plan d'action.\nFaire le bilan de la mesure à chaque échéance et à son terme.";
    public const string FunderCommitments =
        "Financer la mesure pendant toute sa durée.\nÉtudier le renouvellement au vu du bilan.";

    private async Task<TripartiteContract> TripartiteAsync(long measureId, CancellationToken ct)
    {
        var m = await MeasureAsync(measureId, ct);
        var h = await HouseholdAsync(m.HouseholdId, ct);
        var lease = await db.SlidingLeases.AsNoTracking()
            .Where(l => l.SupportMeasureId == m.Id || (l.HouseholdId == m.HouseholdId && l.Status == LeaseStatus.Sublet))
            .OrderByDescending(l => l.SupportMeasureId == m.Id).ThenByDescending(l => l.StartsOn)
            .Select(l => new { l.Landlord }).FirstOrDefaultAsync(ct);
        var end = LastDay(m);
        return new TripartiteContract(
            Association.Name, Association.Address, logo, h.Referent, h.Household.Name, h.Address, h.Members,
            m.Funder.Label(), m.Kind.Label(), m.StartsOn, end,
            decimal.Round(ActivityCosts.YearlySupport / 12m, 2),
            Axes(m).Select(a => new Templates.ActionAxis(a.Title, a.Objective,
                a.Actions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(x => new PlannedAction(x, $"avant le {French.Date(end)}")).ToList())).ToList(),
            HouseholdCommitments, AssociationCommitments, FunderCommitments,
            lease is not null, lease?.Landlord, Town, Today)
        {
            ReferencePerson = h.ReferencePerson,
        };
    }

    private async Task<SupportContract> SupportContractAsync(long measureId, CancellationToken ct)
    {
        var m = await MeasureAsync(measureId, ct);
        var h = await HouseholdAsync(m.HouseholdId, ct);
        return new SupportContract(
            Association, h.Referent, h.Household.Name, h.Address, h.Members,
            m.Kind.Label(), m.Funder.Label(), m.StartsOn, LastDay(m), m.TotalMonths, Axes(m),
            m.Reviews(Today).Select(r => new ScheduledMeeting(r.Label, r.DueOn)).ToList(),
            "au moins une fois par mois",
            ContratAccompagnement.DefaultPersonCommitments, ContratAccompagnement.DefaultAssociationCommitments,
            Town, Today)
        {
            ReferencePerson = h.ReferencePerson,
        };
    }

    private async Task<(SupportMeasure Measure, ScheduledReview Planned, Review? Held)> ReviewOfAsync(ReviewSubject s, CancellationToken ct)
    {
        var m = await MeasureAsync(s.MeasureId, ct);
        var planned = m.Reviews(Today).FirstOrDefault(r => r.MonthsFromStart == s.MonthsFromStart)
            ?? throw new InvalidOperationException($"No review at {s.MonthsFromStart} months for measure {s.MeasureId}");
        return (m, planned, m.RecordedReviews.FirstOrDefault(r => r.MonthsFromStart == s.MonthsFromStart));
    }

    private static (string Label, string Detail) DecisionOf(Review? held) => held switch
    {
        null => ("À décider lors du bilan", ""),
        { Decision: ReviewDecision.Renew, RenewalMonths: { } months } => (held.Decision.Label(), $"Renouvellement de {months} mois."),
        _ => (held.Decision.Label(), ""),
    };

    private async Task<MeasureReview> ReviewAsync(ReviewSubject s, CancellationToken ct)
    {
        var (m, planned, held) = await ReviewOfAsync(s, ct);
        var h = await HouseholdAsync(m.HouseholdId, ct);
        var situation = string.Join("\n", new[]
        {
            h.Household.Situation is { } sit ? Labels.Of(sit) + "." : null,
            h.Household.SituationDetails,
        }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var incomes = h.Household.Incomes.OrderBy(i => i.Kind)
            .Select(i => new IncomeRow(Labels.Of(i.Kind), i.Person?.FullName ?? "", i.MonthlyAmount)).ToList();
        var (decision, detail) = DecisionOf(held);
        return new MeasureReview(
            Association, h.Referent, h.Household.Name, h.Members, h.Address,
            m.Kind.Label(), m.Funder.Label(), m.StartsOn, LastDay(m),
            planned.Label, planned.DueOn, held?.HeldOn,
            situation, incomes, Axes(m), held?.Summary ?? "", decision, detail);
    }

    private async Task<StateReviewSheet> StateSheetAsync(ReviewSubject s, CancellationToken ct)
    {
        var (m, planned, held) = await ReviewOfAsync(s, ct);
        var h = await HouseholdAsync(m.HouseholdId, ct);
        var lease = await db.SlidingLeases.AsNoTracking().Include(l => l.Payments)
            .Where(l => l.SupportMeasureId == m.Id || l.HouseholdId == m.HouseholdId)
            .OrderByDescending(l => l.SupportMeasureId == m.Id).ThenByDescending(l => l.StartsOn)
            .FirstOrDefaultAsync(ct);
        var on = held?.HeldOn ?? (planned.DueOn < Today ? planned.DueOn : Today);
        var statement = lease?.Statement(on)
            .Select(l => new RentMonth(l.Month.ToString("MMMM yyyy", French.Culture), l.Called, l.Paid, l.BalanceAtEnd)).ToList() ?? [];
        var (decision, _) = DecisionOf(held);
        return new StateReviewSheet(
            Association, h.Referent, h.Household.Name, h.Members, h.Address, lease?.Landlord ?? "",
            m.Kind.Label(), m.Funder.Label(), m.StartsOn, LastDay(m),
            s.MonthsFromStart, on, lease?.Rent ?? 0, lease?.Charges ?? 0, statement, lease?.ArrearsOn(on) ?? 0,
            decision, held?.Decision == ReviewDecision.SlideLease, held?.Summary ?? "")
        {
            ReferencePerson = h.ReferencePerson,
        };
    }

    private async Task<SessionMinutes> MinutesAsync(long sessionId, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == sessionId, ct)
            ?? throw new InvalidOperationException($"Session {sessionId} not found");
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == session.CommitteeId, ct);
        var present = await db.CommitteeAttendances.AsNoTracking().Where(a => a.CommitteeSessionId == sessionId)
            .Select(a => a.Member!).OrderBy(m => m.Name).ToListAsync(ct);
        var householdIds = session.Items.Where(i => i.Subject == AgendaSubject.Household).Select(i => i.SubjectId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Name, Reference = db.HousingRequests.Where(r => r.Id == h.HousingRequestId).Select(r => r.Reference).FirstOrDefault() })
            .ToDictionaryAsync(h => h.Id, h => Named(h.Name, h.Reference), ct);
        var requestIds = session.Items.Where(i => i.Subject == AgendaSubject.Request).Select(i => i.SubjectId).ToList();
        var requests = await db.HousingRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Select(r => new { r.Id, r.ApplicantName, r.Reference, Applicant = r.Members.Where(m => m.Relationship == Relationship.Applicant).Select(m => new { m.FirstName, m.LastName }).FirstOrDefault() })
            .ToDictionaryAsync(r => r.Id, r => Named(r.Applicant is { } a ? French.PersonName(a.LastName, a.FirstName) : r.ApplicantName, r.Reference), ct);
        var presenterIds = session.Items.Select(i => i.PresentedById).Distinct().ToList();
        var presenters = await db.Users.AsNoTracking().Where(u => presenterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var dwellingIds = session.Items.Select(i => i.Decision?.DwellingId).OfType<long>().ToList();
        var dwellings = await db.Dwellings.AsNoTracking().Where(d => dwellingIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Label, ct);

        string Detail(Decision? d) => d switch
        {
            null => "En attente de décision",
            { Kind: DecisionKind.Allocation } => $"Logement {(d.DwellingId is { } id && dwellings.TryGetValue(id, out var label) ? label : "")}, entrée le {(d.EntryOn is { } e ? French.Date(e) : "")} pour {d.Months} mois",
            { Kind: DecisionKind.SupportOpened } => $"{d.SupportKind?.Label()}, {d.Months} mois",
            { Kind: DecisionKind.AidGranted } => $"{French.Money(d.MonthlyAmount ?? 0)} par mois pendant {d.Months} mois à partir de {d.StartMonth?.ToString("MMMM yyyy", French.Culture)}",
            _ => d.Reason ?? "",
        };
        var chair = present.FirstOrDefault(p => p.Role?.Contains("résid", StringComparison.OrdinalIgnoreCase) == true) ?? present.FirstOrDefault();
        return new SessionMinutes(
            Association, committee.Name, committee.Kind.Label(), session.HeldOn, session.Status.Label(),
            present.Select(p => new SessionMember(p.Name, p.Organisation ?? "", p.Role ?? "")).ToList(),
            session.Items.OrderBy(i => i.Position).Select(i => new SessionDecision(
                i.Position,
                i.Subject == AgendaSubject.Household ? households.GetValueOrDefault(i.SubjectId, "Ménage")
                    : requests.GetValueOrDefault(i.SubjectId, "Demande"),
                presenters.GetValueOrDefault(i.PresentedById, ""),
                i.Decision?.Kind.Label() ?? "—",
                Detail(i.Decision))).ToList(),
            chair?.Name ?? "",
            session.HeldOn);
    }

    public async Task<ActivityReport> ActivityAsync(int year, Funder? funder, CancellationToken ct = default)
    {
        await LoadLogoAsync(ct);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var a = await Statistics.ActivityFigures.ComputeAsync(db, first, last, Today, funder, null, null, null, ct);

        // Mediations are support of their own: for all funders every mediation of the year counts; for
        // one funder, those of the households it funds.
        var funded = funder is { } f
            ? db.Households.Where(h => db.SupportMeasures.Any(m => m.HouseholdId == h.Id && m.Funder == f && m.StartsOn <= last && (m.EndedOn == null || m.EndedOn >= first)))
            : null;
        var mediations = await MediationFacts.During(db, first, last, funded).ToListAsync(ct);
        var yearEnd = last < Today ? last : Today;
        static List<CountLine> Count<T>(IEnumerable<T> values, Func<T, string> label) =>
            values.GroupBy(label).Select(g => new CountLine(g.Key, g.Count())).OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();

        return new ActivityReport(
            Association, year, FunderName(funder), Today,
            a.HouseholdsFollowed, a.PersonsFollowed, a.Entries, a.Exits, a.AverageMonths,
            a.Measures, a.Profiles, a.TargetGroups, a.ResourceBands, a.ExitDestinations, a.Costs)
        {
            Mediations = new MediationCounts(
                mediations.Count,
                mediations.Select(m => m.HouseholdId).Distinct().Count(),
                mediations.Count(m => m.EndedOn is null || m.EndedOn > yearEnd),
                Count(mediations, m => m.Issue.Label()),
                Count(mediations.Where(m => m.Outcome is not null && m.EndedOn <= last), m => m.Outcome!.Value.Label())),
        };
    }
}
