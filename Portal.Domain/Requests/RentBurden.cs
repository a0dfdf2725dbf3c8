namespace Portal.Domain.Requests;

/// Taux d'effort: the share of the household's resources left to pay for housing once housing
/// benefit is deducted: (rent + charges − housing benefit) ÷ resources. Housing benefit is not
/// counted in the resources. Above 30 % the housing aid fund can step in.
public sealed record RentBurden(decimal Resources, decimal Rent, decimal Charges, decimal HousingBenefit)
{
    public const decimal AidFundThreshold = 0.30m;

    public decimal ResidualRent => Math.Max(0, Rent + Charges - HousingBenefit);

    /// Null when the household declares no resources: the ratio means nothing then.
    public decimal? Rate => Resources > 0 ? Math.Round(ResidualRent / Resources, 4) : null;

    public bool AboveThreshold => Rate is null ? ResidualRent > 0 : Rate > AidFundThreshold;

    public static RentBurden From(IEnumerable<(IncomeKind Kind, decimal MonthlyAmount)> incomes, decimal rent, decimal charges)
    {
        decimal resources = 0, benefit = 0;
        foreach (var (kind, amount) in incomes)
        {
            if (kind == IncomeKind.HousingBenefit) benefit += amount;
            else resources += amount;
        }
        return new RentBurden(resources, rent, charges, benefit);
    }
}
