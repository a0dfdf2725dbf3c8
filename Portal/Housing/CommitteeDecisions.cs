using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Requests;

namespace Portal.Housing;

/// Carries a committee's decision on one agenda item through to its consequences: for a request,
/// the household file is opened first and the request moves on its timeline (the person is
/// emailed); the presenter becomes the household's referent when the committee takes it in. All
/// of it is saved in one transaction, so a refused rule or a lost race leaves nothing behind.
public sealed class CommitteeDecisions(PortalDbContext db, RequestNotifier notifier)
{
    public const string DwellingTaken = "Ce logement vient d'être attribué.";

    public sealed record Actor(string Id, string Name);

    public async Task<Stay> AllocateAsync(CommitteeSession session, AgendaItem item, Actor me, long dwellingId, DateOnly entryOn, int months,
        DateTime now, CancellationToken ct)
    {
        var dwelling = await db.Dwellings.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dwellingId && !d.IsWithdrawn, ct)
            ?? throw new DomainRuleException("Choisissez un logement du parc.");
        return await InTransactionAsync(async () =>
        {
            var household = await HouseholdAsync(item, now, ct);
            if (await db.Stays.AnyAsync(s => s.HouseholdId == household.Id && s.Status == StayStatus.Active, ct))
                throw new DomainRuleException("Ce ménage occupe déjà un logement : enregistrez d'abord sa sortie.");
            var composition = Composition(household, entryOn);
            var occupations = await StockQueries.OccupationsAsync(db, dwelling.Id, ct);
            var stay = session.DecideAllocation(item, household.Id, dwelling, composition, entryOn, occupations, months);
            db.Stays.Add(stay);
            TakeIn(household, item, now);
            var residence = await db.Residences.AsNoTracking().Where(r => r.Id == dwelling.ResidenceId).Select(r => r.Name).SingleAsync(ct);
            var note = $"Logement attribué : {dwelling.Label} ({residence}), entrée le {French.Date(entryOn)}.";
            // An entry dated before today has happened: the applicant's timeline says they moved in.
            // From the entry day on, MoveInJob (hourly) does it.
            RequestAction[] actions = entryOn < DateOnly.FromDateTime(French.ToParis(now))
                ? [RequestAction.Accept, RequestAction.OfferHousing, RequestAction.MoveIn]
                : [RequestAction.Accept, RequestAction.OfferHousing];
            await MoveRequestAsync(item, me, now, note, ct, actions);
            return stay;
        }, ct);
    }

    public Task<SupportMeasure> OpenSupportAsync(CommitteeSession session, AgendaItem item, Actor me, SupportKind kind, Funder funder,
        DateOnly startsOn, int months, DateTime now, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var household = await HouseholdAsync(item, now, ct);
            await Portal.Partners.SiaoValidations.RequireForMeasureAsync(db, household.Id, kind, "SupportKind", ct);
            var measure = session.DecideSupport(item, household.Id, kind, funder, startsOn, months);
            db.SupportMeasures.Add(measure);
            TakeIn(household, item, now);
            await MoveRequestAsync(item, me, now, $"Accompagnement décidé : {kind.Label()}, {months} mois à partir du {French.Date(startsOn)}.", ct, RequestAction.Accept);
            return measure;
        }, ct);

    public Task<AidGrant> GrantAidAsync(CommitteeSession session, AgendaItem item, Actor me, decimal monthlyAmount, int months, DateOnly startMonth,
        DateTime now, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var household = await HouseholdAsync(item, now, ct);
            // SQLite keeps decimals as text: the fund's arithmetic is done in memory.
            var funds = await db.HousingAidFunds.AsNoTracking().ToListAsync(ct);
            var grants = await db.AidGrants.AsNoTracking().ToListAsync(ct);
            var grant = session.DecideAid(item, household.Id, monthlyAmount, months, startMonth, funds, grants);
            db.AidGrants.Add(grant);
            household.Touch(now);
            await MoveRequestAsync(item, me, now, $"Aide du fonds d'aide au logement : {French.Money(monthlyAmount)} par mois pendant {months} mois.", ct, RequestAction.Accept);
            return grant;
        }, ct);

    public Task RefuseAsync(CommitteeSession session, AgendaItem item, Actor me, string reason, DateTime now, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            session.Refuse(item, reason);
            await MoveRequestAsync(item, me, now, reason.Trim(), ct, RequestAction.Refuse);
            return true;
        }, ct);

    public Task PostponeAsync(CommitteeSession session, AgendaItem item, Actor me, string? reason, DateTime now, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            session.Postpone(item, reason);
            await MoveRequestAsync(item, me, now, string.IsNullOrWhiteSpace(reason) ? "La commission a ajourné l'examen de votre demande." : reason.Trim(),
                ct, RequestAction.Postpone);
            return true;
        }, ct);

    /// Puts a request or a household on the agenda; a request under review moves to "présentée en
    /// commission" and the person is told.
    public async Task<AgendaItem> AddItemAsync(CommitteeSession session, AgendaSubject subject, long subjectId, string presentedById, string? summary, Actor me,
        DateTime now, CancellationToken ct)
    {
        var item = session.AddItem(subject, subjectId, presentedById, summary);
        if (subject == AgendaSubject.Request)
        {
            var request = await db.HousingRequests.SingleAsync(r => r.Id == subjectId, ct);
            if (RequestStateMachine.CanApply(request.Status, RequestAction.PresentToCommittee))
            {
                request.Move(RequestAction.PresentToCommittee, me.Id, me.Name, now, $"Inscrite à l'ordre du jour de la séance du {French.Date(session.HeldOn)}.");
                if (await db.Users.FindAsync([request.ApplicantId], ct) is { Email: not null } applicant)
                    notifier.StatusChanged(request, applicant, null);
            }
        }
        await db.SaveChangesAsync(ct);
        return item;
    }

    public static HouseholdComposition Composition(Household household, DateOnly on)
    {
        var persons = Math.Max(1, household.Persons.Count);
        var young = household.Persons.Count(p => p.BirthDate is { } b && b <= on && b.AddYears(OccupancyStandard.YoungChildAgeLimit) > on);
        return new HouseholdComposition(persons, Math.Min(young, persons - 1));
    }

    private static void TakeIn(Household household, AgendaItem item, DateTime now)
    {
        household.TakeIn(item.NewReferentId, now);
    }

    private async Task<Household> HouseholdAsync(AgendaItem item, DateTime now, CancellationToken ct)
    {
        if (item.Subject == AgendaSubject.Household)
            return await db.Households.Include(h => h.Persons).SingleOrDefaultAsync(h => h.Id == item.SubjectId, ct)
                ?? throw new DomainRuleException("Ce ménage n'existe plus.");
        var household = await HouseholdFactory.FromRequestAsync(db, item.SubjectId, now, item.PresentedById, ct);
        if (household.Id == 0) await db.SaveChangesAsync(ct);
        else await db.Entry(household).Collection(h => h.Persons).LoadAsync(ct);
        return household;
    }

    private async Task MoveRequestAsync(AgendaItem item, Actor me, DateTime now, string note, CancellationToken ct, params RequestAction[] actions)
    {
        if (item.Subject != AgendaSubject.Request) return;
        var request = await db.HousingRequests.SingleAsync(r => r.Id == item.SubjectId, ct);
        var moved = false;
        if (!RequestStateMachine.CanApply(request.Status, actions[0]) && RequestStateMachine.CanApply(request.Status, RequestAction.PresentToCommittee))
            request.Move(RequestAction.PresentToCommittee, me.Id, me.Name, now);
        foreach (var action in actions)
        {
            if (!RequestStateMachine.CanApply(request.Status, action)) break;
            request.Move(action, me.Id, me.Name, now, note);
            moved = true;
        }
        if (moved && await db.Users.FindAsync([request.ApplicantId], ct) is { Email: not null } applicant)
            notifier.StatusChanged(request, applicant, note);
    }

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
