using Portal.Domain.Formatting;

namespace Portal.Domain.Support;

public enum LeaseStatus
{
    Sublet = 0,
    DirectLease = 1,
}

/// A bail glissant: the association holds the lease, calls the rent and charges from the household
/// each month and pays the landlord, until the lease slides to the household's name.
///
/// Each month's rent and charges are called on the 1st (the first month on the entry day, in
/// proportion to the days left in it) and stop once the lease has slid. Payments may be partial,
/// several in a month, and an overpayment is a credit that pays the next calls. The balance on a
/// day is what was called up to that day minus what was paid up to that day: above zero, arrears.
public class SlidingLease
{
    private readonly List<RentPayment> _payments = [];

    private SlidingLease() { }

    public SlidingLease(long householdId, long? supportMeasureId, string landlord, DateOnly startsOn, decimal rent, decimal charges)
    {
        if (rent <= 0 || charges < 0) throw new DomainRuleException("Le loyer doit être positif et les charges ne peuvent pas être négatives.");
        if (decimal.Round(rent, 2) != rent || decimal.Round(charges, 2) != charges)
            throw new DomainRuleException("Le loyer et les charges se donnent au centime près.");
        HouseholdId = householdId;
        SupportMeasureId = supportMeasureId;
        Landlord = string.IsNullOrWhiteSpace(landlord) ? throw new DomainRuleException("Le bailleur est obligatoire.") : landlord.Trim();
        StartsOn = startsOn;
        Rent = rent;
        Charges = charges;
        Status = LeaseStatus.Sublet;
    }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    public long? SupportMeasureId { get; private set; }
    public long? DwellingId { get; private set; }
    public string Landlord { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public decimal Rent { get; private set; }
    public decimal Charges { get; private set; }
    public LeaseStatus Status { get; private set; }
    public DateOnly? SlidOn { get; private set; }
    public IReadOnlyList<RentPayment> Payments => _payments;

    public decimal MonthlyCall => Rent + Charges;

    public void AttachDwelling(long dwellingId) => DwellingId = dwellingId;

    /// A payment recorded by staff on <paramref name="today"/>: never dated in the future.
    public RentPayment RecordPayment(DateOnly paidOn, decimal amount, string? reference, DateOnly today) =>
        paidOn > today
            ? throw new DomainRuleException("Un paiement ne peut pas être daté dans le futur.", nameof(RentPayment.PaidOn))
            : RecordPayment(paidOn, amount, reference);

    public RentPayment RecordPayment(DateOnly paidOn, decimal amount, string? reference = null)
    {
        if (Status == LeaseStatus.DirectLease)
            throw new DomainRuleException("Le bail a glissé : le ménage paie désormais son loyer directement au bailleur.");
        if (amount <= 0) throw new DomainRuleException("Le montant du paiement doit être positif.");
        if (decimal.Round(amount, 2) != amount) throw new DomainRuleException("Le montant se donne au centime près.");
        if (paidOn < StartsOn)
            throw new DomainRuleException($"Un paiement ne peut pas précéder le début de la sous-location, le {French.Date(StartsOn)}.");
        var payment = new RentPayment(paidOn, amount, reference?.Trim());
        _payments.Add(payment);
        return payment;
    }

    /// The rent calls made up to <paramref name="until"/> included.
    public IEnumerable<RentCall> CallsUntil(DateOnly until)
    {
        var month = new DateOnly(StartsOn.Year, StartsOn.Month, 1);
        while (true)
        {
            var callOn = month < StartsOn ? StartsOn : month;
            if (callOn > until || (SlidOn is { } slid && callOn >= slid)) yield break;
            yield return new RentCall(month, callOn, AmountFor(month));
            month = month.AddMonths(1);
        }
    }

    private decimal AmountFor(DateOnly month)
    {
        if (StartsOn <= month) return MonthlyCall;
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var remaining = days - StartsOn.Day + 1;
        return decimal.Round(MonthlyCall * remaining / days, 2, MidpointRounding.AwayFromZero);
    }

    public decimal CalledUntil(DateOnly day) => CallsUntil(day).Sum(c => c.Amount);

    public decimal PaidUntil(DateOnly day) => _payments.Where(p => p.PaidOn <= day).Sum(p => p.Amount);

    /// Called minus paid at the end of <paramref name="day"/>: above zero the household owes, below
    /// zero it has a credit.
    public decimal BalanceOn(DateOnly day) => CalledUntil(day) - PaidUntil(day);

    public decimal ArrearsOn(DateOnly day) => Math.Max(0, BalanceOn(day));

    /// Month by month: called, paid and the balance at the month end, up to the month of <paramref name="until"/>.
    public IReadOnlyList<LedgerMonth> Statement(DateOnly until)
    {
        var lines = new List<LedgerMonth>();
        for (var month = new DateOnly(StartsOn.Year, StartsOn.Month, 1); month <= until; month = month.AddMonths(1))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var last = monthEnd < until ? monthEnd : until;
            var called = CallsUntil(last).Where(c => c.Month == month).Sum(c => c.Amount);
            var paid = _payments.Where(p => p.PaidOn >= month && p.PaidOn <= last).Sum(p => p.Amount);
            lines.Add(new LedgerMonth(month, called, paid, BalanceOn(last)));
        }
        return lines;
    }

