using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Portal.Documents.Templates;

namespace DocumentsBench;

/// The templates the corpus bench renders, written the way three kinds of tools write a .docx:
/// Word (styles, numbering, every field split across runs by proofing marks and revision ids,
/// bookmarks), a docx-generating library (every field in its own run between bold runs, a row loop
/// opened in the first cell and closed in the last, a conditional section over several paragraphs,
/// footnotes and endnotes) and LibreOffice (the Word ones saved again by `soffice`). Each template
/// is built twice: in Passerelle's syntax and in docxtemplater's (`{{#flag}}` for `{{?flag}}`).
internal static class Corpus
{
    public enum Tool { Word, Library }

    public enum Flavour { Passerelle, Docxtemplater }

    /// What a template says, whatever tool wrote it.
    public abstract record Block;
    public sealed record Heading(string Text) : Block;
    public sealed record Para(params Piece[] Pieces) : Block;
    public sealed record Numbered(params Piece[] Pieces) : Block;
    public sealed record Condition(string Flag, Block[] Blocks) : Block;
    public sealed record Loop(string List, Block[] Blocks) : Block;
    /// A table whose second row repeats per item: `{{#list}}` in its first cell, `{{/list}}` in its last.
    public sealed record RowLoop(string List, string[] Headers, Piece[][] Cells) : Block;
    public sealed record PageBreak : Block;

    public abstract record Piece;
    public sealed record Txt(string Text, bool Bold = false) : Piece;
    public sealed record Field(string Path, bool Bold = false) : Piece;
    public sealed record Note(string Text) : Piece;

    public sealed record Template(string Name, string Description, Tool Tool, Block[] Body, Piece[] Header, Piece[] Footer);

    private static Piece[] Pcs(params object[] items) => [.. items.Select(i => i switch
    {
        Piece p => p,
        string s when s.StartsWith('$') => new Field(s[1..]),
        string s => new Txt(s),
        _ => throw new ArgumentException(i.ToString()),
    })];

    private static Para P(params object[] items) => new(Pcs(items));

    // ---- the documents ----

    /// A one-page letter: a dozen fields, no block.
    public static Block[] Letter() =>
    [
        P("$association.nom"),
        P("$association.adresse"),
        P("À l'attention de ", new Field("menage.nom", Bold: true)),
        P("$logement.adresse"),
        P("Valenciennes, le ", "$courrier.date"),
        new Heading("Objet : rendez-vous d'accompagnement"),
        P("Madame, Monsieur,"),
        P("Dans le cadre de l'accompagnement social lié au logement engagé le ", "$mesure.debut", ", ", "$referent.nom",
            " vous propose un rendez-vous le ", "$rdv.date", " à ", "$rdv.heure", " dans nos locaux."),
        P("Merci de vous munir de vos trois dernières quittances de loyer et de votre dernier avis d'imposition. Si ce rendez-vous ne vous convient pas, appelez-nous au ",
            "$association.telephone", "."),
        P("Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées."),
        P(new Field("referent.nom", Bold: true), ", ", "$referent.fonction"),
    ];

