using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Portal.Documents.Templates;

/// Where a template's text sits, as the check sees it: one string per paragraph, fields merged
/// across runs, <see cref="TemplateSyntax.Barrier"/> where a tab, break or picture interrupts the text.
internal sealed record TemplatePartText(string Part, IReadOnlyList<string> Paragraphs);

/// What the check needs to know about a package, without OpenXml types.
internal sealed record DocxFacts(
    bool IsPlainDocument,
    bool HasMacros,
    IReadOnlyList<string> ExternalTargets,
    bool HasAltChunk,
    bool HasEmbeddedObjects,
    IReadOnlyList<TemplatePartText> Parts);

/// The template engine, and the one class here that speaks OpenXml.
///
/// Rendering runs in two passes so that a value is never read as a field: first every field of the
/// template is found (merged across the runs Word split it into) and its run replaced by a marker
/// run whose text starts with U+FFFF, a character no value can hold once cleaned
/// (<see cref="WordWriter.Clean"/>); then the markers, and only they, are expanded.
public static class DocxTemplate
{
    private const char Mark = '\uFFFF';
    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = 64_000_000 };

    /// Fills a template. A template is prepared once per content (<see cref="CompiledTemplate"/>) and
    /// then written straight from its compiled form; one it cannot compile is filled through the OpenXml DOM.
    public static byte[] Render(byte[] template, TemplateModel model) =>
        CompiledTemplate.For(template) is { } compiled ? compiled.Render(model) : RenderWithDom(template, model);

    internal static byte[] RenderWithDom(byte[] template, TemplateModel model)
    {
        using var stream = new MemoryStream(template.Length * 2);
        stream.Write(template);
        stream.Position = 0;
        using (var doc = WordprocessingDocument.Open(stream, true, Settings))
        {
            var renderer = new Renderer(doc, new TemplateScope(model, null));
            foreach (var (part, root, _) in FilledParts(doc))
                renderer.Part(part, root);
        }
        return stream.ToArray();
    }

    internal enum PartRole { Document, HeaderOrFooter, Notes }

    /// The parts whose fields are filled: the document, its headers and footers, its footnotes and endnotes.
    private static IEnumerable<(OpenXmlPart Part, OpenXmlPartRootElement Root, PartRole Role)> FilledParts(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart ?? throw new InvalidDataException("Le modèle n'a pas de document principal.");
        if (main.Document is { } document) yield return (main, document, PartRole.Document);
        foreach (var header in main.HeaderParts)
            if (header.Header is { } h) yield return (header, h, PartRole.HeaderOrFooter);
        foreach (var footer in main.FooterParts)
            if (footer.Footer is { } f) yield return (footer, f, PartRole.HeaderOrFooter);
        if (main.FootnotesPart?.Footnotes is { } footnotes) yield return (main.FootnotesPart, footnotes, PartRole.Notes);
        if (main.EndnotesPart?.Endnotes is { } endnotes) yield return (main.EndnotesPart, endnotes, PartRole.Notes);
    }

    internal sealed record PreparedPart(string Name, PartRole Role, string Xml);

    /// The template after the first pass, for <see cref="CompiledTemplate"/>: the XML of every filled
    /// part, each field in a run of its own whose text is <paramref name="sentinel"/> followed by the
    /// field's index in <c>Tags</c>; and the largest drawing id, after which pictures are numbered.
    internal static (List<PreparedPart> Parts, List<Tag> Tags, uint MaxDrawingId) Prepare(byte[] template, string sentinel)
    {
        using var stream = new MemoryStream(template.Length * 2);
        stream.Write(template);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, true, new OpenSettings { MaxCharactersInPart = Settings.MaxCharactersInPart, AutoSave = false });
        var parts = new List<PreparedPart>();
        var tags = new List<Tag>();
        uint maxDrawingId = 0;
        foreach (var (part, root, role) in FilledParts(doc))
        {
            foreach (var paragraph in root.Descendants<Paragraph>().ToList())
                Renderer.MarkFields(paragraph);
            foreach (var run in root.Descendants<Run>().Where(Renderer.IsMarker).ToList())
            {
                var text = run.GetFirstChild<Text>()!;
                tags.Add(Renderer.TagOf(run));
                text.Text = sentinel + tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
            }
            foreach (var d in root.Descendants<DW.DocProperties>())
                if (d.Id?.Value is uint v && v > maxDrawingId) maxDrawingId = v;
            parts.Add(new PreparedPart(part.Uri.OriginalString.TrimStart('/'), role, root.OuterXml));
        }
        return (parts, tags, maxDrawingId);
    }

    internal static DocxFacts Inspect(Stream package)
    {
        using var doc = WordprocessingDocument.Open(package, false, Settings);
        var parts = doc.GetAllParts().ToList();
        var external = doc.ExternalRelationships
            .Concat(parts.SelectMany(p => p.ExternalRelationships))
            .Select(r => r.Uri.OriginalString)
            .Concat(parts.SelectMany(p => p.HyperlinkRelationships)
                .Where(r => r.IsExternal && !IsWebLink(r.Uri))
                .Select(r => r.Uri.OriginalString))
            .Distinct()
            .ToList();
        var macros = doc.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate
            || parts.Any(p => p is VbaProjectPart or VbaDataPart || p.ContentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                || p.ContentType.Contains("vbaProject", StringComparison.OrdinalIgnoreCase));
        var altChunk = parts.Any(p => p is AlternativeFormatImportPart)
            || parts.Any(p => p.RootElement?.Descendants<AltChunk>().Any() == true);
        var embedded = parts.Any(p => p is EmbeddedObjectPart or EmbeddedControlPersistencePart or EmbeddedControlPersistenceBinaryDataPart);

        var texts = new List<TemplatePartText>();
        if (doc.MainDocumentPart is { } main)
        {
            if (main.Document?.Body is { } body) texts.Add(new("le corps du document", ParagraphTexts(body)));
            foreach (var header in main.HeaderParts)
                if (header.Header is { } h) texts.Add(new("l'en-tête", ParagraphTexts(h)));
            foreach (var footer in main.FooterParts)
                if (footer.Footer is { } f) texts.Add(new("le pied de page", ParagraphTexts(f)));
            if (main.FootnotesPart?.Footnotes is { } footnotes) texts.Add(new("les notes de bas de page", ParagraphTexts(footnotes)));
            if (main.EndnotesPart?.Endnotes is { } endnotes) texts.Add(new("les notes de fin", ParagraphTexts(endnotes)));
        }
        return new DocxFacts(doc.DocumentType == WordprocessingDocumentType.Document && doc.MainDocumentPart?.Document?.Body is not null,
            macros, external, altChunk, embedded, texts);
    }

    private static bool IsWebLink(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    private static List<string> ParagraphTexts(OpenXmlElement root) =>
        root.Descendants<Paragraph>().Select(p => Flatten(p).Text).ToList();

    // ---- reading a paragraph's text ----

    private readonly record struct Segment(Text Text, int Start);

    private static (string Text, List<Segment> Segments) Flatten(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        var segments = new List<Segment>();
        foreach (var run in OwnRuns(paragraph))
        {
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        segments.Add(new Segment(t, sb.Length));
                        sb.Append(t.Text);
                        break;
                    case RunProperties or LastRenderedPageBreak:
                        break;
                    default:
                        sb.Append(TemplateSyntax.Barrier);
                        break;
                }
            }
        }
        return (sb.ToString(), segments);
    }

    /// The runs of this paragraph, not those of a paragraph nested in it (a text box).
    private static IEnumerable<Run> OwnRuns(Paragraph paragraph)
    {
        var hasNested = paragraph.Descendants<Paragraph>().Any();
        return hasNested
            ? paragraph.Descendants<Run>().Where(r => r.Ancestors<Paragraph>().First() == paragraph)
            : paragraph.Descendants<Run>();
    }

    private sealed class Renderer(WordprocessingDocument doc, TemplateScope root)
    {
        private uint? nextDrawingId;
        private readonly Dictionary<(OpenXmlPart, TemplateImage), string> imageIds = [];

        public void Part(OpenXmlPart part, OpenXmlPartRootElement element)
        {
            foreach (var paragraph in element.Descendants<Paragraph>().ToList())
                MarkFields(paragraph);
            Expand([element], root, part);
            if (element is Header or Footer && !element.Elements<Paragraph>().Any() && !element.Elements<Table>().Any())
                element.Append(new Paragraph());
        }

        // ---- pass 1: fields become marker runs ----

        internal static void MarkFields(Paragraph paragraph)
        {
            var (text, segments) = Flatten(paragraph);
            if (!text.Contains("{{", StringComparison.Ordinal)) return;
            var matches = TemplateSyntax.Candidate().Matches(text);
            if (matches.Count == 0) return;
            var emptied = new List<Text>();
            // From the last field to the first: each edit keeps the text before it where it was.
            for (var k = matches.Count - 1; k >= 0; k--)
            {
                var match = matches[k];
                var start = match.Index;
                var end = match.Index + match.Length;
                var a = SegmentAt(segments, start);
                var b = SegmentAt(segments, end - 1);
                var first = segments[a];
                var offset = start - first.Start;
                if (a != b)
                {
                    first.Text.Text = first.Text.Text[..offset] + match.Value;
                    for (var i = a + 1; i < b; i++)
                    {
                        segments[i].Text.Text = "";
                        emptied.Add(segments[i].Text);
                    }
                    var last = segments[b];
                    last.Text.Text = last.Text.Text[(end - last.Start)..];
                    if (last.Text.Text.Length == 0) emptied.Add(last.Text);
                    else last.Text.Space = SpaceProcessingModeValues.Preserve;
                }
                if (TemplateSyntax.TryParse(match.Groups[1].Value, out var tag))
                    Isolate(first.Text, offset, match.Length, Mark + tag.Sigil + tag.Path);
            }
            foreach (var t in emptied)
            {
                if (t.Parent is not Run run) continue;
                t.Remove();
                if (run.ChildElements.All(c => c is RunProperties)) run.Remove();
            }
        }

        private static int SegmentAt(List<Segment> segments, int position)
        {
            for (var i = segments.Count - 1; i >= 0; i--)
                if (segments[i].Start <= position && position < segments[i].Start + segments[i].Text.Text.Length)
                    return i;
            throw new InvalidOperationException("Field outside the paragraph's text");
        }

        /// Moves the field at [offset, offset+length) of <paramref name="text"/> into a run of its own,
        /// with the formatting of the run it started in.
        private static void Isolate(Text text, int offset, int length, string marker)
        {
            var run = (Run)text.Parent!;
            var before = text.Text[..offset];
            var after = text.Text[(offset + length)..];
            var properties = run.RunProperties;
            var tagRun = new Run();
            if (properties is not null) tagRun.Append(properties.CloneNode(true));
            tagRun.Append(new Text(marker));

            var following = text.ElementsAfter().ToList();
            Run? afterRun = null;
            if (after.Length > 0 || following.Count > 0)
            {
                afterRun = new Run();
                if (properties is not null) afterRun.Append(properties.CloneNode(true));
                if (after.Length > 0) afterRun.Append(new Text(after) { Space = SpaceProcessingModeValues.Preserve });
                foreach (var f in following)
                {
                    f.Remove();
                    afterRun.Append(f);
                }
            }
            if (before.Length > 0)
            {
                text.Text = before;
                text.Space = SpaceProcessingModeValues.Preserve;
            }
            else
            {
                text.Remove();
            }
            run.InsertAfterSelf(tagRun);
            if (afterRun is not null) tagRun.InsertAfterSelf(afterRun);
            if (run.ChildElements.All(c => c is RunProperties)) run.Remove();
        }

        // ---- pass 2: markers are expanded ----

        internal static bool IsMarker(Run run) => run.GetFirstChild<Text>()?.Text is [Mark, ..];

        internal static Tag TagOf(Run marker)
        {
            TemplateSyntax.TryParse(marker.GetFirstChild<Text>()!.Text[1..], out var tag);
            return tag;
        }

        private static List<Run> Markers(IEnumerable<OpenXmlElement> roots)
        {
            var markers = new List<Run>();
            foreach (var r in roots)
            {
                if (r is Run run) { if (IsMarker(run)) markers.Add(run); }
                else markers.AddRange(r.Descendants<Run>().Where(IsMarker));
            }
            return markers;
        }

        private static bool IsAttached(OpenXmlElement element)
        {
            var e = element;
            while (e.Parent is not null) e = e.Parent;
            return e is OpenXmlPartRootElement;
        }

        private void Expand(IReadOnlyList<OpenXmlElement> roots, TemplateScope scope, OpenXmlPart part)
        {
            var markers = Markers(roots);
            for (var i = 0; i < markers.Count; i++)
            {
                var marker = markers[i];
                if (!IsAttached(marker)) continue; // went with a block already expanded
                var tag = TagOf(marker);
                switch (tag.Kind)
                {
                    case TagKind.Value:
                        SetText(marker, TemplateScope.Display(scope.Resolve(tag.Path)));
                        break;
                    case TagKind.Image:
                        SetImage(marker, scope.Resolve(tag.Path) as TemplateImage, part);
                        break;
                    case TagKind.Close:
                        marker.Remove();
                        break;
                    default:
                        var close = FindClose(markers, i, tag.Path);
                        if (close < 0)
                        {
                            marker.Remove();
                            break;
                        }
                        var items = tag.Kind == TagKind.ListOpen
                            ? scope.Items(tag.Path)
                            : scope.IsTrue(tag.Path) ? [scope] : [];
                        Repeat(marker, markers[close], items, part);
                        i = close;
                        break;
                }
            }
        }

        private static int FindClose(List<Run> markers, int open, string path)
        {
            var depth = 0;
            for (var j = open + 1; j < markers.Count; j++)
            {
                var tag = TagOf(markers[j]);
                if (tag.Opens) depth++;
                else if (tag.Kind == TagKind.Close)
                {
                    if (depth == 0) return tag.Path == path ? j : -1;
                    depth--;
                }
            }
            return -1;
        }

        private enum Unit { Inline, Row, Blocks }

        /// The elements a block repeats: the table row holding both tags of a list, runs inside one
        /// paragraph, or the paragraphs (rows, tables) from the opening tag's to the closing tag's.
        private static (OpenXmlElement Parent, OpenXmlElement First, OpenXmlElement Last, Unit Unit) RangeOf(Run open, Run close)
        {
            var openChain = new List<OpenXmlElement>();
            for (OpenXmlElement? e = open; e is not null; e = e.Parent) openChain.Add(e);
            OpenXmlElement closeChild = close;
            var lca = close.Parent!;
            while (!openChain.Contains(lca))
            {
                closeChild = lca;
                lca = lca.Parent!;
            }
            var openChild = openChain[openChain.IndexOf(lca) - 1];
            if (lca is Paragraph || lca.Ancestors<Paragraph>().Any())
            {
                // A list written on one line of a table cell repeats its row; elsewhere, its runs.
                if (TagOf(open).Kind == TagKind.ListOpen && lca.Ancestors<TableRow>().FirstOrDefault() is { } cellRow)
                    return (cellRow.Parent!, cellRow, cellRow, Unit.Row);
                return (lca, openChild, closeChild, Unit.Inline);
            }
            if (lca is TableRow row) return (row.Parent!, row, row, Unit.Row);
            return (lca, openChild, closeChild, Unit.Blocks);
        }

        private void Repeat(Run open, Run close, IReadOnlyList<TemplateScope> items, OpenXmlPart part)
        {
            var (parent, first, last, unit) = RangeOf(open, close);
            var original = new List<OpenXmlElement> { first };
            for (var e = first; e != last; e = e.NextSibling()!) original.Add(e.NextSibling()!);
            var inRange = Markers(original);
            var openIndex = inRange.IndexOf(open);
            var closeIndex = inRange.IndexOf(close);

            foreach (var item in items)
            {
                var clones = original.Select(e => e.CloneNode(true)).ToList();
                foreach (var c in clones) first.InsertBeforeSelf(c);
                var cloneMarkers = Markers(clones);
                var openParagraph = cloneMarkers[openIndex].Ancestors<Paragraph>().FirstOrDefault();
                var closeParagraph = cloneMarkers[closeIndex].Ancestors<Paragraph>().FirstOrDefault();
                cloneMarkers[openIndex].Remove();
                cloneMarkers[closeIndex].Remove();
                if (unit == Unit.Blocks)
                {
                    // A paragraph that held nothing but a block tag goes away with it.
                    if (clones[0] == openParagraph && IsBlank(openParagraph)) openParagraph.Remove();
                    if (clones[^1] == closeParagraph && IsBlank(closeParagraph)) closeParagraph.Remove();
                }
                Expand(clones.Where(c => c.Parent is not null).ToList(), item, part);
            }
            foreach (var e in original) e.Remove();
            Tidy(parent);
        }

        private static bool IsBlank(Paragraph paragraph) =>
            !paragraph.Descendants<Run>().Any(r => r.ChildElements.Any(c => c is not RunProperties));

        /// Keeps the document valid once a block's elements are gone: no table without rows,
        /// no cell without a closing paragraph.
        private static void Tidy(OpenXmlElement parent)
        {
            if (parent is Table table && !table.Elements<TableRow>().Any())
            {
                var container = table.Parent;
                table.Remove();
                if (container is not null) Tidy(container);
                return;
            }
            if (parent is TableCell cell && cell.ChildElements.LastOrDefault(e => e is Paragraph or Table or SdtBlock or CustomXmlBlock) is not Paragraph)
                cell.Append(new Paragraph());
        }

        private static void SetText(Run marker, string value)
        {
            var text = WordWriter.Clean(value);
            if (text.Length == 0)
            {
                marker.Remove();
                return;
            }
            marker.GetFirstChild<Text>()!.Remove();
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) marker.Append(new Break());
                if (lines[i].Length > 0) marker.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        private void SetImage(Run marker, TemplateImage? image, OpenXmlPart part)
        {
            if (image is null || !ImageInfo.TryRead(image.Content, out var info))
            {
                marker.Remove();
                return;
            }
            if (!imageIds.TryGetValue((part, image), out var relId))
            {
                var imagePart = part.AddNewPart<ImagePart>(info.ContentType);
                using (var data = new MemoryStream(image.Content, writable: false)) imagePart.FeedData(data);
                relId = part.GetIdOfPart(imagePart);
                imageIds[(part, image)] = relId;
            }
            var (cx, cy) = info.SizeEmu(image.WidthCm);
            var id = NextDrawingId();
            marker.GetFirstChild<Text>()!.Remove();
            marker.Append(new Drawing(
                new DW.Inline(
                    new DW.Extent { Cx = cx, Cy = cy },
                    new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                    new DW.DocProperties { Id = id, Name = $"Image {id}" },
                    new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                    new A.Graphic(new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"image{id}" },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
                { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U }));
        }

        private uint NextDrawingId()
        {
            if (nextDrawingId is null)
            {
                uint max = 0;
                foreach (var p in doc.GetAllParts())
                    if (p is MainDocumentPart or HeaderPart or FooterPart or FootnotesPart or EndnotesPart && p.RootElement is { } r)
                        foreach (var d in r.Descendants<DW.DocProperties>())
                            if (d.Id?.Value is uint v && v > max) max = v;
                nextDrawingId = max + 1;
            }
            return nextDrawingId++.Value;
        }
    }
}
