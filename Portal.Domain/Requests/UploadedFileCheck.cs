namespace Portal.Domain.Requests;

public enum AcceptedFileType { Pdf, Jpeg, Png }

/// Where a supporting document is added; each holds a bounded number of them.
public enum DocumentFolder
{
    /// The person's own draft (step 5 of the form).
    Draft,
    /// A request once sent, completed by the person.
    SentRequest,
    /// A partner's orientation, completed by the partner.
    Orientation,
}

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

    /// How many documents a folder holds at most: enough for a complete file, few enough to stay readable.
    public static int MaxDocuments(DocumentFolder folder) => folder switch
    {
        DocumentFolder.Draft => 40,
        DocumentFolder.SentRequest => 60,
        _ => 30,
    };

    /// Refuses one more document in a folder that already holds <paramref name="held"/>, with what to do instead.
    public static void CheckRoom(int held, DocumentFolder folder)
    {
        var max = MaxDocuments(folder);
        if (held < max) return;
        throw new DomainRuleException(folder switch
        {
            DocumentFolder.Draft => $"Vous avez déjà ajouté {max} documents : supprimez-en un avant d'en ajouter un autre.",
            DocumentFolder.SentRequest => $"Cette demande compte déjà {max} documents : écrivez à l'équipe si vous devez en ajouter d'autres.",
            _ => $"Cette orientation compte déjà {max} documents : écrivez à l'équipe si vous devez en ajouter d'autres.",
        }, "File");
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