    /// A two-page contract with 57 fields: members table, a conditional section, the plan's axes and actions.
    public static Block[] Contract() =>
    [
        new Heading("Contrat d'accompagnement social lié au logement"),
        P("Entre ", new Field("association.nom", Bold: true), ", ", "$association.adresse", ", représentée par ", "$association.representant", ","),
        P("le bailleur ", new Field("bailleur.nom", Bold: true), ", ", "$bailleur.adresse", ", représenté par ", "$bailleur.representant", ","),
        P("et le ménage ", new Field("menage.nom", Bold: true), ", demeurant ", "$logement.adresse", " (", "$logement.typologie", ", ", "$logement.surface", " m²)."),
        new Heading("Article 1 — Composition du ménage"),
        new RowLoop("menage.membres", ["Prénom", "Nom", "Né(e) le", "Lien"],
            [Pcs("$membre.prenom"), Pcs("$membre.nom"), Pcs("$membre.naissance"), Pcs("$membre.lien")]),
        new Heading("Article 2 — Durée et coût"),
        P("La mesure commence le ", "$mesure.debut", " et se termine le ", "$mesure.fin", ", soit ", "$mesure.duree_mois", " mois, pour un coût mensuel de ",
            new Field("mesure.cout_mensuel", Bold: true), " pris en charge par ", "$mesure.financeur", " (dossier ", "$mesure.reference", ")."),
        P("Le loyer résiduel est de ", "$logement.loyer", " et les charges de ", "$logement.charges", ", avec une APL de ", "$logement.apl",
            new Note("Montant notifié par la CAF, en vigueur au {{signature.date}}."), "."),
        new Condition("bail_glissant",
        [
            new Heading("Article 3 — Bail glissant"),
            P("Le logement est sous-loué par ", "$association.nom", " au ménage ", "$menage.nom", " jusqu'au glissement du bail, prévu au plus tôt le ",
                "$bail.glissement_prevu", "."),
            P("Le bailleur ", "$bailleur.nom", " s'engage à examiner le glissement lors de la commission du ", "$bail.commission", "."),
            P("La sous-location est consentie pour un loyer de ", "$bail.loyer_sous_location", " et un dépôt de garantie de ", "$bail.depot", "."),
        ]),
        new Heading("Article 4 — Plan d'accompagnement"),
        new Loop("plan.axes",
        [
            new Para(Pcs(new Field("axe.intitule", Bold: true), " — objectif : ", "$axe.objectif")),
            new Loop("axe.actions", [new Numbered(Pcs("$action.libelle", " (échéance ", "$action.echeance", ", ", "$action.porteur", ")"))]),
        ]),
        new Heading("Article 5 — Engagements"),
        P("Le ménage s'engage à : ", "$engagements.menage"),
        P("L'association s'engage à : ", "$engagements.association"),
        P("Le bailleur s'engage à : ", "$engagements.bailleur"),
        new Heading("Article 6 — Référents"),
        P("Référent social : ", "$referent.nom", ", ", "$referent.fonction", ", ", "$referent.telephone", ", ", "$referent.courriel", "."),
        P("Chargé de gestion locative : ", "$gestionnaire.nom", ", ", "$gestionnaire.telephone", new Note("Joignable du lundi au vendredi."), "."),
        P("Fait à ", "$signature.lieu", ", le ", "$signature.date", ", en ", "$signature.exemplaires", " exemplaires."),
        P(new Field("association.representant", Bold: true), " — ", new Field("bailleur.representant", Bold: true), " — ", new Field("menage.nom", Bold: true)),
    ];

    /// A twenty-page activity report: the contract's content, a 200-row ledger, and sections of text with fields.
    public static Block[] Report()
    {
        var blocks = new List<Block>(Contract()) { new PageBreak(), new Heading("Relevé des paiements") };
        blocks.Add(new RowLoop("paiements", ["Date", "Libellé", "Montant", "Solde"],
            [Pcs("$paiement.date"), Pcs("$paiement.libelle"), Pcs("$paiement.montant"), Pcs("$paiement.solde")]));
        for (var s = 1; s <= 7; s++)
        {
            blocks.Add(new PageBreak());
            blocks.Add(new Heading($"Partie {s} — suivi du ménage {(s % 2 == 0 ? "et du logement" : "")}"));
            for (var k = 0; k < 9; k++)
                blocks.Add(P("Au cours de la période, ", "$referent.nom", " a rencontré le ménage ", "$menage.nom",
                    " à plusieurs reprises pour faire le point sur le budget, les démarches administratives et l'appropriation du logement situé ",
                    "$logement.adresse", ". Les échanges avec ", "$bailleur.nom", " ont permis de lever les difficultés signalées, et le plan d'apurement suit son cours depuis le ",
                    "$mesure.debut", ". Le reste à vivre mensuel s'établit désormais à ", "$budget.reste_a_vivre",
                    ", ce qui permet d'envisager sereinement la suite de l'accompagnement prévue jusqu'au ", "$mesure.fin", "."));
            blocks.Add(new Loop("plan.axes", [new Numbered(Pcs("Axe « ", "$axe.intitule", " » : ", "$axe.objectif"))]));
        }
        return [.. blocks];
    }

