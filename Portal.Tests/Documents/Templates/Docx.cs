using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Documents.Templates;

namespace Portal.Tests.Documents.Templates;

/// Builds small templates the way Word writes them, renders them and reads the result back.
internal static class Docx
{
    public static byte[] Create(IEnumerable<OpenXmlElement> body, IEnumerable<OpenXmlElement>? header = null, IEnumerable<OpenXmlElement>? footer = null,
        WordprocessingDocumentType type = WordprocessingDocumentType.Document, Action<MainDocumentPart>? more = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, type))
        {
            var main = doc.AddMainDocumentPart();
            var b = new Body(body);
            var section = new SectionProperties();
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(header);
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            if (footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(footer);
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            b.Append(section);
            main.Document = new Document(b);
            more?.Invoke(main);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Paragraph P(string text) => new(R(text));

    public static Run R(string text, bool bold = false, bool italic = false, bool underline = false)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        if (underline) properties.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static Table Table(params TableRow[] rows)
    {
        var columns = rows.Max(r => r.Elements<TableCell>().Count());
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "3000" })));
        table.Append(rows);
        return table;
    }

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public static TableCell Cell(params OpenXmlElement[] paragraphs) => new(paragraphs);

    public static TableCell Cell(string text) => new(P(text));

    /// Renders, checks the result against the schema and against what the DOM engine writes for the
    /// same template and data, and hands back the open document.
    public static WordprocessingDocument Render(byte[] template, TemplateModel model)
    {
        var bytes = DocxTemplate.Render(template, model);
        var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        using (var dom = WordprocessingDocument.Open(new MemoryStream(DocxTemplate.RenderWithDom(template, model)), false))
            Assert.Equal(Content(dom), Content(doc));
        return doc;
    }

    /// What a reader sees of a rendered document, part by part: paragraphs, tables, rows, cells, breaks, pictures.
    public static List<string> Content(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart!;
        var roots = new List<(string, OpenXmlElement?)> { ("body", main.Document?.Body) };
        roots.AddRange(main.HeaderParts.Select(h => ("header", (OpenXmlElement?)h.Header)));
        roots.AddRange(main.FooterParts.Select(f => ("footer", (OpenXmlElement?)f.Footer)));
        roots.Add(("footnotes", main.FootnotesPart?.Footnotes));
        roots.Add(("endnotes", main.EndnotesPart?.Endnotes));
        var lines = new List<string>();
        foreach (var (name, root) in roots.Where(r => r.Item2 is not null))
        {
            lines.Add($"{name}: {root!.Descendants<Table>().Count()} tables, {root.Descendants<TableRow>().Count()} rows, {root.Descendants<TableCell>().Count()} cells, " +
                $"{root.Descendants<Break>().Count()} breaks, {root.Descendants<Drawing>().Count()} pictures");
            lines.AddRange(root.Descendants<Paragraph>().Select(p => $"{name} | {p.InnerText} | {string.Join(",", p.Descendants<Run>().Select(r => r.RunProperties?.OuterXml.Length ?? 0))}"));
        }
        return lines;
    }

    public static List<string> Validate(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static Body Body(this WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    /// The paragraphs' text, one line each (tables included, in reading order).
    public static List<string> Lines(this OpenXmlElement root) =>
        root.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

    public static string Text(this OpenXmlElement root) => string.Join("\n", root.Lines());

    /// A real PNG of the given size (one colour), small enough to build in a test.
    public static byte[] Png(int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++) raw.Write([0x1F, 0x3A, 0x68]);
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        png.Write(header);
        png.Write(data);
        var crc = Crc32([.. header.AsSpan(4).ToArray(), .. data]);
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        png.Write(tail);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static async Task<string> Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {await stderr}");
        return await stdout;
    }
}
