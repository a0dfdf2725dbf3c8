using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Documents;

/// The association's logo on the letterhead of every document. Kept like a template (versions, one
/// active) under its own kind; none active: documents have no logo.
public static class AssociationLogo
{
    public const string Kind = "AssociationLogo";
    public const int MaxBytes = 1024 * 1024;

    public static Task<byte[]?> ActiveAsync(PortalDbContext db, CancellationToken ct = default) =>
        db.DocumentTemplates.AsNoTracking().Where(t => t.Kind == Kind && t.IsActive).Select(t => (byte[]?)t.Content).SingleOrDefaultAsync(ct);

    /// Null when the file can be used as a logo, else the French reason.
    public static string? Problem(long length, ReadOnlySpan<byte> head)
    {
        if (length == 0) return "Le fichier est vide.";
        if (length > MaxBytes) return "Le logo ne doit pas dépasser 1 Mo.";
        return UploadedFileCheck.Sniff(head) is AcceptedFileType.Png or AcceptedFileType.Jpeg
            ? null
            : "Le logo doit être une image PNG ou JPEG.";
    }

    public static string ContentType(ReadOnlySpan<byte> head) =>
        UploadedFileCheck.Sniff(head) == AcceptedFileType.Png ? "image/png" : "image/jpeg";
}
