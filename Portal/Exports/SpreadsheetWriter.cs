using System.Globalization;
using System.Text;
using global::CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Portal.Domain.Formatting;

namespace Portal.Exports;

public sealed record Sheet(string Name, IReadOnlyList<ExportColumn> Columns, IEnumerable<object?[]> Rows);

/// Writes rows to CSV for French Excel (UTF-8 with BOM, « ; », French numbers and dates) or to
/// XLSX, streaming: rows are read one at a time and never gathered in memory. A text cell that
/// would start a formula (= + - @, tab, carriage return) is written with a leading apostrophe, so a
/// name typed as « =HYPERLINK(…) » stays text in any spreadsheet (OWASP « CSV injection »).
public static class SpreadsheetWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static object? Cell(object? value) => value switch
    {
        null => null,
        string s => Neutralise(s),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    public static void WriteCsv(Stream output, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows)
    {
        // Text is neutralised here, the same way as in XLSX; numbers such as « -12,50 » stay numbers.
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.None, WriteByteOrderMark = true };
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var c in columns) csv.WriteField(c.Header);
        csv.EndRecord();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                csv.WriteField(row[i] switch
                {
                    null => "",
                    string s => Neutralise(s),
                    DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    decimal m => m.ToString("0.00", French.Culture),
                    IFormattable f => f.ToString(null, French.Culture),
                    var o => o.ToString() ?? "",
                });
            csv.EndRecord();
        }
    }

    public static void WriteXlsx(Stream output, IReadOnlyList<Sheet> sheets)
    {
        var dynamic = new List<DynamicExcelColumn>();
        var values = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            var headers = Unique(sheet.Columns.Select(c => c.Header).ToList());
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                if (dynamic.Any(d => d.Key == headers[i])) continue;
                dynamic.Add(new DynamicExcelColumn(headers[i])
                {
                    Width = Math.Clamp(headers[i].Length + 4, 12, 40),
                    Format = sheet.Columns[i].Kind switch { CellKind.Date => "dd/MM/yyyy", _ => null },
                });
            }
            values[SheetName(sheet.Name, values.Keys)] = Rows(headers, sheet.Rows);
        }
        var config = new OpenXmlConfiguration { DynamicColumns = dynamic.ToArray(), TableStyles = TableStyles.None, FastMode = false };
        output.SaveAs(values, excelType: ExcelType.XLSX, configuration: config);
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) cells[headers[i]] = Cell(row[i]);
            yield return cells;
        }
    }

    private static List<string> Unique(List<string> headers)
    {
        var seen = new HashSet<string>();
        return headers.Select(h => { var name = h; for (var n = 2; !seen.Add(name); n++) name = $"{h} ({n})"; return name; }).ToList();
    }

    /// Excel's rules for a sheet name: 31 characters at most, none of : \ / ? * [ ].
    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        if (clean.Length > 31) clean = clean[..31];
        var result = clean;
        for (var n = 2; taken.Contains(result); n++) result = $"{clean[..Math.Min(clean.Length, 27)]} ({n})";
        return result;
    }
}
