using System.IO.Compression;

namespace Portal.Documents.Templates;

public sealed record TemplateProblem(string Message)
{
    public override string ToString() => Message;
}

/// Checks a template an admin uploads before it is used: a real, safe .docx, and fields that the
/// document's dictionary knows, in blocks that are closed and properly nested. Every problem is a
/// French sentence showing the text around it; an empty list means the template can be used.
public static class TemplateCheck
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;
    public const int MaxEntries = 1_000;
    /// Real .docx parts compress 5 to 30 times; deflate tops out near 1,000.
    public const double MaxCompressionRatio = 200;
    private const long RatioCheckedAbove = 1024 * 1024;
    private const int ContextReach = 30;
    private const int MaxProblems = 50;

    public static IReadOnlyList<TemplateProblem> Check(byte[] file, DocumentDictionary dictionary)
    {
        if (file.Length == 0) return [new("Le fichier est vide.")];
        if (file.Length > MaxFileBytes) return [new("Le fichier dépasse 20 Mo : un modèle de document Word est bien plus léger.")];
        if (CheckArchive(file) is { } refused) return [refused];

        DocxFacts facts;
        try
        {
            facts = DocxTemplate.Inspect(new MemoryStream(file, writable: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [new("Ce fichier n'est pas un document Word (.docx) lisible : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format « Document Word (.docx) ».")];
        }

        var problems = new List<TemplateProblem>();
        if (facts.HasMacros)
            problems.Add(new("Les documents Word avec macros (.docm) ne sont pas acceptés : enregistrez le modèle au format « Document Word (.docx) »."));
        else if (!facts.IsPlainDocument)
            problems.Add(new("Ce fichier n'est pas un document Word (.docx) : un modèle Word (.dotx) ou un autre type de document doit être enregistré au format « Document Word (.docx) »."));
        foreach (var target in facts.ExternalTargets)
            problems.Add(new($"Le modèle fait appel à une ressource extérieure (« {Shorten(target)} ») : ce n'est pas accepté. Insérez les images dans le document au lieu de les lier."));
        if (facts.HasAltChunk)
            problems.Add(new("Le modèle contient un document incorporé (altChunk) : ce n'est pas accepté. Copiez-collez son contenu dans le modèle."));
        if (facts.HasEmbeddedObjects)
            problems.Add(new("Le modèle contient un objet incorporé (OLE ou ActiveX) : ce n'est pas accepté. Supprimez-le du modèle."));
        if (problems.Count > 0) return problems;

        foreach (var part in facts.Parts)
            CheckFields(part, dictionary, problems);
        if (problems.Count == 0)
        {
            try
            {
                DocxTemplate.Render(file, new TemplateModel());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add(new("Le modèle ne peut pas être rempli : ouvrez-le dans Word ou LibreOffice, enregistrez-le à nouveau au format « Document Word (.docx) » et déposez-le encore."));
            }
        }
        // A text box appears twice in a .docx (for old and new Word): one message is enough.
        var distinct = problems.Distinct().ToList();
        return distinct.Count <= MaxProblems
            ? distinct
            : [.. distinct.Take(MaxProblems), new($"… et {distinct.Count - MaxProblems} autres problèmes du même genre.")];
    }

    /// The archive itself, before any XML is parsed: size, entry count, and the real decompressed
    /// size (the sizes written in the archive may lie, so every entry is read with a counter).
    private static TemplateProblem? CheckArchive(byte[] file)
    {
        var notWord = new TemplateProblem("Ce fichier n'est pas un document Word (.docx) : enregistrez-le au format « Document Word (.docx) » et déposez-le à nouveau.");
        var bomb = new TemplateProblem("Une fois décompressé, ce fichier serait démesuré (plus de 200 Mo ou un contenu anormalement compressé) : il est refusé.");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                return new("Le fichier contient trop d'éléments (plus de 1 000) pour un document Word : il est refusé.");
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > MaxUncompressedBytes || TooCompressed(entry.Length, entry.CompressedLength)) return bomb;
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return notWord;

            var buffer = new byte[64 * 1024];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                using var stream = entry.Open();
                long size = 0;
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    size += read;
                    total += read;
                    if (total > MaxUncompressedBytes || TooCompressed(size, entry.CompressedLength)) return bomb;
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return notWord;
        }
    }

    private static bool TooCompressed(long size, long compressed) =>
        size > RatioCheckedAbove && size > MaxCompressionRatio * Math.Max(1, compressed);

    private sealed record OpenBlock(Tag Tag, FieldDefinition? List, string Context);

    private static void CheckFields(TemplatePartText part, DocumentDictionary dictionary, List<TemplateProblem> problems)
    {
        var where = part.Part == "le corps du document" ? "" : $" ({part.Part})";
        var open = new List<OpenBlock>();
        foreach (var raw in part.Paragraphs)
        {
            var text = raw.Replace(TemplateSyntax.Barrier, ' ');
            var matches = TemplateSyntax.Candidate().Matches(raw);
            for (var i = raw.IndexOf("{{", StringComparison.Ordinal); i >= 0; i = raw.IndexOf("{{", i + 2, StringComparison.Ordinal))
            {
                if (matches.Any(m => m.Index <= i && i < m.Index + m.Length)) continue;
                problems.Add(new($"Accolades « {{{{ » sans fermeture « }}}} » dans « {Around(text, i, 2)} »{where} : un champ s'écrit sur une seule ligne, comme {{{{menage.nom}}}}."));
                break;
            }
            foreach (var match in matches.Cast<System.Text.RegularExpressions.Match>())
            {
                var context = $"« {Around(text, match.Index, match.Length)} »{where}";
                if (!TemplateSyntax.TryParse(match.Groups[1].Value, out var tag))
                {
                    problems.Add(new($"Syntaxe inconnue {match.Value} dans {context} : seuls les champs {{{{chemin}}}}, les listes {{{{#…}}}}, les conditions {{{{?…}}}} et les images {{{{%…}}}} sont possibles."));
                    continue;
                }
                if (tag.Kind == TagKind.Close)
                {
                    Close(tag, context, open, problems);
                    continue;
                }
                var field = Find(tag.Path, open, dictionary, tag, context, problems);
                if (tag.Opens) open.Add(new OpenBlock(tag, field is { Kind: FieldKind.List } && tag.Kind == TagKind.ListOpen ? field : null, context));
                if (field is null) continue;
                switch (tag.Kind)
                {
                    case TagKind.ListOpen when field.Kind != FieldKind.List:
                        problems.Add(new($"Le champ {tag.Path} n'est pas une liste : {tag} dans {context} ; pour une partie affichée sous condition, écrivez {{{{?{tag.Path}}}}} … {{{{/{tag.Path}}}}}."));
                        break;
                    case TagKind.Image when field.Kind != FieldKind.Image:
                        problems.Add(new($"Le champ {tag.Path} n'est pas une image : {tag} dans {context} ; écrivez {field.Usage}."));
                        break;
                    case TagKind.Value when field.Kind is FieldKind.List or FieldKind.Image:
                        problems.Add(new($"Le champ {tag.Path} ({field.Label}) s'écrit {field.Usage} : {tag} dans {context}."));
                        break;
                }
            }
        }
        foreach (var block in open)
            problems.Add(new($"Bloc {block.Tag} jamais fermé dans {block.Context} : il manque {{{{/{block.Tag.Path}}}}}."));
    }

    private static void Close(Tag tag, string context, List<OpenBlock> open, List<TemplateProblem> problems)
    {
        if (open.Count == 0)
        {
            problems.Add(new($"Fermeture {tag} sans ouverture {{{{#{tag.Path}}}}} ou {{{{?{tag.Path}}}}} avant elle, dans {context}."));
            return;
        }
        var top = open[^1];
        if (top.Tag.Path == tag.Path)
        {
            open.RemoveAt(open.Count - 1);
            return;
        }
        var at = open.FindLastIndex(b => b.Tag.Path == tag.Path);
        if (at < 0)
        {
            problems.Add(new($"Fermeture {tag} sans ouverture {{{{#{tag.Path}}}}} ou {{{{?{tag.Path}}}}} avant elle, dans {context}."));
            return;
        }
        problems.Add(new($"Blocs mal imbriqués : {tag} dans {context} ferme {open[at].Tag} alors que {top.Tag} n'est pas encore fermé ; fermez d'abord le bloc ouvert en dernier avec {{{{/{top.Tag.Path}}}}}."));
        open.RemoveRange(at, open.Count - at);
    }

    private static FieldDefinition? Find(string path, List<OpenBlock> open, DocumentDictionary dictionary, Tag tag, string context, List<TemplateProblem> problems)
    {
        for (var i = open.Count - 1; i >= 0; i--)
            if (open[i].List?.Items.FirstOrDefault(f => f.Path == path) is { } inList)
                return inList;
        if (dictionary.Fields.FirstOrDefault(f => f.Path == path) is { } top)
            return top;
        if (dictionary.All().FirstOrDefault(x => x.Field.Path == path) is ({ } field, { } list))
        {
            problems.Add(new($"Le champ {tag} ({field.Label}) ne peut servir qu'à l'intérieur de {{{{#{list.Path}}}}} … {{{{/{list.Path}}}}}, dans {context}."));
            return null;
        }
        problems.Add(new($"Champ inconnu {tag} dans {context}."));
        return null;
    }

    /// The text around a field, cut at word boundaries: "… Madame {{menage.nomm}} demeurant …".
    internal static string Around(string text, int index, int length)
    {
        var from = Math.Max(0, index - ContextReach);
        var to = Math.Min(text.Length, index + length + ContextReach);
        if (from > 0 && text.IndexOf(' ', from) is var s and >= 0 && s < index) from = s + 1;
        if (to < text.Length && text.LastIndexOf(' ', to - 1) is var e && e >= index + length) to = e;
        return (from > 0 ? "… " : "") + text[from..to].Trim() + (to < text.Length ? " …" : "");
    }

    private static string Shorten(string target) => target.Length <= 80 ? target : target[..77] + "…";
}
