using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace Portal.Documents.Templates;

/// A template prepared once per content, then filled without the OpenXml DOM.
///
/// Preparing runs the DOM engine's first pass (<see cref="DocxTemplate.Prepare"/>: fields found
/// across runs and isolated in runs of their own), then resolves, once, what the DOM engine's
/// second pass decides for each document anyway: which elements a block repeats (a row, runs,
/// paragraphs), which blank paragraphs go with its tags. What is left is a short program per part:
/// XML written out ahead of time, values, pictures, blocks over a list or a condition, and the few
/// elements whose validity depends on the data (a table left without rows goes, a cell or a header
/// left without a paragraph gets one). Rendering walks it into a buffer; the package's other entries
/// are copied compressed as they are. A template whose shape this cannot reproduce exactly (a block
/// whose extent depends on the data) is filled by the DOM engine, as before.
internal sealed class CompiledTemplate
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const int CacheLimit = 64;
    private const long CacheBytesLimit = 256L * 1024 * 1024;
    private static readonly ConcurrentDictionary<string, CompiledTemplate?> Cache = new(StringComparer.Ordinal);
    private static long cachedBytes;

    private readonly byte[] package;
    private readonly List<ZipEntry> entries;
    private readonly Part[] parts;
    private readonly uint maxDrawingId;
    private readonly int contentTypesEntry;
    private readonly string contentTypes;
    private readonly HashSet<string> entryNames;

    /// The compiled form of this template, or null when it must go through the DOM engine.
    /// Kept by content, so a new version of a template is compiled again and an old one ages out.
    public static CompiledTemplate? For(byte[] template)
    {
        var key = Convert.ToHexString(SHA256.HashData(template));
        if (Cache.TryGetValue(key, out var known)) return known;
        CompiledTemplate? compiled;
        try
        {
            compiled = new CompiledTemplate(template.ToArray());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not compilable, or not readable at all: the DOM engine fills it or says why it cannot.
            compiled = null;
        }
        // A handful of templates are in use at a time: when far more have been seen, start again.
        var weight = compiled?.Weight ?? 0;
        if (Cache.Count >= CacheLimit || Interlocked.Add(ref cachedBytes, weight) > CacheBytesLimit)
        {
            Cache.Clear();
            Interlocked.Exchange(ref cachedBytes, weight);
        }
        Cache[key] = compiled;
        return compiled;
    }

    private sealed class NotCompilable(string why) : Exception(why);

    private CompiledTemplate(byte[] template)
    {
        package = template;
        entries = Zip.Read(template) ?? throw new NotCompilable("zip layout");
        entryNames = entries.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        contentTypesEntry = entries.FindIndex(e => e.Name == "[Content_Types].xml");
        if (contentTypesEntry < 0) throw new NotCompilable("no content types");
        contentTypes = Encoding.UTF8.GetString(Zip.Inflate(template, entries[contentTypesEntry]));

        var sentinel = "\uE000" + Guid.NewGuid().ToString("N") + ":";
        List<DocxTemplate.PreparedPart> prepared;
        List<Tag> tags;
        try
        {
            (prepared, tags, maxDrawingId) = DocxTemplate.Prepare(template, sentinel);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new NotCompilable("prepare: " + e.Message);
        }
        parts = new Part[prepared.Count];
        for (var i = 0; i < prepared.Count; i++)
        {
            var p = prepared[i];
            var entry = entries.FindIndex(e => string.Equals(e.Name, Uri.UnescapeDataString(p.Name), StringComparison.OrdinalIgnoreCase));
            if (entry < 0) throw new NotCompilable("part not found: " + p.Name);
            var tree = Tree.Parse(p.Xml, sentinel, tags);
            new Structure().Level([tree]);
            var ops = Freeze.Part(tree, p.Role);
            var folder = p.Name.Contains('/') ? p.Name[..p.Name.LastIndexOf('/')] : "";
            var relsName = (folder.Length > 0 ? folder + "/" : "") + "_rels/" + p.Name[(folder.Length > 0 ? folder.Length + 1 : 0)..] + ".rels";
            var rels = entries.FindIndex(e => string.Equals(e.Name, relsName, StringComparison.OrdinalIgnoreCase));
            byte[]? precompressed = null;
            uint crc = 0;
            if (ops is [Lit only])
            {
                crc = Crc32.Compute(only.Bytes);
                precompressed = Zip.Deflate(only.Bytes, CompressionLevel.Optimal);
            }
            parts[i] = new Part(entry, ops, folder, relsName, rels, rels >= 0 ? Encoding.UTF8.GetString(Zip.Inflate(template, entries[rels])) : null,
                precompressed, crc, Math.Max(4096, p.Xml.Length + p.Xml.Length / 4));
        }
    }

    /// What the compiled form keeps in memory: the package and the XML written ahead.
    private long Weight => package.Length + parts.Sum(p => (long)p.SizeHint + (p.Precompressed?.Length ?? 0));

    private sealed record Part(int Entry, Op[] Ops, string Folder, string RelsName, int RelsEntry, string? Rels, byte[]? Precompressed, uint Crc, int SizeHint);

    // ---- rendering ----

    public byte[] Render(TemplateModel model)
    {
        var scope = new TemplateScope(model, null);
        var context = new RenderContext(this);
        var outputs = new Output?[parts.Length];
        try
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Precompressed is not null) continue;
                var output = new Output(parts[i].SizeHint);
                outputs[i] = output;
                context.Part = i;
                var frame = default(Frame);
                Emit(parts[i].Ops, scope, ref frame, output, context);
            }
            return Write(outputs, context);
        }
        finally
        {
            foreach (var o in outputs) o?.Dispose();
        }
    }

    private byte[] Write(Output?[] outputs, RenderContext context)
    {
        var byEntry = new Dictionary<int, int>();
        for (var i = 0; i < parts.Length; i++) byEntry[parts[i].Entry] = i;
        var relsChanged = new Dictionary<int, string>();
        var newRels = new List<(string Name, string Xml)>();
        var contentTypesText = contentTypes;
        if (context.Images.Count > 0)
        {
            var types = new StringBuilder();
            foreach (var group in context.Images.GroupBy(i => i.Part))
            {
                var part = parts[group.Key];
                var sb = new StringBuilder();
                foreach (var image in group)
                {
                    sb.Append("<Relationship Id=\"").Append(image.RelationshipId)
                        .Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"")
                        .Append(image.Target).Append("\"/>");
                    types.Append("<Override PartName=\"/").Append(image.EntryName).Append("\" ContentType=\"").Append(image.ContentType).Append("\"/>");
                }
                if (part.Rels is { } rels)
                {
                    var end = rels.LastIndexOf("</", StringComparison.Ordinal);
                    if (end < 0) throw new InvalidDataException("relationships part without an end");
                    relsChanged[part.RelsEntry] = rels[..end] + sb + rels[end..];
                }
                else
                {
                    newRels.Add((part.RelsName, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sb + "</Relationships>"));
                }
            }
            var typesEnd = contentTypes.LastIndexOf("</", StringComparison.Ordinal);
            contentTypesText = contentTypes[..typesEnd] + types + contentTypes[typesEnd..];
        }

        var zip = new Zip.Writer(package.Length + package.Length / 2);
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            if (byEntry.TryGetValue(e, out var p))
            {
                if (outputs[p] is { } output) zip.Deflated(entry, output.Span);
                else zip.Precompressed(entry, parts[p].Precompressed!, parts[p].Crc, Size(p));
            }
            else if (relsChanged.TryGetValue(e, out var rels)) zip.Deflated(entry, Encoding.UTF8.GetBytes(rels));
            else if (e == contentTypesEntry && context.Images.Count > 0) zip.Deflated(entry, Encoding.UTF8.GetBytes(contentTypesText));
            else zip.Raw(entry, package);
        }
        var stamp = entries[parts[0].Entry];
        foreach (var image in context.Images) zip.Stored(image.EntryName, stamp, image.Image.Content);
        foreach (var (name, xml) in newRels) zip.Deflated(name, stamp, Encoding.UTF8.GetBytes(xml));
        return zip.Finish();
    }

    private int Size(int part) => ((Lit)parts[part].Ops[0]).Bytes.Length;

    private sealed record NewImage(int Part, TemplateImage Image, string RelationshipId, string Target, string EntryName, string ContentType);

    private sealed class RenderContext(CompiledTemplate template)
    {
        public int Part;
        public readonly List<NewImage> Images = [];
        private uint nextDrawingId = template.maxDrawingId + 1;
        private int counter;

        public uint NextDrawingId() => nextDrawingId++;

        public string RelationshipOf(TemplateImage image, ImageInfo info)
        {
            foreach (var known in Images)
                if (known.Part == Part && ReferenceEquals(known.Image, image)) return known.RelationshipId;
            var part = template.parts[Part];
            string id, target, name;
            var extension = info.ContentType == "image/png" ? "png" : "jpeg";
            do
            {
                counter++;
                id = "rIdPasserelle" + counter.ToString(CultureInfo.InvariantCulture);
                target = "media/passerelle-" + counter.ToString(CultureInfo.InvariantCulture) + "." + extension;
                name = (part.Folder.Length > 0 ? part.Folder + "/" : "") + target;
            }
            while (template.entryNames.Contains(name) || part.Rels?.Contains("\"" + id + "\"", StringComparison.Ordinal) == true);
            Images.Add(new NewImage(Part, image, id, target, name, info.ContentType));
            return id;
        }
    }

    /// What an element's children leave behind, for the rules that keep the document valid.
    private struct Frame
    {
        public int Rows;
        public bool HasParagraphOrTable;
        public BlockKind Last;
    }

    private enum BlockKind : byte { None, Paragraph, Table, Other }

    private enum Role : byte { Other, Paragraph, Table, Row, Cell, BlockLevel, HeaderOrFooter }

    private abstract class Op;

    /// XML written once at preparation, with what it holds at its own level.
    private sealed class Lit(byte[] bytes, int rows, bool hasParagraphOrTable, BlockKind last) : Op
    {
        public readonly byte[] Bytes = bytes;
        public readonly int Rows = rows;
        public readonly bool HasParagraphOrTable = hasParagraphOrTable;
        public readonly BlockKind Last = last;
    }

    private sealed class Elem(byte[] open, byte[] close, Role role, byte[] emptyParagraph, Op[] children) : Op
    {
        public readonly byte[] Open = open;
        public readonly byte[] Close = close;
        public readonly Role Role = role;
        public readonly byte[] EmptyParagraph = emptyParagraph;
        public readonly Op[] Children = children;
    }

    private sealed class Val(string path, Prefixed w) : Op
    {
        public readonly string Path = path;
        public readonly Prefixed W = w;
    }

    private sealed class Img(string path, Prefixed w) : Op
    {
        public readonly string Path = path;
        public readonly Prefixed W = w;
    }

    private sealed class Blk(bool isList, string path, Op[] children) : Op
    {
        public readonly bool IsList = isList;
        public readonly string Path = path;
        public readonly Op[] Children = children;
    }

    /// The bits of WordprocessingML a value is written with, in the prefix its part uses.
    private sealed class Prefixed(string prefix, string runProperties)
    {
        public readonly string Prefix = prefix;
        public readonly byte[] RunOpen = Encoding.UTF8.GetBytes("<" + prefix + "r>" + runProperties);
        public readonly byte[] RunClose = Encoding.UTF8.GetBytes("</" + prefix + "r>");
        public readonly byte[] TextOpen = Encoding.UTF8.GetBytes("<" + prefix + "t xml:space=\"preserve\">");
        public readonly byte[] TextClose = Encoding.UTF8.GetBytes("</" + prefix + "t>");
        public readonly byte[] Break = Encoding.UTF8.GetBytes("<" + prefix + "br/>");
    }

    private static void Emit(Op[] ops, TemplateScope scope, ref Frame frame, Output output, RenderContext context)
    {
        foreach (var op in ops)
        {
            switch (op)
            {
                case Lit lit:
                    output.Write(lit.Bytes);
                    frame.Rows += lit.Rows;
                    if (lit.HasParagraphOrTable) frame.HasParagraphOrTable = true;
                    if (lit.Last != BlockKind.None) frame.Last = lit.Last;
                    break;
                case Val val:
                    WriteValue(val, scope, output);
                    break;
                case Blk block:
                    if (block.IsList)
                    {
                        foreach (var item in scope.Items(block.Path))
                            Emit(block.Children, item, ref frame, output, context);
                    }
                    else if (scope.IsTrue(block.Path))
                    {
                        Emit(block.Children, scope, ref frame, output, context);
                    }
                    break;
                case Elem elem:
                    var start = output.Length;
                    output.Write(elem.Open);
                    var inner = default(Frame);
                    Emit(elem.Children, scope, ref inner, output, context);
                    switch (elem.Role)
                    {
                        case Role.Table when inner.Rows == 0:
                            output.Length = start; // a table left without rows goes
                            continue;
                        case Role.Cell when inner.Last != BlockKind.Paragraph:
                        case Role.HeaderOrFooter when !inner.HasParagraphOrTable:
                            output.Write(elem.EmptyParagraph);
                            break;
                    }
                    output.Write(elem.Close);
                    Count(elem.Role, ref frame);
                    break;
                case Img img:
                    WriteImage(img, scope, output, context);
                    break;
            }
        }
    }

    private static void Count(Role role, ref Frame frame)
    {
        switch (role)
        {
            case Role.Row:
                frame.Rows++;
                break;
            case Role.Paragraph:
                frame.HasParagraphOrTable = true;
                frame.Last = BlockKind.Paragraph;
                break;
            case Role.Table:
                frame.HasParagraphOrTable = true;
                frame.Last = BlockKind.Table;
                break;
            case Role.BlockLevel:
                frame.Last = BlockKind.Other;
                break;
        }
    }

    private static void WriteValue(Val val, TemplateScope scope, Output output)
    {
        var text = WordWriter.Clean(TemplateScope.Display(scope.Resolve(val.Path)));
        if (text.Length == 0) return;
        output.Write(val.W.RunOpen);
        var rest = text.AsSpan();
        var first = true;
        while (true)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            if (!first) output.Write(val.W.Break);
            first = false;
            if (line.Length > 0)
            {
                output.Write(val.W.TextOpen);
                output.WriteEscaped(line);
                output.Write(val.W.TextClose);
            }
            if (end < 0) break;
            rest = rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
        }
        output.Write(val.W.RunClose);
    }

    private static void WriteImage(Img img, TemplateScope scope, Output output, RenderContext context)
    {
        if (scope.Resolve(img.Path) is not TemplateImage image || !ImageInfo.TryRead(image.Content, out var info)) return;
        var relationship = context.RelationshipOf(image, info);
        var (width, height) = info.SizeEmu(image.WidthCm);
        var cx = width.ToString(CultureInfo.InvariantCulture);
        var cy = height.ToString(CultureInfo.InvariantCulture);
        var id = context.NextDrawingId().ToString(CultureInfo.InvariantCulture);
        var w = img.W.Prefix;
        var xml =
            $"<{w}drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">" +
            $"<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"Image {id}\"/>" +
            "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"/></wp:cNvGraphicFramePr>" +
            "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">" +
            $"<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"image{id}\"/><pic:cNvPicPr/></pic:nvPicPr>" +
            $"<pic:blipFill><a:blip r:embed=\"{relationship}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>" +
            $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>" +
            $"</a:graphicData></a:graphic></wp:inline></{w}drawing>";
        output.Write(img.W.RunOpen);
        output.Write(Encoding.UTF8.GetBytes(xml));
        output.Write(img.W.RunClose);
    }

    // ---- the part as a tree, during preparation only ----

    private enum NodeKind { Element, Raw, Marker, Block }

    private sealed class Node
    {
        public NodeKind Kind;
        public Node? Parent;
        public List<Node> Children = [];
        public string Local = "", Ns = "", QName = "", Attributes = "", Raw = "";
        public Tag Tag;
        public string RunProperties = "";
        public bool IsList;

        public bool Is(string local) => Kind == NodeKind.Element && Local == local && Ns == W;

        public string Prefix => QName.IndexOf(':') is var i and > 0 ? QName[..(i + 1)] : "";

        public void Remove()
        {
            Parent?.Children.Remove(this);
            Parent = null;
        }

        public void Serialize(StringBuilder sb)
        {
            switch (Kind)
            {
                case NodeKind.Raw:
                    sb.Append(Raw);
                    break;
                case NodeKind.Element:
                    sb.Append('<').Append(QName).Append(Attributes);
                    if (Children.Count == 0)
                    {
                        sb.Append("/>");
                        break;
                    }
                    sb.Append('>');
                    foreach (var c in Children) c.Serialize(sb);
                    sb.Append("</").Append(QName).Append('>');
                    break;
                default:
                    throw new NotCompilable("serializing a field");
            }
        }

        public bool IsDynamic()
        {
            if (Kind is NodeKind.Marker or NodeKind.Block) return true;
            foreach (var c in Children)
                if (c.IsDynamic()) return true;
            return false;
        }
    }

    private static class Tree
    {
        public static Node Parse(string xml, string sentinel, List<Tag> tags)
        {
            var document = new Node { Kind = NodeKind.Element, QName = "#document" };
            var current = document;
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var sb = new StringBuilder();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var e = new Node { Kind = NodeKind.Element, Local = reader.LocalName, Ns = reader.NamespaceURI, QName = reader.Name, Parent = current };
                        var empty = reader.IsEmptyElement;
                        if (reader.HasAttributes)
                        {
                            sb.Clear();
                            while (reader.MoveToNextAttribute())
                                sb.Append(' ').Append(reader.Name).Append("=\"").Append(Escape(reader.Value, attribute: true)).Append('"');
                            reader.MoveToElement();
                            e.Attributes = sb.ToString();
                        }
                        current.Children.Add(e);
                        if (empty) Close(e, sentinel, tags);
                        else current = e;
                        break;
                    case XmlNodeType.EndElement:
                        Close(current, sentinel, tags);
                        current = current.Parent!;
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        current.Children.Add(new Node { Kind = NodeKind.Raw, Raw = Escape(reader.Value, attribute: false), Parent = current });
                        break;
                    case XmlNodeType.CDATA:
                        current.Children.Add(new Node { Kind = NodeKind.Raw, Raw = "<![CDATA[" + reader.Value + "]]>", Parent = current });
                        break;
                    case XmlNodeType.Comment:
                        current.Children.Add(new Node { Kind = NodeKind.Raw, Raw = "<!--" + reader.Value + "-->", Parent = current });
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        current.Children.Add(new Node { Kind = NodeKind.Raw, Raw = "<?" + reader.Name + " " + reader.Value + "?>", Parent = current });
                        break;
                    case XmlNodeType.XmlDeclaration:
                        break;
                    default:
                        throw new NotCompilable("XML node " + reader.NodeType);
                }
            }
            if (document.Children.Count(c => c.Kind == NodeKind.Element) != 1) throw new NotCompilable("no single root");
            return document;
        }

        /// A run whose text is the sentinel is a field: it becomes a marker with the run's formatting.
        private static void Close(Node run, string sentinel, List<Tag> tags)
        {
            if (!run.Is("r")) return;
            var text = run.Children.FirstOrDefault(c => c.Is("t"));
            if (text is null) return;
            var value = string.Concat(text.Children.Where(c => c.Kind == NodeKind.Raw).Select(c => c.Raw));
            if (!value.StartsWith(sentinel, StringComparison.Ordinal)) return;
            var index = int.Parse(value.AsSpan(sentinel.Length, value.Length - sentinel.Length - 1), CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            run.Children.FirstOrDefault(c => c.Is("rPr"))?.Serialize(sb);
            if (run.Children.Any(c => c.Kind == NodeKind.Element && !c.Is("rPr") && !c.Is("t"))) throw new NotCompilable("marker run with more");
            run.Kind = NodeKind.Marker;
            run.Tag = tags[index - 1];
            run.RunProperties = sb.ToString();
            run.Children = [];
        }

        public static string Escape(string s, bool attribute)
        {
            if (s.AsSpan().IndexOfAny(attribute ? "&<>\"\r\n\t" : "&<>\r") < 0) return s;
            var sb = new StringBuilder(s.Length + 16);
            foreach (var c in s)
            {
                sb.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' when attribute => "&quot;",
                    '\r' => "&#xD;",
                    '\n' when attribute => "&#xA;",
                    '\t' when attribute => "&#x9;",
                    _ => null,
                } ?? c.ToString());
            }
            return sb.ToString();
        }
    }

    /// The DOM engine's second pass, decided once: blocks are paired and their ranges wrapped in
    /// block nodes, exactly as <c>DocxTemplate.Renderer.Expand</c> and <c>Repeat</c> choose them.
    private sealed class Structure
    {
        private readonly HashSet<Node> done = [];

        private enum Unit { Inline, Row, Blocks }

        public void Level(List<Node> roots)
        {
            var markers = new List<Node>();
            foreach (var r in roots) Collect(r, markers);
            for (var i = 0; i < markers.Count; i++)
            {
                var marker = markers[i];
                if (!done.Add(marker)) continue; // went with a block already made
                switch (marker.Tag.Kind)
                {
                    case TagKind.Value or TagKind.Image:
                        break;
                    case TagKind.Close:
                        marker.Remove();
                        break;
                    default:
                        var close = FindClose(markers, i, marker.Tag.Path);
                        if (close < 0)
                        {
                            marker.Remove();
                            break;
                        }
                        MakeBlock(marker, markers[close]);
                        i = close;
                        break;
                }
            }
        }

        private static void Collect(Node node, List<Node> markers)
        {
            switch (node.Kind)
            {
                case NodeKind.Marker:
                    markers.Add(node);
                    break;
                case NodeKind.Element:
                    foreach (var c in node.Children) Collect(c, markers);
                    break;
            }
        }

        private static int FindClose(List<Node> markers, int open, string path)
        {
            var depth = 0;
            for (var j = open + 1; j < markers.Count; j++)
            {
                var tag = markers[j].Tag;
                if (tag.Opens) depth++;
                else if (tag.Kind == TagKind.Close)
                {
                    if (depth == 0) return tag.Path == path ? j : -1;
                    depth--;
                }
            }
            return -1;
        }

        private void MakeBlock(Node open, Node close)
        {
            var (parent, first, last, unit) = RangeOf(open, close);
            var a = parent.Children.IndexOf(first);
            var b = parent.Children.IndexOf(last);
            if (a < 0 || b < a) throw new NotCompilable("range");
            var block = new Node { Kind = NodeKind.Block, IsList = open.Tag.Kind == TagKind.ListOpen, Tag = open.Tag, Parent = parent, Children = parent.Children.GetRange(a, b - a + 1) };
            foreach (var c in block.Children) c.Parent = block;
            parent.Children.RemoveRange(a, b - a + 1);
            parent.Children.Insert(a, block);

            var openParagraph = NearestParagraph(open);
            var closeParagraph = NearestParagraph(close);
            var firstNode = block.Children[0];
            var lastNode = block.Children[^1];
            open.Remove();
            close.Remove();
            done.Add(close);
            if (unit == Unit.Blocks)
            {
                // A paragraph that held nothing but a block tag goes away with it.
                if (firstNode == openParagraph && IsBlank(openParagraph)) openParagraph.Remove();
                if (lastNode == closeParagraph && IsBlank(closeParagraph)) closeParagraph.Remove();
            }
            Level([.. block.Children]);
        }

        private static Node? NearestParagraph(Node node)
        {
            for (var n = node.Parent; n is not null; n = n.Parent)
                if (n.Is("p")) return n;
            return null;
        }

        /// No run with content. A field already filled or a block already made before this one could
        /// leave the paragraph blank or not depending on the data: such a template stays on the DOM engine.
        private bool IsBlank(Node paragraph)
        {
            foreach (var c in paragraph.Children)
            {
                switch (c.Kind)
                {
                    case NodeKind.Block:
                        throw new NotCompilable("blank depends on data");
                    case NodeKind.Marker when done.Contains(c):
                        throw new NotCompilable("blank depends on data");
                    case NodeKind.Marker:
                        return false;
                    case NodeKind.Element when c.Is("r") && c.Children.Any(x => x.Kind != NodeKind.Raw && !x.Is("rPr")):
                        return false;
                    case NodeKind.Element when !IsBlank(c):
                        return false;
                }
            }
            return true;
        }

        private static (Node Parent, Node First, Node Last, Unit Unit) RangeOf(Node open, Node close)
        {
            var openChain = new List<Node>();
            for (var e = open; e is not null; e = e.Parent) openChain.Add(e);
            var closeChild = close;
            var lca = close.Parent ?? throw new NotCompilable("detached");
            while (!openChain.Contains(lca))
            {
                closeChild = lca;
                lca = lca.Parent ?? throw new NotCompilable("no common ancestor");
            }
            var openChild = openChain[openChain.IndexOf(lca) - 1];
            var effective = lca;
            while (effective.Kind == NodeKind.Block) effective = effective.Parent!;
            var inParagraph = false;
            for (var n = effective; n is not null; n = n.Parent)
                if (n.Is("p")) { inParagraph = true; break; }
            if (inParagraph)
            {
                // A list written on one line of a table cell repeats its row; elsewhere, its runs.
                if (open.Tag.Kind == TagKind.ListOpen)
                {
                    var crossed = false;
                    for (var n = lca; n is not null; n = n.Parent)
                    {
                        if (n.Kind == NodeKind.Block) crossed = true;
                        if (n.Is("tr"))
                        {
                            if (crossed) throw new NotCompilable("row outside the block");
                            return (n.Parent!, n, n, Unit.Row);
                        }
                    }
                }
                return (lca, openChild, closeChild, Unit.Inline);
            }
            if (effective.Is("tr"))
            {
                if (lca.Kind == NodeKind.Block) throw new NotCompilable("block of cells");
                return (lca.Parent!, lca, lca, Unit.Row);
            }
            return (lca, openChild, closeChild, Unit.Blocks);
        }
    }

    /// Turns the tree into the program <see cref="Emit"/> runs: what has no field becomes bytes.
    private static class Freeze
    {
        public static Op[] Part(Node document, DocxTemplate.PartRole role)
        {
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
            var ops = new List<Op>();
            var pending = new Pending();
            pending.Text.Append(sb);
            Children(document, ops, pending, role);
            pending.Flush(ops);
            return [.. ops];
        }

        private sealed class Pending
        {
            public readonly StringBuilder Text = new();
            public int Rows;
            public bool HasParagraphOrTable;
            public BlockKind Last;

            public void Flush(List<Op> ops)
            {
                if (Text.Length == 0) return;
                ops.Add(new Lit(Encoding.UTF8.GetBytes(Text.ToString()), Rows, HasParagraphOrTable, Last));
                Text.Clear();
                Rows = 0;
                HasParagraphOrTable = false;
                Last = BlockKind.None;
            }
        }

        private static void Children(Node parent, List<Op> ops, Pending pending, DocxTemplate.PartRole partRole)
        {
            foreach (var c in parent.Children)
            {
                if (!c.IsDynamic())
                {
                    c.Serialize(pending.Text);
                    switch (RoleOf(c, partRole))
                    {
                        case Role.Row: pending.Rows++; break;
                        case Role.Paragraph: pending.HasParagraphOrTable = true; pending.Last = BlockKind.Paragraph; break;
                        case Role.Table: pending.HasParagraphOrTable = true; pending.Last = BlockKind.Table; break;
                        case Role.BlockLevel: pending.Last = BlockKind.Other; break;
                    }
                    continue;
                }
                pending.Flush(ops);
                switch (c.Kind)
                {
                    case NodeKind.Marker when c.Tag.Kind == TagKind.Value:
                        ops.Add(new Val(c.Tag.Path, new Prefixed(c.Prefix, c.RunProperties)));
                        break;
                    case NodeKind.Marker when c.Tag.Kind == TagKind.Image:
                        ops.Add(new Img(c.Tag.Path, new Prefixed(c.Prefix, c.RunProperties)));
                        break;
                    case NodeKind.Block:
                        var inner = new List<Op>();
                        var innerPending = new Pending();
                        Children(c, inner, innerPending, partRole);
                        innerPending.Flush(inner);
                        ops.Add(new Blk(c.IsList, c.Tag.Path, [.. inner]));
                        break;
                    case NodeKind.Element:
                        var children = new List<Op>();
                        var childPending = new Pending();
                        Children(c, children, childPending, partRole);
                        childPending.Flush(children);
                        var sb = new StringBuilder().Append('<').Append(c.QName).Append(c.Attributes).Append('>');
                        ops.Add(new Elem(Encoding.UTF8.GetBytes(sb.ToString()), Encoding.UTF8.GetBytes("</" + c.QName + ">"), RoleOf(c, partRole),
                            Encoding.UTF8.GetBytes("<" + c.Prefix + "p/>"), [.. children]));
                        break;
                    default:
                        throw new NotCompilable("unexpected field");
                }
            }
        }

        private static Role RoleOf(Node n, DocxTemplate.PartRole partRole)
        {
            if (n.Kind != NodeKind.Element || n.Ns != W) return Role.Other;
            return n.Local switch
            {
                "p" => Role.Paragraph,
                "tbl" => Role.Table,
                "tr" => Role.Row,
                "tc" => Role.Cell,
                "sdt" or "customXml" => Role.BlockLevel,
                "hdr" or "ftr" when partRole == DocxTemplate.PartRole.HeaderOrFooter && n.Parent?.QName == "#document" => Role.HeaderOrFooter,
                _ => Role.Other,
            };
        }
    }

    // ---- buffers, zip, crc ----

    /// A growing byte buffer from the shared pool.
    private sealed class Output(int capacity) : IDisposable
    {
        private byte[] data = ArrayPool<byte>.Shared.Rent(capacity);
        public int Length;

        public ReadOnlySpan<byte> Span => data.AsSpan(0, Length);

        public void Write(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(data.AsSpan(Length));
            Length += bytes.Length;
        }

        public void WriteEscaped(ReadOnlySpan<char> text)
        {
            while (text.Length > 0)
            {
                var special = text.IndexOfAny('&', '<', '>');
                var plain = special < 0 ? text : text[..special];
                if (plain.Length > 0)
                {
                    Ensure(Encoding.UTF8.GetMaxByteCount(plain.Length));
                    Length += Encoding.UTF8.GetBytes(plain, data.AsSpan(Length));
                }
                if (special < 0) break;
                Write(text[special] switch { '&' => "&amp;"u8, '<' => "&lt;"u8, _ => "&gt;"u8 });
                text = text[(special + 1)..];
            }
        }

        private void Ensure(int more)
        {
            if (Length + more <= data.Length) return;
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(data.Length * 2, Length + more));
            data.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(data);
            data = bigger;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(data);
            data = [];
        }
    }

    private sealed record ZipEntry(string Name, byte[] NameBytes, ushort Flags, ushort Method, ushort Time, ushort Date, uint Crc, int CompressedSize, int Size, int DataOffset);

    private static class Zip
    {
        public static List<ZipEntry>? Read(byte[] z)
        {
            var end = -1;
            for (var i = z.Length - 22; i >= Math.Max(0, z.Length - 22 - 65_535); i--)
                if (BinaryPrimitives.ReadUInt32LittleEndian(z.AsSpan(i)) == 0x06054b50) { end = i; break; }
            if (end < 0) return null;
            var span = z.AsSpan();
            var count = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
            if (BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 4)..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 6)..]) != 0
                || BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 8)..]) != count || count == 0xFFFF) return null;
            var p = (long)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
            var list = new List<ZipEntry>(count);
            for (var k = 0; k < count; k++)
            {
                if (p + 46 > z.Length || BinaryPrimitives.ReadUInt32LittleEndian(span[(int)p..]) != 0x02014b50) return null;
                var c = span[(int)p..];
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(c[8..]);
                var method = BinaryPrimitives.ReadUInt16LittleEndian(c[10..]);
                var compressed = BinaryPrimitives.ReadUInt32LittleEndian(c[20..]);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(c[24..]);
                int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(c[28..]);
                int extra = BinaryPrimitives.ReadUInt16LittleEndian(c[30..]);
                int comment = BinaryPrimitives.ReadUInt16LittleEndian(c[32..]);
                var local = BinaryPrimitives.ReadUInt32LittleEndian(c[42..]);
                if ((flags & 1) != 0 || method is not (0 or 8) || compressed >= int.MaxValue || size >= int.MaxValue || local >= int.MaxValue) return null;
                if (p + 46 + nameLength > z.Length) return null;
                var nameBytes = c.Slice(46, nameLength).ToArray();
                if (local + 30 > z.Length || BinaryPrimitives.ReadUInt32LittleEndian(span[(int)local..]) != 0x04034b50) return null;
                var data = (long)local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(span[((int)local + 26)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[((int)local + 28)..]);
                if (data + compressed > z.Length) return null;
                list.Add(new ZipEntry(Encoding.UTF8.GetString(nameBytes), nameBytes, flags, method,
                    BinaryPrimitives.ReadUInt16LittleEndian(c[12..]), BinaryPrimitives.ReadUInt16LittleEndian(c[14..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(c[16..]), (int)compressed, (int)size, (int)data));
                p += 46 + nameLength + extra + comment;
            }
            return list;
        }

        public static byte[] Inflate(byte[] z, ZipEntry e)
        {
            if (e.Method == 0) return z.AsSpan(e.DataOffset, e.CompressedSize).ToArray();
            using var inflater = new DeflateStream(new MemoryStream(z, e.DataOffset, e.CompressedSize, writable: false), CompressionMode.Decompress);
            using var result = new MemoryStream(e.Size);
            inflater.CopyTo(result);
            return result.ToArray();
        }

        public static byte[] Deflate(ReadOnlySpan<byte> data, CompressionLevel level)
        {
            using var result = new MemoryStream();
            using (var deflater = new DeflateStream(result, level, leaveOpen: true)) deflater.Write(data);
            return result.ToArray();
        }

        public sealed class Writer(int capacity)
        {
            private readonly MemoryStream stream = new(capacity);
            private readonly List<(byte[] Name, ushort Flags, ushort Method, ushort Time, ushort Date, uint Crc, int Compressed, int Size, int Offset)> central = [];

            public void Raw(ZipEntry e, byte[] package)
            {
                var offset = Header(e.NameBytes, e.Flags, e.Method, e.Time, e.Date, e.Crc, e.CompressedSize, e.Size);
                stream.Write(package, e.DataOffset, e.CompressedSize);
                central.Add((e.NameBytes, Clean(e.Flags), e.Method, e.Time, e.Date, e.Crc, e.CompressedSize, e.Size, offset));
            }

            public void Precompressed(ZipEntry e, byte[] deflated, uint crc, int size)
            {
                var offset = Header(e.NameBytes, e.Flags, 8, e.Time, e.Date, crc, deflated.Length, size);
                stream.Write(deflated);
                central.Add((e.NameBytes, Clean(e.Flags), 8, e.Time, e.Date, crc, deflated.Length, size, offset));
            }

            public void Deflated(ZipEntry e, ReadOnlySpan<byte> data) => Deflated(e.NameBytes, e.Flags, e.Time, e.Date, data);

            public void Deflated(string name, ZipEntry stamp, ReadOnlySpan<byte> data) => Deflated(Encoding.UTF8.GetBytes(name), 0, stamp.Time, stamp.Date, data);

            public void Stored(string name, ZipEntry stamp, byte[] data)
            {
                var nameBytes = Encoding.UTF8.GetBytes(name);
                var crc = Crc32.Compute(data);
                var offset = Header(nameBytes, 0, 0, stamp.Time, stamp.Date, crc, data.Length, data.Length);
                stream.Write(data);
                central.Add((nameBytes, 0, 0, stamp.Time, stamp.Date, crc, data.Length, data.Length, offset));
            }

            private void Deflated(byte[] name, ushort flags, ushort time, ushort date, ReadOnlySpan<byte> data)
            {
                var crc = Crc32.Compute(data);
                var offset = Header(name, flags, 8, time, date, crc, 0, data.Length);
                var start = stream.Position;
                using (var deflater = new DeflateStream(stream, CompressionLevel.Fastest, leaveOpen: true)) deflater.Write(data);
                var compressed = (int)(stream.Position - start);
                var back = stream.Position;
                stream.Position = offset + 18;
                Span<byte> size = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(size, compressed);
                stream.Write(size);
                stream.Position = back;
                central.Add((name, Clean(flags), 8, time, date, crc, compressed, data.Length, offset));
            }

            // No data descriptor after the data: the sizes are in the header.
            private static ushort Clean(ushort flags) => (ushort)(flags & 0x0800);

            private int Header(byte[] name, ushort flags, ushort method, ushort time, ushort date, uint crc, int compressed, int size)
            {
                var offset = (int)stream.Position;
                Span<byte> h = stackalloc byte[30];
                BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
                BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 20);
                BinaryPrimitives.WriteUInt16LittleEndian(h[6..], Clean(flags));
                BinaryPrimitives.WriteUInt16LittleEndian(h[8..], method);
                BinaryPrimitives.WriteUInt16LittleEndian(h[10..], time);
                BinaryPrimitives.WriteUInt16LittleEndian(h[12..], date);
                BinaryPrimitives.WriteUInt32LittleEndian(h[14..], crc);
                BinaryPrimitives.WriteInt32LittleEndian(h[18..], compressed);
                BinaryPrimitives.WriteInt32LittleEndian(h[22..], size);
                BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)name.Length);
                BinaryPrimitives.WriteUInt16LittleEndian(h[28..], 0);
                stream.Write(h);
                stream.Write(name);
                return offset;
            }

            public byte[] Finish()
            {
                var start = (int)stream.Position;
                Span<byte> h = stackalloc byte[46];
                foreach (var e in central)
                {
                    h.Clear();
                    BinaryPrimitives.WriteUInt32LittleEndian(h, 0x02014b50);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 20);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 20);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[8..], e.Flags);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[10..], e.Method);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[12..], e.Time);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[14..], e.Date);
                    BinaryPrimitives.WriteUInt32LittleEndian(h[16..], e.Crc);
                    BinaryPrimitives.WriteInt32LittleEndian(h[20..], e.Compressed);
                    BinaryPrimitives.WriteInt32LittleEndian(h[24..], e.Size);
                    BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)e.Name.Length);
                    BinaryPrimitives.WriteInt32LittleEndian(h[42..], e.Offset);
                    stream.Write(h);
                    stream.Write(e.Name);
                }
                var size = (int)stream.Position - start;
                Span<byte> end = stackalloc byte[22];
                end.Clear();
                BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
                BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)central.Count);
                BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)central.Count);
                BinaryPrimitives.WriteInt32LittleEndian(end[12..], size);
                BinaryPrimitives.WriteInt32LittleEndian(end[16..], start);
                stream.Write(end);
                return stream.ToArray();
            }
        }
    }

    private static class Crc32
    {
        public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
    }
}
