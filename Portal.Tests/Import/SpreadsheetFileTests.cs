using System.Text;
using MiniExcelLibs;
using Portal.Import;

namespace Portal.Tests.Import;

public class SpreadsheetFileTests
{
    [Fact]
    public void A_French_Excel_csv_with_semicolons_in_Windows_1252_is_read_with_its_accents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Nom;Prénom;Né le\r\nDURAND;Élodie;04/03/1988\r\n");

        var (content, problem) = SpreadsheetFile.Read(bytes);

        Assert.Null(problem);
        Assert.Equal(["Nom", "Prénom", "Né le"], content!.Headers);
        Assert.Equal(["DURAND", "Élodie", "04/03/1988"], content.Rows.Single());
    }

    [Fact]
    public void A_csv_with_commas_and_quoted_fields_in_UTF8_with_a_BOM_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Nom,Adresse\nMARTIN,\"3, rue de l'Église\"\n")).ToArray();

        var (content, problem) = SpreadsheetFile.Read(bytes);

        Assert.Null(problem);
        Assert.Equal(["MARTIN", "3, rue de l'Église"], content!.Rows.Single());
    }

    [Fact]
    public void An_xlsx_workbook_is_read_with_its_dates_as_French_dates()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["Nom"] = "KONATÉ", ["Prénom"] = "Fatou", ["Naissance"] = new DateTime(1990, 5, 17), ["Tél"] = 612345678 } });

        var (content, problem) = SpreadsheetFile.Read(stream.ToArray());

        Assert.Null(problem);
        Assert.Equal(["Nom", "Prénom", "Naissance", "Tél"], content!.Headers);
        Assert.Equal(["KONATÉ", "Fatou", "17/05/1990", "612345678"], content.Rows.Single());
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, "Excel 97-2003")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "ni un classeur Excel")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00 }, "n'a pas pu être lu")]
    [InlineData(new byte[] { }, "vide")]
    public void A_file_that_is_no_spreadsheet_is_refused_by_its_content_with_a_French_reason(byte[] bytes, string reason)
    {
        var (content, problem) = SpreadsheetFile.Read(bytes);

        Assert.Null(content);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var (content, problem) = SpreadsheetFile.Read(new byte[SpreadsheetFile.MaxBytes + 1]);

        Assert.Null(content);
        Assert.Contains("20 Mo", problem);
    }
}
