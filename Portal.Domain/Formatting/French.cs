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
    public static string Money(decimal amount) => amount.ToString("#,##0.00", Culture) + "\u00A0€";
}
