namespace Portal.Data;

/// One uploaded version of a document's template. Versions are never changed nor deleted: an admin
/// goes back to an older one by activating it again. At most one version per kind is active; none
/// active means the template shipped with Passerelle is used.
public class DocumentTemplate
{
    public const int MaxCommentLength = 500;
    public const int MaxFileNameLength = 260;

    public long Id { get; private set; }
    public string Kind { get; private set; } = "";
    public int Version { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string UploadedById { get; private set; } = "";
    public PortalUser? UploadedBy { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
    public bool IsActive { get; private set; }
    public string? Comment { get; private set; }

    private DocumentTemplate() { }

    public static DocumentTemplate Uploaded(string kind, int version, string fileName, byte[] content, string uploadedById, DateTime atUtc, string? comment) => new()
    {
        Kind = kind,
        Version = version,
        FileName = fileName,
        Content = content,
        UploadedById = uploadedById,
        UploadedAtUtc = atUtc,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
    };
}
