using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Portal.Import;

/// A spreadsheet as read from an upload: the header row and the cells of every other row, as text.
public sealed record SpreadsheetContent(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows, string Format);

/// Reads an uploaded XLSX or CSV file. The kind is decided by what the file contains, never by its
/// name: a zip package with a workbook is XLSX, readable text is CSV (separator `;`, `,` or tab,
/// encoding UTF-8 or, failing that, Windows-1252 as French Excel writes it); anything else is refused
/// with a French sentence.
public static class SpreadsheetFile
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxColumns = 100;
    public const int MaxCellLength = 4000;

    static SpreadsheetFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// The content, or the French reason the file cannot be imported.
    public static (SpreadsheetContent? Content, string? Problem) Read(byte[] bytes)
    {
        if (bytes.Length == 0) return (null, "Le fichier est vide.");
        if (bytes.Length > MaxBytes)
            return (null, $"Le fichier fait {bytes.Length / (1024.0 * 1024.0):0.0} Mo : la taille maximale est de 20 Mo. Découpez-le en plusieurs fichiers.");
        try
        {
            return Kind(bytes) switch
            {
                FileKind.Xlsx => Checked(ReadXlsx(bytes), "XLSX"),
                FileKind.Csv => Checked(ReadCsv(bytes), "CSV"),
                FileKind.OldExcel => (null, "Ce fichier est au format Excel 97-2003 (.xls). Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx ou .csv, puis déposez-le à nouveau."),
                _ => (null, "Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV. Enregistrez votre tableau dans l'un de ces formats puis réessayez."),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or CsvFormatException or InvalidOperationException
                                       or System.Xml.XmlException or FormatException or ArgumentException or NotSupportedException)
        {
            return (null, "Ce fichier n'a pas pu être lu : il est peut-être endommagé ou protégé par un mot de passe. Enregistrez-le de nouveau au format .xlsx ou .csv.");
        }
    }

    private enum FileKind { Unknown, Xlsx, Csv, OldExcel }

    private static FileKind Kind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4 && bytes[..4].SequenceEqual("PK\u0003\u0004"u8)) return FileKind.Xlsx;
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return FileKind.OldExcel;
        // Text: no NUL byte (UTF-16 and binaries have them) in the first few kilobytes, and no known binary signature.
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0) return FileKind.Unknown;
        if (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8)) return FileKind.Unknown;
        return FileKind.Csv;
    }

    private static (SpreadsheetContent?, string?) Checked(List<string[]> table, string format)
    {
        // Trailing empty rows (Excel keeps formatted but empty lines) are not rows.
        while (table.Count > 0 && table[^1].All(string.IsNullOrWhiteSpace)) table.RemoveAt(table.Count - 1);
        if (table.Count == 0) return (null, "Le fichier ne contient aucune ligne.");
        var header = table[0];
        var width = header.Length;
        while (width > 0 && string.IsNullOrWhiteSpace(header[width - 1])) width--;
        if (width == 0) return (null, "La première ligne doit donner le titre de chaque colonne (Nom, Prénom, Date de naissance…) : elle est vide.");
        if (width > MaxColumns) return (null, $"Le fichier a {width} colonnes : {MaxColumns} au plus.");
        var rows = table.Skip(1).Select(r => Fit(r, width)).ToList();
        if (rows.Count == 0) return (null, "Le fichier ne contient que la ligne des titres : aucune ligne à importer.");
        if (rows.Count > MaxRows) return (null, $"Le fichier a {rows.Count:N0} lignes : {MaxRows:N0} au plus par fichier. Découpez-le en plusieurs fichiers.".Replace('\u202F', '\u00A0'));
        var headers = header.Take(width).Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"Colonne {i + 1}" : Clean(h)).ToList();
        return (new SpreadsheetContent(headers, rows, format), null);
    }

    private static string[] Fit(string[] row, int width)
    {
        var cells = new string[width];
        for (var i = 0; i < width; i++) cells[i] = i < row.Length ? Clean(row[i]) : "";
        return cells;
    }

    private static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = value.Trim();
        // Control characters never belong in a name or a date; they would also be refused by every form.
        if (text.Any(char.IsControl)) text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return text.Length > MaxCellLength ? text[..MaxCellLength] : text;
    }

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var table = new List<string[]>();
        foreach (IDictionary<string, object> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            if (table.Count > MaxRows + 1) break;
            table.Add(row.Values.Select(Text).ToArray());
        }
        return table;
    }

    /// A cell as the admin sees it in Excel: dates as dd/MM/yyyy, numbers without exponent.
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "oui" : "non",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        var text = Decode(bytes);
        // Empty lines are kept as empty rows, so that a row's number is its line in the file.
        var options = new CsvReaderOptions { Separator = Separator(text), HasHeader = false, SkipEmptyLines = false };
        using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var table = new List<string[]>();
        foreach (var row in reader)
        {
            if (table.Count > MaxRows + 1) break;
            table.Add(row.ToArray());
        }
        return table;
    }

    /// UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else Windows-1252, which is what
    /// Excel writes on a French Windows for « CSV (séparateur : point-virgule) ».
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// The separator of the first line: the one of `;`, `,` and tab that appears most outside quotes.
    public static char Separator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (tabs > semicolons && tabs > commas) return '\t';
        return commas > semicolons ? ',' : ';';
    }
}
