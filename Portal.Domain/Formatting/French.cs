using System.Globalization;

namespace Portal.Domain.Formatting;

/// French display of dates, times and amounts, in Paris time.
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// "25 novembre 2026"
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// "25 novembre 2026"
    public static string Date(DateTime utc) => ToParis(utc).ToString("d MMMM yyyy", Culture);

    /// "25/11/2026 à 14:05"
    public static string DateTimeShort(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", Culture);

    /// "25 novembre 2026 à 14:05"
    public static string DateTimeLong(DateTime utc) => ToParis(utc).ToString("d MMMM yyyy 'à' HH:mm", Culture);

    /// "1 500,00 €"
    /// "1 situation examinée", "3 situations examinées": the count and the noun agreed with it
    /// (French takes the singular for 0 and 1).
    public static string Count(long count, string singular, string plural) =>
        $"{count.ToString("#,##0", Culture)}\u00A0{(count is 0 or 1 or -1 ? singular : plural)}";

    /// "KONATÉ Fatou": the family name in capitals first, as every household file is named.
    public static string PersonName(string lastName, string firstName) =>
        $"{lastName.Trim().ToUpper(Culture)} {firstName.Trim()}".Trim();

    public static string Money(decimal amount) => amount.ToString("#,##0.00", Culture) + "\u00A0€";
}
