using System.Globalization;
using Portal.Documents.Templates;
using Portal.Domain.Support;

namespace Portal.Documents.Sources;

/// What a document is made from, read from <c>DocumentRequest.SubjectKey</c>:
/// "measure:{id}", "review:{measureId}:{monthsFromStart}", "session:{id}", "year:{yyyy}:funder:{n|all}".
public abstract record DocumentSubject
{
    public abstract string Key { get; }

    /// The subject for this kind of document, or null when the key does not fit the kind.
    public static DocumentSubject? Parse(string? kind, string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100) return null;
        var parts = key.Split(':');
        DocumentSubject? subject = parts switch
        {
            ["measure", var id] when Long(id) is { } m => new MeasureSubject(m),
            ["review", var id, var months] when Long(id) is { } m && Int(months) is { } n and > 0 and <= 120 => new ReviewSubject(m, n),
            ["session", var id] when Long(id) is { } s => new SessionSubject(s),
            ["year", var y, "funder", "all"] when Int(y) is { } year and >= 2000 and <= 2100 => new YearSubject(year, null),
            ["year", var y, "funder", var f] when Int(y) is { } year and >= 2000 and <= 2100 && Int(f) is { } n && Enum.IsDefined((Funder)n) => new YearSubject(year, (Funder)n),
            ["export", var id] when Long(id) is { } d => new ExportSubject(d),
            ["workbook", var a, var b, "funder", var f] when Day(a) is { } first && Day(b) is { } last && first <= last
                && (f == "all" || Int(f) is { } n && Enum.IsDefined((Funder)n)) => new WorkbookSubject(first, last, f == "all" ? null : (Funder)Int(f)!.Value),
            _ => null,
        };
        var fits = (kind, subject) switch
        {
            (ContratTripartite.Kind or ContratAccompagnement.Kind, MeasureSubject) => true,
            (BilanMesure.Kind or FicheBilanEtat.Kind, ReviewSubject) => true,
            (ProcesVerbal.Kind, SessionSubject) => true,
            (BilanActivite.Kind, YearSubject) => true,
            (Exports.TableExport.KindName, ExportSubject) => true,
            (Exports.FunderWorkbook.KindName, WorkbookSubject) => true,
            _ => false,
        };
        return fits ? subject : null;
    }

    private static long? Long(string s) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private static DateOnly? Day(string s) =>
        DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;

    private static int? Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static string MeasureKey(long id) => $"measure:{id}";
    public static string ReviewKey(long measureId, int monthsFromStart) => $"review:{measureId}:{monthsFromStart}";
    public static string SessionKey(long id) => $"session:{id}";
    public static string YearKey(int year, Funder? funder) => $"year:{year}:funder:{(funder is { } f ? ((int)f).ToString(CultureInfo.InvariantCulture) : "all")}";
    public static string WorkbookKey(DateOnly first, DateOnly last, Funder? funder) =>
        $"workbook:{first.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{last.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:funder:{(funder is { } f ? ((int)f).ToString(CultureInfo.InvariantCulture) : "all")}";
}

public sealed record MeasureSubject(long MeasureId) : DocumentSubject
{
    public override string Key => MeasureKey(MeasureId);
}

public sealed record ReviewSubject(long MeasureId, int MonthsFromStart) : DocumentSubject
{
    public override string Key => ReviewKey(MeasureId, MonthsFromStart);
}

public sealed record SessionSubject(long SessionId) : DocumentSubject
{
    public override string Key => SessionKey(SessionId);
}

public sealed record YearSubject(int Year, Funder? Funder) : DocumentSubject
{
    public override string Key => YearKey(Year, Funder);
}

/// A table export (see <see cref="Exports.TableExport"/>): reached by whoever asked for it (its rows
/// were read within their scope) and by managers.
public sealed record ExportSubject(long DefinitionId) : DocumentSubject
{
    public override string Key => $"export:{DefinitionId.ToString(CultureInfo.InvariantCulture)}";
}

/// The funders' workbook for a period (see <see cref="Exports.FunderWorkbook"/>): managers only.
public sealed record WorkbookSubject(DateOnly First, DateOnly Last, Funder? Funder) : DocumentSubject
{
    public override string Key => WorkbookKey(First, Last, Funder);
}