    /// Null when the lease may slide on <paramref name="on"/>, else the French reason. The rent
    /// must be up to date now and at each of the last three month ends, and the situation judged
    /// stable at the review. A credit does not prevent the slide (it is refunded or carried over).
    public string? SlideProblem(DateOnly on, bool situationJudgedStable)
    {
        if (Status == LeaseStatus.DirectLease)
            return $"Le bail a déjà glissé le {French.Date(SlidOn!.Value)}.";
        if (on < StartsOn)
            return $"Le bail ne peut pas glisser avant le début de la sous-location, le {French.Date(StartsOn)}.";
        var now = BalanceOn(on);
        if (now > 0)
            return $"Le bail ne peut pas glisser : un impayé de {French.Money(now)} reste dû au {French.Date(on)}.";
        foreach (var monthEnd in LastMonthEnds(on, 3))
        {
            var balance = BalanceOn(monthEnd);
            if (balance > 0)
                return $"Le bail ne peut pas glisser : le compte présentait un impayé de {French.Money(balance)} au {French.Date(monthEnd)}. Le loyer doit être payé à jour depuis trois mois.";
        }
        if (!situationJudgedStable)
            return "Le bail ne peut glisser que si le bilan juge la situation du ménage stable.";
        return null;
    }

    /// Only through a review (<see cref="SupportMeasure.RecordSlideReview"/>): the slide is a decision of the review.
    internal void Slide(DateOnly on, bool situationJudgedStable)
    {
        if (SlideProblem(on, situationJudgedStable) is { } problem)
            throw new DomainRuleException(problem, SlideProblem(on, situationJudgedStable: true) is null ? "SituationJudgedStable" : nameof(Review.Decision));
        Status = LeaseStatus.DirectLease;
        SlidOn = on;
    }

    /// The ends of the <paramref name="count"/> months before the month of <paramref name="on"/>.
    public static IEnumerable<DateOnly> LastMonthEnds(DateOnly on, int count)
    {
        var firstOfMonth = new DateOnly(on.Year, on.Month, 1);
        for (var i = 0; i < count; i++) yield return firstOfMonth.AddMonths(-i).AddDays(-1);
    }
}

public sealed record RentPayment(DateOnly PaidOn, decimal Amount, string? Reference)
{
    public long Id { get; private set; }
}

public readonly record struct RentCall(DateOnly Month, DateOnly CallOn, decimal Amount);

public readonly record struct LedgerMonth(DateOnly Month, decimal Called, decimal Paid, decimal BalanceAtEnd);

public static class LeaseLabels
{
    public static string Label(this LeaseStatus status) => status switch
    {
        LeaseStatus.Sublet => "Sous-location",
        LeaseStatus.DirectLease => "Bail direct",
        _ => status.ToString(),
    };
}
