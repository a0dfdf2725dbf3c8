using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace Portal.Pages.Suivi.Menages;

/// The reads several pages of the household file show: its people, their resources, the journal,
/// the current stay and what the household pays for housing.
public static class HouseholdFileData
{
    public const string MaskedEntry = "Note confidentielle — visible par le référent et les responsables";

    public sealed record PersonRow(long Id, string FirstName, string LastName, DateOnly? BirthDate, Relationship Relationship, Civility? Civility);
    public sealed record IncomeRow(long Id, long? PersonId, string? PersonName, IncomeKind Kind, decimal MonthlyAmount);
    /// Text is null when the entry is confidential and the reader may not see it.
    public sealed record JournalRow(long Id, JournalKind Kind, DateOnly OccurredOn, string AuthorName, string? Text, bool IsConfidential, DateTime CreatedAtUtc);
    public sealed record StayRow(long Id, string Dwelling, string Residence, string? Address, DateOnly StartsOn, DateOnly EndsOn, DateOnly? ExitedOn, StayStatus Status, decimal Rent, decimal Charges);
    public sealed record IdentityRow(
        string? Phone, string? Email, string? Address, string? Town, CurrentSituation? Situation, string? SituationDetails,
        TargetGroups TargetGroups, bool IsDalo, bool IsSingleParent, decimal? CurrentRent, decimal? CurrentCharges);
    public sealed record RentSource(decimal Rent, decimal Charges, string Label);
    public sealed record Burden(IReadOnlyList<IncomeRow> Incomes, RentSource? Rent, RentBurden? Rate);

    public static Task<IdentityRow> IdentityAsync(PortalDbContext db, long id, CancellationToken ct) =>
        db.Households.AsNoTracking().Where(h => h.Id == id)
            .Select(h => new IdentityRow(h.Phone, h.Email, h.Address, h.Town, h.Situation, h.SituationDetails, h.TargetGroups,
                h.IsDalo, h.IsSingleParent, h.CurrentRent, h.CurrentCharges))
            .SingleAsync(ct);

    public static Task<List<PersonRow>> PersonsAsync(PortalDbContext db, long id, CancellationToken ct) =>
        db.HouseholdPersons.AsNoTracking().Where(p => p.HouseholdId == id)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PersonRow(p.Id, p.FirstName, p.LastName, p.BirthDate, p.Relationship, p.Civility)).ToListAsync(ct);

    /// The household's resources, each person's after the person, in the order of the people.
    public static async Task<IReadOnlyList<IncomeRow>> IncomesAsync(PortalDbContext db, long id, IReadOnlyList<PersonRow> persons, CancellationToken ct)
    {
        var incomes = await db.HouseholdIncomes.AsNoTracking().Where(i => i.HouseholdId == id)
            .Select(i => new { i.Id, i.HouseholdPersonId, i.Kind, i.MonthlyAmount }).ToListAsync(ct);
        var order = persons.Select((p, index) => (p.Id, index)).ToDictionary(p => p.Id, p => p.index);
        return incomes
            .Select(i => new IncomeRow(i.Id, i.HouseholdPersonId,
                persons.FirstOrDefault(p => p.Id == i.HouseholdPersonId) is { } p ? $"{p.FirstName} {p.LastName}" : null, i.Kind, i.MonthlyAmount))
            .OrderBy(i => i.PersonId is { } pid && order.TryGetValue(pid, out var at) ? at : -1).ThenBy(i => i.Id)
            .ToList();
    }

    /// Newest first; the text of a confidential entry never reaches the page of someone who may not read it.
    public static async Task<IReadOnlyList<JournalRow>> JournalAsync(PortalDbContext db, long id, bool canReadConfidential, int? take, CancellationToken ct)
    {
        var query = db.JournalEntries.AsNoTracking().Where(j => j.HouseholdId == id)
            .OrderByDescending(j => j.OccurredOn).ThenByDescending(j => j.CreatedAtUtc).ThenByDescending(j => j.Id)
            .Select(j => new JournalRow(j.Id, j.Kind, j.OccurredOn, j.AuthorName, j.Text, j.IsConfidential, j.CreatedAtUtc));
        var journal = await (take is { } n ? query.Take(n) : query).ToListAsync(ct);
        return canReadConfidential ? journal : journal.Select(j => j.IsConfidential ? j with { Text = null } : j).ToList();
    }

    public static Task<StayRow?> CurrentStayAsync(PortalDbContext db, long id, CancellationToken ct) =>
        (from s in db.Stays.AsNoTracking()
         join d in db.Dwellings.AsNoTracking() on s.DwellingId equals d.Id
         join r in db.Residences.AsNoTracking() on d.ResidenceId equals r.Id
         where s.HouseholdId == id && s.Status == StayStatus.Active
         select new StayRow(s.Id, d.Label, r.Name, d.Address ?? r.Address, s.StartsOn, s.EndsOn, s.ExitedOn, s.Status, d.Rent, d.Charges))
        .FirstOrDefaultAsync(ct);

    /// The rent burden: what the household pays for housing (the dwelling of its stay, else the
    /// sliding lease, else what it declared where it lives now) against its resources.
    public static async Task<Burden> BurdenAsync(PortalDbContext db, long id, IReadOnlyList<IncomeRow> incomes, StayRow? stay, CancellationToken ct)
    {
        var rent = await RentSourceAsync(db, id, stay, ct);
        return new Burden(incomes, rent, rent is null ? null : RentBurden.From(incomes.Select(i => (i.Kind, i.MonthlyAmount)), rent.Rent, rent.Charges));
    }

    private static async Task<RentSource?> RentSourceAsync(PortalDbContext db, long id, StayRow? stay, CancellationToken ct)
    {
        if (stay is not null)
            return new RentSource(stay.Rent, stay.Charges, $"logement {stay.Dwelling} ({stay.Residence}), séjour en cours");
        var lease = await db.SlidingLeases.AsNoTracking()
            .Where(l => l.HouseholdId == id && l.Status == LeaseStatus.Sublet)
            .OrderByDescending(l => l.StartsOn)
            .Select(l => new { l.Rent, l.Charges, l.Landlord }).FirstOrDefaultAsync(ct);
        if (lease is not null)
            return new RentSource(lease.Rent, lease.Charges, $"bail glissant en cours ({lease.Landlord})");
        var declared = await db.Households.AsNoTracking().Where(h => h.Id == id)
            .Select(h => new { h.CurrentRent, h.CurrentCharges }).SingleAsync(ct);
        return declared.CurrentRent is { } current ? new RentSource(current, declared.CurrentCharges ?? 0, "loyer actuel déclaré") : null;
    }
}