    public static Piece[] Header() => Pcs(new Field("association.nom", Bold: true), " — ", "$association.adresse");
    public static Piece[] Footer() => Pcs("Contrat ", "$mesure.reference", " — ménage ", "$menage.nom");

    public static IReadOnlyList<Template> Generated() =>
    [
        new("word-letter-1p", "Word, one-page letter, 13 fields split across runs", Tool.Word, Letter(), Header(), Footer()),
        new("word-contract-2p", "Word, two-page contract, 57 fields, nested lists, condition", Tool.Word, Contract(), Header(), Footer()),
        new("word-report-20p", "Word, twenty-page report, 200-row ledger", Tool.Word, Report(), Header(), Footer()),
        new("library-contract-2p", "docx library, two-page contract (the issue's template)", Tool.Library, Contract(), Header(), Footer()),
        new("library-report-20p", "docx library, twenty-page report, 200-row ledger", Tool.Library, Report(), Header(), Footer()),
    ];

    // ---- the data, the same for every template ----

    public static TemplateModel Model()
    {
        var d = new DateOnly(2026, 3, 1);
        var model = new TemplateModel
        {
            ["association.nom"] = "Association Passerelle",
            ["association.adresse"] = "12 rue des Tanneurs, 59300 Valenciennes",
            ["association.representant"] = "Claire Dubois, directrice",
            ["association.telephone"] = "03 27 00 00 00",
            ["bailleur.nom"] = "Partenord Habitat",
            ["bailleur.adresse"] = "27 boulevard Vauban, 59000 Lille",
            ["bailleur.representant"] = "Marc Lefebvre",
            ["menage.nom"] = "Famille Martin",
            ["logement.adresse"] = "4 allée des Acacias, 59300 Valenciennes",
            ["logement.typologie"] = "T3",
            ["logement.surface"] = 64,
            ["logement.loyer"] = 412.50m,
            ["logement.charges"] = 86m,
            ["logement.apl"] = 301.20m,
            ["courrier.date"] = new DateOnly(2026, 11, 24),
            ["rdv.date"] = new DateOnly(2026, 12, 3),
            ["rdv.heure"] = "14 h 30",
            ["mesure.debut"] = d,
            ["mesure.fin"] = d.AddMonths(12).AddDays(-1),
            ["mesure.duree_mois"] = 12,
            ["mesure.cout_mensuel"] = 1500m,
            ["mesure.financeur"] = "le Fonds de solidarité logement du Nord",
            ["mesure.reference"] = "ASLL-2026-0142",
            ["bail_glissant"] = true,
            ["bail.glissement_prevu"] = d.AddMonths(18),
            ["bail.commission"] = new DateOnly(2027, 6, 15),
            ["bail.loyer_sous_location"] = 412.50m,
            ["bail.depot"] = 412.50m,
            ["engagements.menage"] = "Payer le loyer résiduel chaque mois.\nVenir aux rendez-vous.\nEntretenir le logement.",
            ["engagements.association"] = "Rencontrer le ménage deux fois par mois.\nL'aider dans ses démarches.",
            ["engagements.bailleur"] = "Informer l'association de tout impayé.",
            ["referent.nom"] = "Sophie Durand",
            ["referent.fonction"] = "conseillère en économie sociale et familiale",
            ["referent.telephone"] = "06 12 34 56 78",
            ["referent.courriel"] = "sophie.durand@passerelle.example",
            ["gestionnaire.nom"] = "Paul Renard",
            ["gestionnaire.telephone"] = "03 27 11 22 33",
            ["signature.lieu"] = "Valenciennes",
            ["signature.date"] = new DateOnly(2026, 2, 20),
            ["signature.exemplaires"] = 3,
            ["budget.reste_a_vivre"] = 612.40m,
            ["menage.membres"] = new[] { ("Nadia", "Martin", new DateOnly(1988, 4, 12), "demandeuse"), ("Karim", "Martin", new DateOnly(1986, 9, 3), "conjoint"),
                ("Lina", "Martin", new DateOnly(2014, 1, 22), "enfant"), ("Yanis", "Martin", new DateOnly(2018, 7, 5), "enfant") }
                .Select(m => new TemplateModel { ["membre.prenom"] = m.Item1, ["membre.nom"] = m.Item2, ["membre.naissance"] = m.Item3, ["membre.lien"] = m.Item4 }).ToList(),
            ["plan.axes"] = new[] { ("Budget", "stabiliser le budget", 3), ("Logement", "s'approprier le logement", 2), ("Insertion", "reprendre une formation", 3) }
                .Select((a, i) => new TemplateModel
                {
                    ["axe.intitule"] = a.Item1,
                    ["axe.objectif"] = a.Item2,
                    ["axe.actions"] = Enumerable.Range(1, a.Item3).Select(k => new TemplateModel
                    {
                        ["action.libelle"] = $"Action {i + 1}.{k} de l'axe {a.Item1.ToLowerInvariant()}",
                        ["action.echeance"] = d.AddMonths(2 * k),
                        ["action.porteur"] = k % 2 == 0 ? "le ménage" : "l'association",
                    }).ToList(),
                }).ToList(),
        };
        var balance = -1240m;
        model["paiements"] = Enumerable.Range(0, 200).Select(i =>
        {
            var amount = i % 3 == 0 ? 111.30m : 86m + i % 7;
            balance += amount;
            return new TemplateModel
            {
                ["paiement.date"] = d.AddDays(3 * i),
                ["paiement.libelle"] = i % 3 == 0 ? "Loyer résiduel" : "Plan d'apurement",
                ["paiement.montant"] = amount,
                ["paiement.solde"] = balance,
            };
        }).ToList();
        return model;
    }

