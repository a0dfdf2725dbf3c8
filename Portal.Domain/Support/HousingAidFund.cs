using Portal.Domain.Formatting;

namespace Portal.Domain.Support;

/// The association's housing aid fund for one calendar year: it pays part of the rent, for a
/// limited time, when the household's rent burden is above 30 % (see Requests.RentBurden).
public class HousingAidFund
{
    private HousingAidFund() { }

    public HousingAidFund(int year, decimal budget)
    {
        if (year < 2000 || year > 2100) throw new DomainRuleException("Année invalide.");
        Year = year;
        SetBudget(budget);
    }

    public long Id { get; private set; }
    public int Year { get; private set; }
    public decimal Budget { get; private set; }

    public void SetBudget(decimal budget)
    {
        if (budget < 0) throw new DomainRuleException("Le budget ne peut pas être négatif.");
        if (decimal.Round(budget, 2) != budget) throw new DomainRuleException("Le budget se donne au centime près.");
        Budget = budget;
    }

    /// Lowers or raises the budget, never below what the grants already commit.
    public void SetBudget(decimal budget, IEnumerable<AidGrant> grants)
    {
        var committed = AidFund.Committed(Year, grants);
        if (budget < committed)
            throw new DomainRuleException($"Les aides accordées engagent déjà {French.Money(committed)} sur {Year} : le budget ne peut pas être inférieur.");
        SetBudget(budget);
    }
}

/// An aid decided by the committee: an amount each month, for a number of months, from a month.
/// A grant may straddle two years: each year's fund carries the months that fall in it.
public class AidGrant
{
    public const int MaxMonths = 12;

    private AidGrant() { }

    public long Id { get; private set; }
    public long HouseholdId { get; private set; }
    public long? DecisionId { get; private set; }
    public decimal MonthlyAmount { get; private set; }
    public int Months { get; private set; }
    /// The first day of the first month paid.
    public DateOnly StartMonth { get; private set; }
    /// The first month no longer paid when the aid was stopped early (exit), else null.
    public DateOnly? StoppedFrom { get; private set; }

    /// The months actually paid: the planned ones, cut at the stop.
    public IEnumerable<DateOnly> PaidMonths() =>
        Enumerable.Range(0, Months).Select(StartMonth.AddMonths).Where(m => StoppedFrom is null || m < StoppedFrom);

    public DateOnly LastMonth => StartMonth.AddMonths(Months - 1);

    public decimal CommittedIn(int year) => PaidMonths().Count(m => m.Year == year) * MonthlyAmount;

    public decimal Total => PaidMonths().Count() * MonthlyAmount;

    /// The monthly payments, for the payments job and the household's file.
    public IReadOnlyList<(DateOnly Month, decimal Amount)> Schedule() => PaidMonths().Select(m => (m, MonthlyAmount)).ToList();

    /// No payment from <paramref name="month"/> on (any day of it: the month is taken whole).
    public void StopFrom(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (StoppedFrom is { } stopped && stopped <= first) return;
        StoppedFrom = first < StartMonth ? StartMonth : first;
    }

    internal static AidGrant Create(long householdId, decimal monthlyAmount, int months, DateOnly startMonth, long? decisionId)
    {
        if (monthlyAmount <= 0) throw new DomainRuleException("Le montant mensuel de l'aide doit être positif.");
        if (decimal.Round(monthlyAmount, 2) != monthlyAmount) throw new DomainRuleException("Le montant se donne au centime près.");
        if (months < 1 || months > MaxMonths)
            throw new DomainRuleException($"L'aide du fonds est limitée dans le temps : de 1 à {MaxMonths} mois.");
        return new AidGrant
        {
            HouseholdId = householdId,
            DecisionId = decisionId,
            MonthlyAmount = monthlyAmount,
            Months = months,
            StartMonth = new DateOnly(startMonth.Year, startMonth.Month, 1),
        };
    }
}

public static class AidFund
{
    public static decimal Committed(int year, IEnumerable<AidGrant> grants) => grants.Sum(g => g.CommittedIn(year));

    public static decimal Remaining(HousingAidFund fund, IEnumerable<AidGrant> grants) => fund.Budget - Committed(fund.Year, grants);

    /// Decides a grant if every year it touches has a fund with enough left; else refuses with the
    /// amount remaining. <paramref name="grants"/> are the grants already decided (any years).
    public static AidGrant Grant(
        long householdId, decimal monthlyAmount, int months, DateOnly startMonth,
        IEnumerable<HousingAidFund> funds, IEnumerable<AidGrant> grants, long? decisionId = null)
    {
        var grant = AidGrant.Create(householdId, monthlyAmount, months, startMonth, decisionId);
        var existing = grants.ToList();
        foreach (var year in grant.PaidMonths().Select(m => m.Year).Distinct())
        {
            var fund = funds.FirstOrDefault(f => f.Year == year)
                ?? throw new DomainRuleException($"Aucun budget du fonds d'aide n'est ouvert pour {year}.");
            var remaining = Remaining(fund, existing);
            var asked = grant.CommittedIn(year);
            if (asked > remaining)
                throw new DomainRuleException(
                    $"Le fonds d'aide ne peut pas engager {French.Money(asked)} sur {year} : il reste {French.Money(remaining)} sur le budget de l'année.");
        }
        return grant;
    }

    /// Payments due in a month across grants, for the monthly payment run.
    public static IEnumerable<(AidGrant Grant, decimal Amount)> PaymentsFor(DateOnly month, IEnumerable<AidGrant> grants)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return grants.Where(g => g.PaidMonths().Contains(first)).Select(g => (g, g.MonthlyAmount));
    }
}
