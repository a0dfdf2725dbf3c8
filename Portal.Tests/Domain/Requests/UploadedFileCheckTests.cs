using Portal.Domain;
using Portal.Domain.Requests;

namespace Portal.Tests.Domain.Requests;

public class UploadedFileCheckTests
{
    [Theory]
    [InlineData(DocumentFolder.Draft, 40, "Vous avez déjà ajouté 40 documents : supprimez-en un avant d'en ajouter un autre.")]
    [InlineData(DocumentFolder.SentRequest, 60, "Cette demande compte déjà 60 documents : écrivez à l'équipe si vous devez en ajouter d'autres.")]
    [InlineData(DocumentFolder.Orientation, 30, "Cette orientation compte déjà 30 documents : écrivez à l'équipe si vous devez en ajouter d'autres.")]
    public void A_full_folder_refuses_one_more_document_and_says_what_to_do(DocumentFolder folder, int max, string message)
    {
        UploadedFileCheck.CheckRoom(max - 1, folder);

        var full = Assert.Throws<DomainRuleException>(() => UploadedFileCheck.CheckRoom(max, folder));
        Assert.Equal((message, "File"), (full.Message, full.Field));
    }

    [Fact]
    public void Pdf_jpeg_and_png_are_recognised_by_their_content()
    {
        Assert.Equal(AcceptedFileType.Pdf, UploadedFileCheck.Sniff("%PDF-1.7\n"u8));
        Assert.Equal(AcceptedFileType.Jpeg, UploadedFileCheck.Sniff([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal(AcceptedFileType.Png, UploadedFileCheck.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    }

    [Fact]
    public void A_text_file_named_pdf_is_refused_with_the_reason()
    {
        var problem = UploadedFileCheck.Problem(20, "bonjour, je suis un"u8);
        Assert.Contains("ni un PDF", problem);
    }

    [Fact]
    public void Over_ten_megabytes_is_refused_and_ten_exactly_is_accepted()
    {
        Assert.Null(UploadedFileCheck.Problem(UploadedFileCheck.MaxBytes, "%PDF-"u8));
        Assert.Contains("10 Mo", UploadedFileCheck.Problem(UploadedFileCheck.MaxBytes + 1, "%PDF-"u8));
    }

    [Fact]
    public void Empty_file_is_refused() => Assert.Equal("Le fichier est vide.", UploadedFileCheck.Problem(0, []));
}