    // ---- writing a template as a tool would ----

    public static byte[] Build(Template t, Flavour flavour)
    {
        var w = new Writer(t.Tool, flavour);
        var body = new StringBuilder();
        foreach (var b in t.Body) w.Block(body, b);
        var header = w.Paragraph(t.Header, style: "Header");
        var footer = w.Paragraph(t.Footer, style: "Footer", pageNumber: true);
        var entries = new List<(string Name, string Xml)>
        {
            ("[Content_Types].xml", ContentTypes(t.Tool)),
            ("_rels/.rels", Rels(("rId1", "officeDocument", "word/document.xml"), ("rId2", "package/2006/relationships/metadata/core-properties", "docProps/core.xml"), ("rId3", "extended-properties", "docProps/app.xml"))),
            ("docProps/core.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{t.Name}</dc:title><dc:creator>{(t.Tool == Tool.Word ? "Microsoft Office User" : "Un-named")}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T10:00:00Z</dcterms:created></cp:coreProperties>"""),
            ("docProps/app.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>{(t.Tool == Tool.Word ? "Microsoft Office Word" : "docx")}</Application></Properties>"""),
            ("word/document.xml", Part("document", $"<w:body>{body}<w:sectPr{w.Rsid("w:rsidR")}><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/><w:cols w:space=\"708\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr></w:body>")),
            ("word/_rels/document.xml.rels", Rels(("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering", "numbering.xml"), ("rIdSettings", "settings", "settings.xml"),
                ("rIdFonts", "fontTable", "fontTable.xml"), ("rIdHeader1", "header", "header1.xml"), ("rIdFooter1", "footer", "footer1.xml"),
                ("rIdFootnotes", "footnotes", "footnotes.xml"), ("rIdEndnotes", "endnotes", "endnotes.xml"))),
            ("word/header1.xml", Part("hdr", header)),
            ("word/footer1.xml", Part("ftr", footer)),
            ("word/styles.xml", Styles(t.Tool)),
            ("word/numbering.xml", Numbering(t.Tool)),
            ("word/settings.xml", Settings(t.Tool)),
            ("word/fontTable.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Calibri Light"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"""),
            ("word/footnotes.xml", Notes("footnote", w.Footnotes)),
            ("word/endnotes.xml", Notes("endnote", ["Document établi conformément au règlement intérieur du Fonds de solidarité logement."])),
        };
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero); // the same bytes at every run
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }
        return stream.ToArray();
    }

    private const string Namespaces =
        """xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 w15 wp14" """;

    private static string Part(string root, string content) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {Namespaces}>{content}</w:{root}>""";

    private static string Rels(params (string Id, string Type, string Target)[] rels)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        foreach (var (id, type, target) in rels)
        {
            var full = type.Contains('/') ? "http://schemas.openxmlformats.org/" + type : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type;
            sb.Append($"""<Relationship Id="{id}" Type="{full}" Target="{target}"/>""");
        }
        return sb.Append("</Relationships>").ToString();
    }

    private static string ContentTypes(Tool tool)
    {
        const string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        var overrides = new[]
        {
            ("/word/document.xml", wml + "document.main+xml"), ("/word/styles.xml", wml + "styles+xml"), ("/word/numbering.xml", wml + "numbering+xml"),
            ("/word/settings.xml", wml + "settings+xml"), ("/word/fontTable.xml", wml + "fontTable+xml"), ("/word/header1.xml", wml + "header+xml"),
            ("/word/footer1.xml", wml + "footer+xml"), ("/word/footnotes.xml", wml + "footnotes+xml"), ("/word/endnotes.xml", wml + "endnotes+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"), ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        };
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""");
        if (tool == Tool.Library) sb.Append("""<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>""");
        foreach (var (part, type) in overrides) sb.Append($"""<Override PartName="{part}" ContentType="{type}"/>""");
        return sb.Append("</Types>").ToString();
    }

    private static string Styles(Tool tool)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>""");
        sb.Append("""<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>""");
        sb.Append("""<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:color w:val="2F5496"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>""");
        sb.Append("""<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>""");
        sb.Append("""<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>""");
        sb.Append("""<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>""");
        sb.Append("""<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>""");
        sb.Append("""<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>""");
        sb.Append("""<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>""");
        // Libraries write a long list of latent and built-in styles whatever the document uses.
        var extra = tool == Tool.Library ? 120 : 40;
        for (var i = 0; i < extra; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<w:style w:type="paragraph" w:customStyle="1" w:styleId="Style{i}"><w:name w:val="Style {i}"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="{i * 2000 % 0xFFFFFF:X6}"/></w:rPr></w:style>""");
        return sb.Append("</w:styles>").ToString();
    }

    private static string Numbering(Tool tool)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">""");
        var count = tool == Tool.Library ? 12 : 2;
        for (var a = 0; a < count; a++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<w:abstractNum w:abstractNumId="{a}"><w:multiLevelType w:val="hybridMultilevel"/>""");
            for (var l = 0; l < 9; l++)
                sb.Append(CultureInfo.InvariantCulture, $"""<w:lvl w:ilvl="{l}"><w:start w:val="1"/><w:numFmt w:val="{(l % 3 == 0 ? "decimal" : "bullet")}"/><w:lvlText w:val="{(l % 3 == 0 ? $"%{l + 1}." : "•")}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (l + 1)}" w:hanging="360"/></w:pPr></w:lvl>""");
            sb.Append("</w:abstractNum>");
        }
        for (var a = 0; a < count; a++) sb.Append(CultureInfo.InvariantCulture, $"""<w:num w:numId="{a + 1}"><w:abstractNumId w:val="{a}"/></w:num>""");
        return sb.Append("</w:numbering>").ToString();
    }

    private static string Settings(Tool tool)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>""");
        if (tool == Tool.Word)
        {
            sb.Append("<w:rsids>");
            for (var i = 0; i < 60; i++) sb.Append(CultureInfo.InvariantCulture, $"""<w:rsid w:val="00{0x1A2B30 + i * 7919:X6}"/>""");
            sb.Append("</w:rsids>");
        }
        return sb.Append("""<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>""").ToString();
    }

    private static string Notes(string kind, IReadOnlyList<string> notes)
    {
        var sb = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {Namespaces}>""");
        sb.Append($"""<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>""");
        sb.Append($"""<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>""");
        for (var i = 0; i < notes.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<w:{kind} w:id="{i + 1}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {SecurityElement.Escape(notes[i])}</w:t></w:r></w:p></w:{kind}>""");
        return sb.Append($"</w:{kind}s>").ToString();
    }

    /// Writes blocks and pieces as Word or as a library would.
    private sealed class Writer(Tool tool, Flavour flavour)
    {
        public readonly List<string> Footnotes = [];
        private int rsid;
        private int bookmark;
        private int split;

        public string Rsid(string attribute) =>
            tool == Tool.Word ? string.Create(CultureInfo.InvariantCulture, $" {attribute}=\"00{0x1A2B30 + (rsid++ % 60) * 7919:X6}\"") : "";

        private string Cond => flavour == Flavour.Passerelle ? "?" : "#";

        public void Block(StringBuilder sb, Block block)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append(Paragraph([new Txt(h.Text)], style: "Heading1"));
                    break;
                case Para p:
                    sb.Append(Paragraph(p.Pieces));
                    break;
                case Numbered n:
                    sb.Append(Paragraph(n.Pieces, style: "ListParagraph", numbered: true));
                    break;
                case PageBreak:
                    sb.Append($"<w:p{Rsid("w:rsidR")}><w:r><w:br w:type=\"page\"/></w:r></w:p>");
                    break;
                case Condition c when tool == Tool.Library:
                    // A section over several paragraphs: opened at the start of its first, closed at the end of its last.
                    Around(sb, c.Blocks, "{{" + Cond + c.Flag + "}}", "{{/" + c.Flag + "}}");
                    break;
                case Condition c:
                    sb.Append(Paragraph([new Txt("{{" + Cond + c.Flag + "}}")]));
                    foreach (var b in c.Blocks) Block(sb, b);
                    sb.Append(Paragraph([new Txt("{{/" + c.Flag + "}}")]));
                    break;
                case Loop l when tool == Tool.Library:
                    Around(sb, l.Blocks, "{{#" + l.List + "}}", "{{/" + l.List + "}}");
                    break;
                case Loop l:
                    sb.Append(Paragraph([new Txt("{{#" + l.List + "}}")]));
                    foreach (var b in l.Blocks) Block(sb, b);
                    sb.Append(Paragraph([new Txt("{{/" + l.List + "}}")]));
                    break;
                case RowLoop t:
                    sb.Append(Table(t));
                    break;
            }
        }

        private void Around(StringBuilder sb, Block[] blocks, string open, string close)
        {
            var first = blocks[0];
            var last = blocks[^1];
            for (var i = 0; i < blocks.Length; i++)
            {
                var b = blocks[i];
                Piece[]? pieces = b switch { Para p => p.Pieces, Numbered n => n.Pieces, Heading h => [new Txt(h.Text)], _ => null };
                if (pieces is null || blocks.Length == 1)
                {
                    if (i == 0) sb.Append(Paragraph([new Txt(open)]));
                    Block(sb, b);
                    if (i == blocks.Length - 1) sb.Append(Paragraph([new Txt(close)]));
                    continue;
                }
                if (i == 0) pieces = [new Txt(open), .. pieces];
                if (i == blocks.Length - 1) pieces = [.. pieces, new Txt(close)];
                sb.Append(Paragraph(pieces, style: b is Heading ? "Heading1" : b is Numbered ? "ListParagraph" : null, numbered: b is Numbered));
            }
        }

        private string Table(RowLoop t)
        {
            var width = 9000 / t.Headers.Length;
            var sb = new StringBuilder("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
            foreach (var _ in t.Headers) sb.Append(CultureInfo.InvariantCulture, $"<w:gridCol w:w=\"{width}\"/>");
            sb.Append("</w:tblGrid>");
            sb.Append($"<w:tr{Rsid("w:rsidR")}><w:trPr><w:tblHeader/></w:trPr>");
            foreach (var h in t.Headers) sb.Append(Cell(width, [new Txt(h, Bold: true)]));
            sb.Append("</w:tr>");
            sb.Append($"<w:tr{Rsid("w:rsidR")}>");
            for (var i = 0; i < t.Cells.Length; i++)
            {
                Piece[] pieces = t.Cells[i];
                if (i == 0) pieces = [new Txt("{{#" + t.List + "}}"), .. pieces];
                if (i == t.Cells.Length - 1) pieces = [.. pieces, new Txt("{{/" + t.List + "}}")];
                sb.Append(Cell(width, pieces));
            }
            return sb.Append("</w:tr></w:tbl>").ToString();
        }

        private string Cell(int width, Piece[] pieces) =>
            string.Create(CultureInfo.InvariantCulture, $"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{Paragraph(pieces, spacing: false)}</w:tc>");

        public string Paragraph(Piece[] pieces, string? style = null, bool numbered = false, bool pageNumber = false, bool spacing = true)
        {
            var sb = new StringBuilder();
            sb.Append("<w:p");
            if (tool == Tool.Word)
                sb.Append(Rsid("w:rsidR")).Append(Rsid("w:rsidRDefault")).Append(CultureInfo.InvariantCulture, $" w14:paraId=\"{0x10000000 + rsid * 131:X8}\" w14:textId=\"77777777\"");
            sb.Append('>');
            if (style is not null || numbered || !spacing)
            {
                sb.Append("<w:pPr>");
                if (style is not null) sb.Append($"<w:pStyle w:val=\"{style}\"/>");
                if (numbered) sb.Append("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
                if (!spacing) sb.Append("<w:spacing w:after=\"0\"/>");
                sb.Append("</w:pPr>");
            }
            foreach (var piece in pieces)
            {
                switch (piece)
                {
                    case Txt t when tool == Tool.Word:
                        WordText(sb, t.Text, t.Bold);
                        break;
                    case Field f when tool == Tool.Word:
                        WordText(sb, "{{" + f.Path + "}}", f.Bold);
                        break;
                    case Txt t:
                        Run(sb, t.Text, t.Bold);
                        break;
                    case Field f:
                        // A library writes a field as a run of its own, with the formatting around it.
                        Run(sb, "{{" + f.Path + "}}", f.Bold);
                        break;
                    case Note n:
                        Footnotes.Add(n.Text);
                        sb.Append(CultureInfo.InvariantCulture, $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{Footnotes.Count}\"/></w:r>");
                        break;
                }
            }
            if (pageNumber)
                sb.Append("<w:r><w:t xml:space=\"preserve\"> — page </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
            return sb.Append("</w:p>").ToString();
        }

        private static void Run(StringBuilder sb, string text, bool bold)
        {
            sb.Append("<w:r>");
            if (bold) sb.Append("<w:rPr><w:b/><w:bCs/></w:rPr>");
            sb.Append("<w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(text)).Append("</w:t></w:r>");
        }

        /// Word splits text where the author typed, corrected or the spell checker stopped: fields end up
        /// in three or four runs, with proofing marks, revision ids and now and then a bookmark between them.
        private void WordText(StringBuilder sb, string text, bool bold)
        {
            var rPr = "<w:rPr>" + (bold ? "<w:b/><w:bCs/>" : "") + "<w:lang w:val=\"fr-FR\"/></w:rPr>";
            var cuts = new List<int>();
            for (var i = text.IndexOf("{{", StringComparison.Ordinal); i >= 0; i = text.IndexOf("{{", i + 2, StringComparison.Ordinal))
            {
                var end = text.IndexOf("}}", i, StringComparison.Ordinal);
                if (end < 0) break;
                cuts.Add(i + 1);
                var dot = text.IndexOf('.', i, end - i);
                cuts.Add(dot > 0 ? dot + 1 : i + 2);
                cuts.Add(end);
            }
            var from = 0;
            foreach (var cut in cuts.Append(text.Length))
            {
                if (cut <= from) continue;
                var piece = text[from..cut];
                var noise = split++ % 4;
                if (noise == 1) sb.Append("<w:proofErr w:type=\"spellStart\"/>");
                if (noise == 3) sb.Append(CultureInfo.InvariantCulture, $"<w:bookmarkStart w:id=\"{bookmark}\" w:name=\"_Ref{4000 + bookmark}\"/>");
                sb.Append("<w:r").Append(Rsid("w:rsidR")).Append('>').Append(rPr);
                if (noise == 2 && from == 0) sb.Append("<w:lastRenderedPageBreak/>");
                sb.Append("<w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(piece)).Append("</w:t></w:r>");
                if (noise == 1) sb.Append("<w:proofErr w:type=\"spellEnd\"/>");
                if (noise == 3) sb.Append(CultureInfo.InvariantCulture, $"<w:bookmarkEnd w:id=\"{bookmark++}\"/>");
                from = cut;
            }
        }
    }
}
