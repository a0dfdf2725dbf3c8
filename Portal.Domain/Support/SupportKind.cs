namespace Portal.Domain.Support;

public enum SupportKind
{
    Asll = 0,
    Avdl = 1,
    Masp = 2,
    Iml = 3,
    SlidingLease = 4,
    MousRehousing = 5,
    TenancySustainment = 6,
}

public enum Funder
{
    FslDepartment = 0,
    Ddets = 1,
    Drihl = 2,
    Landlord = 3,
    Ccas = 4,
}

/// Lengths in months: what a first contract may last, and how long the measure may run with its
/// renewals. MASP follows the law (contract of 6 months to 2 years, renewable, 4 years at most,
/// CASF L271-2); IML « sortie de structures » is a one-year measure that may run 6 more months
/// (the lease slides within the year, 18 months of presence at most); the others are the usual
/// FSL / state conventions.
public sealed record SupportKindRule(int MinMonths, int MaxMonths, int MaxTotalMonths);

public static class SupportKinds
{
    private static readonly Dictionary<SupportKind, SupportKindRule> Rules = new()
    {
        [SupportKind.Asll] = new(6, 12, 24),
        [SupportKind.Avdl] = new(6, 12, 24),
        [SupportKind.Masp] = new(6, 24, 48),
        [SupportKind.Iml] = new(6, 12, 18),
        [SupportKind.SlidingLease] = new(6, 24, 36),
        [SupportKind.MousRehousing] = new(6, 24, 36),
        [SupportKind.TenancySustainment] = new(6, 12, 24),
    };

    public static SupportKindRule Rule(this SupportKind kind) => Rules[kind];

    /// Null when the planned length suits the kind, else the French reason.
    public static string? LengthProblem(this SupportKind kind, int months)
    {
        var rule = kind.Rule();
        return months < rule.MinMonths || months > rule.MaxMonths
            ? $"Une mesure {kind.Label()} dure de {rule.MinMonths} à {rule.MaxMonths} mois : {months} mois n'est pas possible."
            : null;
    }

    /// Whether the measure is tied to a dwelling the association sublets, with a lease meant to slide.
    public static bool CanSlideLease(this SupportKind kind) => kind is SupportKind.Iml or SupportKind.SlidingLease;

    public static string Label(this SupportKind kind) => kind switch
    {
        SupportKind.Asll => "ASLL",
        SupportKind.Avdl => "AVDL",
        SupportKind.Masp => "MASP niveau 2",
        SupportKind.Iml => "IML sortie de structures",
        SupportKind.SlidingLease => "Bail glissant",
        SupportKind.MousRehousing => "MOUS relogement",
        SupportKind.TenancySustainment => "Maintien dans le logement",
        _ => kind.ToString(),
    };

    public static string Label(this Funder funder) => funder switch
    {
        Funder.FslDepartment => "FSL / Conseil départemental",
        Funder.Ddets => "DDETS",
        Funder.Drihl => "DRIHL",
        Funder.Landlord => "Bailleur",
        Funder.Ccas => "CCAS",
        _ => funder.ToString(),
    };
}
