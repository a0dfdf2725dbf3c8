using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Documents.Templates;
using Portal.Documents.Templates.Defaults;
using Portal.Domain.Formatting;

namespace DocumentsBench;

/// `corpus [seconds]`: every template of the corpus (<see cref="Corpus"/>, LibreOffice's copies, the
/// project's defaults) rendered by Passerelle and by docxtemplater on the same data, one thread each.
internal static partial class CorpusBench
{
    private sealed record Entry(string Name, string Description, byte[] Ours, byte[] Theirs, TemplateModel Model);

    public static void Run(string here, double seconds, string? only, bool withDocxtemplater, bool dom)
    {
        // `--dom`: the engine as it was before templates were compiled (the OpenXml DOM at every render), for before/after figures.
        var render = dom
            ? typeof(DocxTemplate).GetMethod("RenderWithDom", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.CreateDelegate<Func<byte[], TemplateModel, byte[]>>()
            : DocxTemplate.Render;
        if (dom) Console.WriteLine("Passerelle's DOM engine (the engine before compiled templates):");
        var folder = Path.Combine(here, "corpus");
        Directory.CreateDirectory(folder);
        var work = Directory.CreateTempSubdirectory("passerelle-corpus-").FullName;
        var entries = Entries(folder, work).Where(e => only is null || e.Name.Contains(only, StringComparison.Ordinal)).ToList();
        var node = Path.Combine(here, "docxtemplater");
        var hasNode = withDocxtemplater && Directory.Exists(Path.Combine(node, "node_modules", "docxtemplater"));
        if (withDocxtemplater && !hasNode) Console.WriteLine($"docxtemplater: not installed; run `npm ci --prefix {Path.GetRelativePath(Environment.CurrentDirectory, node)}` for the comparison.");

        Console.WriteLine($"Corpus: {entries.Count} templates in {folder}; outputs and data in {work}");
        Console.WriteLine($"Each side renders for about {seconds:N1} s per round after warm-up, best of 3 rounds, one thread (docs/s = per core).");
        Console.WriteLine();
        var header = $"| {"template",-34} | {"KB",5} | {"Passerelle docs/s",17} | {"docxtemplater docs/s",20} | {"ratio",7} | {"ms/doc",7} | {"allocated/doc",13} | {"same text",9} |";
        Console.WriteLine(header);
        Console.WriteLine("|" + string.Concat(header.Split('|')[1..^1].Select(c => new string('-', c.Length - 1) + ":|")));
        foreach (var e in entries)
        {
            var output = render(e.Ours, e.Model);
            File.WriteAllBytes(Path.Combine(work, e.Name + ".out.docx"), output);
            var leftovers = Leftovers(output);
            var (rate, allocated) = Measure(() => render(e.Ours, e.Model), seconds);
            string theirs = "—", ratio = "—", same = "—";
            if (hasNode)
            {
                var template = Path.Combine(work, e.Name + ".docxtemplater.docx");
                File.WriteAllBytes(template, e.Theirs);
                var data = Path.Combine(work, e.Name + ".json");
                File.WriteAllText(data, JsonSerializer.Serialize(Plain(e.Model)));
                // docxtemplater is many times slower: a round of about the same length is a fraction of ours.
                var count = Math.Clamp((int)(rate / 20 * seconds), 20, 300);
                var theirOutput = Path.Combine(work, e.Name + ".docxtemplater.out.docx");
                var their = Docxtemplater(node, template, data, count, theirOutput);
                if (their is { } r)
                {
                    same = Text(output).SequenceEqual(Text(File.ReadAllBytes(theirOutput))) ? "yes" : "NO";
                    theirs = r.ToString("N1", CultureInfo.InvariantCulture);
                    ratio = (rate / r).ToString("N2", CultureInfo.InvariantCulture) + "×";
                }
                else theirs = "failed";
            }
            Console.WriteLine($"| {e.Name,-34} | {e.Ours.Length / 1024.0,5:N0} | {rate,17:N1} | {theirs,20} | {ratio,7} | {1000 / rate,7:N2} | {allocated / 1024,10:N0} KB | {same,9} |" +
                (leftovers > 0 ? $" {leftovers} fields left unfilled!" : ""));
        }
        Console.WriteLine();
        foreach (var e in entries.Where(e => e.Name.Contains("20p", StringComparison.Ordinal)))
        {
            // One report on its own, as a job renders it: median of 21 single renders.
            var times = new List<double>();
            for (var i = 0; i < 21; i++)
            {
                var clock = Stopwatch.StartNew();
                render(e.Ours, e.Model);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"20-page report {e.Name}: {times[10]:N1} ms (median of 21 single renders, fastest {times[0]:N1} ms)");
        }
    }

    private static IEnumerable<Entry> Entries(string folder, string work)
    {
        var model = Corpus.Model();
        var generated = Corpus.Generated();
        foreach (var t in generated)
        {
            var ours = Corpus.Build(t, Corpus.Flavour.Passerelle);
            var theirs = Corpus.Build(t, Corpus.Flavour.Docxtemplater);
            File.WriteAllBytes(Path.Combine(folder, t.Name + ".docx"), ours);
            File.WriteAllBytes(Path.Combine(folder, t.Name + ".docxtemplater.docx"), theirs);
            yield return new Entry(t.Name, t.Description, ours, theirs, model);
        }
        foreach (var t in generated.Where(t => t.Tool == Corpus.Tool.Word && t.Name != "word-letter-1p"))
        {
            var name = "libreoffice-" + t.Name["word-".Length..];
            var ours = Path.Combine(folder, name + ".docx");
            var theirs = Path.Combine(folder, name + ".docxtemplater.docx");
            if (!File.Exists(ours) || !File.Exists(theirs))
            {
                if (!LibreOffice(Path.Combine(folder, t.Name + ".docx"), ours, work) || !LibreOffice(Path.Combine(folder, t.Name + ".docxtemplater.docx"), theirs, work))
                {
                    Console.WriteLine($"{name}: soffice is not available, template skipped.");
                    continue;
                }
            }
            yield return new Entry(name, "LibreOffice's copy of " + t.Name, File.ReadAllBytes(ours), File.ReadAllBytes(theirs), model);
        }
        foreach (var (name, template, sample) in Defaults())
            yield return new Entry(name, "the project's default template", template, DocxtemplaterFlavour(template), sample);
    }

    private static IEnumerable<(string, byte[], TemplateModel)> Defaults()
    {
        yield return ("default-contrat-tripartite", DefaultTemplates.ContratTripartite(), ContratTripartite.Model(ContratTripartite.Sample()));
        yield return ("default-contrat-accompagnement", DefaultTemplates.ContratAccompagnement(), ContratAccompagnement.Model(ContratAccompagnement.Sample()));
        yield return ("default-bilan-mesure", DefaultTemplates.BilanMesure(), BilanMesure.Model(BilanMesure.Sample()));
        yield return ("default-fiche-bilan-etat", DefaultTemplates.FicheBilanEtat(), FicheBilanEtat.Model(FicheBilanEtat.Sample()));
        yield return ("default-proces-verbal", DefaultTemplates.ProcesVerbal(), ProcesVerbal.Model(ProcesVerbal.Sample()));
        yield return ("default-bilan-activite", DefaultTemplates.BilanActivite(), BilanActivite.Model(BilanActivite.Sample()));
    }

    /// Saves the Word-style template again with LibreOffice, as someone editing it there would.
    private static bool LibreOffice(string source, string target, string work)
    {
        try
        {
            var outDir = Directory.CreateTempSubdirectory("lo-").FullName;
            var psi = new ProcessStartInfo("soffice", ["-env:UserInstallation=file://" + Path.Combine(work, "lo-profile"), "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir, source])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            var produced = Path.Combine(outDir, Path.GetFileName(source));
            if (p.ExitCode != 0 || !File.Exists(produced)) return false;
            File.Copy(produced, target, overwrite: true);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (double DocsPerSecond, double AllocatedPerDoc) Measure(Func<byte[]> render, double seconds)
    {
        var warm = Stopwatch.StartNew();
        var n = 0;
        while (warm.Elapsed.TotalSeconds < Math.Max(1, seconds / 2) || n < 20) { render(); n++; }
        var perRound = Math.Max(10, (int)(n / warm.Elapsed.TotalSeconds * seconds));
        var best = 0.0;
        var allocated = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++) render();
            clock.Stop();
            allocated = Math.Min(allocated, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)perRound);
            best = Math.Max(best, perRound / clock.Elapsed.TotalSeconds);
        }
        return (best, allocated);
    }

    private static double? Docxtemplater(string node, string template, string data, int count, string output)
    {
        var psi = new ProcessStartInfo("node", [Path.Combine(node, "bench.mjs"), template, data, count.ToString(CultureInfo.InvariantCulture), output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd().Trim();
        var stderr = p.StandardError.ReadToEnd().Trim();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            Console.WriteLine($"docxtemplater failed on {template}: {stderr.Split('\n')[0]}");
            return null;
        }
        return double.Parse(stdout.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// Fields still written as `{{…}}` in the rendered text of the document, its headers, footers and notes.
    private static int Leftovers(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var count = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var text = Tags().Replace(reader.ReadToEnd(), "");
            count += Regex.Count(text, @"\{\{");
        }
        return count;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<w:p[ >].*?</w:p>", RegexOptions.Singleline)]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"<w:t(?: [^>]*)?>([^<]*)</w:t>")]
    private static partial Regex Texts();

    /// The body's non-empty paragraphs as a reader sees them (the engines differ in which empty paragraphs they keep).
    private static List<string> Text(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return Paragraphs().Matches(reader.ReadToEnd())
            .Select(p => System.Net.WebUtility.HtmlDecode(string.Concat(Texts().Matches(p.Value).Select(t => t.Groups[1].Value))).Replace('\u202F', ' ').Replace('\u00A0', ' '))
            .Where(t => t.Length > 0)
            .ToList();
    }

    // docxtemplater has no `?` conditions (a `#` section on a bool does the same) and no images without a paid module.
    public static byte[] DocxtemplaterFlavour(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
                var rewritten = xml.Replace("{{?", "{{#", StringComparison.Ordinal).Replace("{{%association.logo}}", "", StringComparison.Ordinal);
                if (rewritten == xml) continue;
                var name = entry.FullName;
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(rewritten);
            }
        }
        return stream.ToArray();
    }

    // The model as docxtemplater sees it: the same flat keys, values already formatted in French.
    public static Dictionary<string, object?> Plain(TemplateModel model) => model.ToDictionary(kv => kv.Key, kv => kv.Value switch
    {
        IEnumerable<TemplateModel> items => items.Select(Plain).ToList(),
        bool b => b,
        decimal d => French.Money(d),
        DateOnly d => French.Date(d),
        null => null,
        TemplateImage => null,
        var v => (object?)Convert.ToString(v, French.Culture),
    });
}
