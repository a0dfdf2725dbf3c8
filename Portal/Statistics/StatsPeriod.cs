using System.Globalization;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;

namespace Portal.Statistics;

public enum PeriodKind { Month, Quarter, Year, Custom }

/// A span of Paris calendar days, both ends included. Instants (a request sent, an appointment)
/// belong to the period when their Paris date does: the bounds in UTC are Paris midnights, so a
/// request sent at 23:30 on 31 March in Paris counts in March only, whatever the offset.
public sealed record StatsPeriod(PeriodKind Kind, DateOnly First, DateOnly Last)
{
    public const int MaxDays = 3660;

    public DateTime FromUtc => ParisTime.BoundaryToUtc(First.ToDateTime(TimeOnly.MinValue));
    public DateTime ToUtc => ParisTime.BoundaryToUtc(Last.AddDays(1).ToDateTime(TimeOnly.MinValue));
    public int Days => Last.DayNumber - First.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= First && day <= Last;
    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;

    public static StatsPeriod Month(DateOnly day) => new(PeriodKind.Month, new DateOnly(day.Year, day.Month, 1),
        new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1));

    public static StatsPeriod Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static StatsPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// The period just before, of the same kind and length (the previous month, quarter, year, or
    /// the same number of days for custom dates).
    public StatsPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Month(First.AddMonths(-1)),
        PeriodKind.Quarter => Quarter(First.AddMonths(-3)),
        PeriodKind.Year => Year(First.Year - 1),
        _ => new(PeriodKind.Custom, First.AddDays(-Days), First.AddDays(-1)),
    };

    /// The period just after, of the same kind and length.
    public StatsPeriod Next() => Kind switch
    {
        PeriodKind.Month => Month(First.AddMonths(1)),
        PeriodKind.Quarter => Quarter(First.AddMonths(3)),
        PeriodKind.Year => Year(First.Year + 1),
        _ => new(PeriodKind.Custom, Last.AddDays(1), Last.AddDays(Days)),
    };

    /// The months the period touches, as their first days.
    public IEnumerable<DateOnly> Months()
    {
        for (var m = new DateOnly(First.Year, First.Month, 1); m <= Last; m = m.AddMonths(1)) yield return m;
    }

    public string Label => Kind switch
    {
        PeriodKind.Month => First.ToString("MMMM yyyy", French.Culture),
        PeriodKind.Quarter => $"{(First.Month - 1) / 3 + 1}{(First.Month == 1 ? "er" : "e")} trimestre {First.Year}",
        PeriodKind.Year => First.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"du {French.Date(First)} au {French.Date(Last)}",
    };

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseIso(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// The period asked for in a query string: "mois", "trimestre", "annee" (around <paramref name="anchor"/>,
    /// else today) or "dates" (du / au). Null with a French message when custom dates are wrong.
    public static (StatsPeriod Period, string? Error) Parse(string? kind, string? anchor, string? from, string? to, DateOnly today)
    {
        // Years outside 2000–2100 are typing slips (and 9999 would overflow the next quarter).
        var at = ParseIso(anchor) is { Year: >= 2000 and <= 2100 } day ? day : today;
        switch (kind)
        {
            case "mois": return (Month(at), null);
            case "annee": return (Year(at.Year), null);
            case "dates":
                var first = ParseIso(from);
                var last = ParseIso(to);
                if (first is null || last is null)
                    return (Quarter(today), "Indiquez une date de début et une date de fin (jj/mm/aaaa).");
                if (last < first) return (Quarter(today), "La date de fin doit être postérieure ou égale à la date de début.");
                if (last.Value.DayNumber - first.Value.DayNumber >= MaxDays) return (Quarter(today), "La période ne peut pas dépasser dix ans.");
                if (first.Value.Year < 2000 || last.Value.Year > 2100) return (Quarter(today), "Choisissez des dates entre 2000 et 2100.");
                return (new(PeriodKind.Custom, first.Value, last.Value), null);
            default: return (Quarter(at), null);
        }
    }

    public string KindValue => Kind switch { PeriodKind.Month => "mois", PeriodKind.Year => "annee", PeriodKind.Custom => "dates", _ => "trimestre" };
}
