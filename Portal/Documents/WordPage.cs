using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Documents;

/// The page every Word file of the portal is laid on: A4, 2 cm margins, one header and one footer
/// repeated on each page. The test sheet and the default templates differ only in what they put on it.
internal static class WordPage
{
    public static byte[] A4(Styles styles, Header header, Footer footer, IEnumerable<OpenXmlElement> content)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            styles.Save();
            var headerPart = main.AddNewPart<HeaderPart>();
            headerPart.Header = header;
            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = footer;

            var body = new Body(content);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// A single line of <paramref name="color"/> around every cell, in the schema's order (top,
    /// left, bottom, right, inside horizontal, inside vertical) or validation fails.
    public static TableBorders GridBorders(string color) => new(
        new TopBorder { Val = BorderValues.Single, Size = 4, Color = color },
        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = color },
        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = color },
        new RightBorder { Val = BorderValues.Single, Size = 4, Color = color },
        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = color },
        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = color });
}
