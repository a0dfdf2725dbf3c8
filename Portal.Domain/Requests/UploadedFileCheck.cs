namespace Portal.Domain.Requests;

public enum AcceptedFileType { Pdf, Jpeg, Png }

/// Supporting documents are checked by what they contain, not by their name.
public static class UploadedFileCheck
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static AcceptedFileType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8)) return AcceptedFileType.Pdf;
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return AcceptedFileType.Jpeg;
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return AcceptedFileType.Png;
        return null;
    }

    /// Null when the file is accepted, else the French reason shown at the field.
    public static string? Problem(long length, ReadOnlySpan<byte> head)
    {
        if (length == 0) return "Le fichier est vide.";
        if (length > MaxBytes) return $"Le fichier fait {length / (1024.0 * 1024.0):0.0} Mo : la taille maximale est de 10 Mo.";
        if (Sniff(head) is null) return "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG. Enregistrez-le dans l'un de ces formats puis réessayez.";
        return null;
    }

    public static string ContentType(AcceptedFileType type) => type switch
    {
        AcceptedFileType.Pdf => "application/pdf",
        AcceptedFileType.Jpeg => "image/jpeg",
        AcceptedFileType.Png => "image/png",
        _ => "application/octet-stream",
    };

    public static string Extension(AcceptedFileType type) => type switch
    {
        AcceptedFileType.Pdf => ".pdf",
        AcceptedFileType.Jpeg => ".jpg",
        AcceptedFileType.Png => ".png",
        _ => "",
    };
}
