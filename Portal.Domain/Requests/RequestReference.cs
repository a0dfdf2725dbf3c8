namespace Portal.Domain.Requests;

public static class RequestReference
{
    /// "DL-2026-000123": the year of sending and the request's number.
    public static string Format(int year, long number) => $"DL-{year}-{number:D6}";

    /// Folds accents and case so "Émilie" and "emilie" sort and search alike.
    public static string SearchKey(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var cat = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
