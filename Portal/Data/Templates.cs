using Microsoft.EntityFrameworkCore;
using Portal.Documents.Templates;
using Portal.Documents.Templates.Defaults;

namespace Portal.Data;

/// One uploaded version of a document's template. Versions are never changed nor deleted: an admin
/// goes back to an older one by activating it again. At most one version per kind is active; none
/// active means the template shipped with Passerelle is used.
public class DocumentTemplate
{
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

/// A kind of document whose template an admin can replace: what its templates may say, the
/// template Passerelle ships and a demo household to preview an upload with.
public sealed record TemplateKind(string Kind, string Slug, string Title, DocumentDictionary Dictionary, Func<byte[]> DefaultTemplate, Func<TemplateModel> SampleModel);

public static class TemplateKinds
{
    public static readonly IReadOnlyList<TemplateKind> All =
    [
        new(ContratTripartite.Kind, "contrat-tripartite", "Contrat tripartite", ContratTripartite.Dictionary,
            DefaultTemplates.ContratTripartite, () => ContratTripartite.Model(ContratTripartite.Sample())),
        new(ContratAccompagnement.Kind, "contrat-accompagnement", "Contrat d'accompagnement", ContratAccompagnement.Dictionary,
            DefaultTemplates.ContratAccompagnement, () => ContratAccompagnement.Model(ContratAccompagnement.Sample())),
        new(BilanMesure.Kind, "bilan-mesure", "Bilan de mesure", BilanMesure.Dictionary,
            DefaultTemplates.BilanMesure, () => BilanMesure.Model(BilanMesure.Sample())),
        new(FicheBilanEtat.Kind, "fiche-bilan-etat", "Fiche-bilan IML pour l'État", FicheBilanEtat.Dictionary,
            DefaultTemplates.FicheBilanEtat, () => FicheBilanEtat.Model(FicheBilanEtat.Sample())),
        new(ProcesVerbal.Kind, "proces-verbal", "Procès-verbal de commission", ProcesVerbal.Dictionary,
            DefaultTemplates.ProcesVerbal, () => ProcesVerbal.Model(ProcesVerbal.Sample())),
        new(BilanActivite.Kind, "bilan-activite", "Bilan d'activité annuel", BilanActivite.Dictionary,
            DefaultTemplates.BilanActivite, () => BilanActivite.Model(BilanActivite.Sample())),
    ];

    public static TemplateKind? BySlug(string? slug) => All.FirstOrDefault(k => k.Slug == slug);

    public static TemplateKind? ByKind(string? kind) => All.FirstOrDefault(k => k.Kind == kind);
}

public static class TemplateStore
{
    public const int MaxCommentLength = 500;
    public const int MaxFileNameLength = 260;

    /// The template documents of this kind are made from: the active upload, else the shipped one.
    public static async Task<byte[]> ActiveTemplateAsync(PortalDbContext db, string kind, CancellationToken ct = default)
    {
        var uploaded = await db.DocumentTemplates.AsNoTracking()
            .Where(t => t.Kind == kind && t.IsActive)
            .Select(t => t.Content)
            .SingleOrDefaultAsync(ct);
        if (uploaded is not null) return uploaded;
        return (TemplateKinds.ByKind(kind) ?? throw new ArgumentException($"Unknown document kind {kind}", nameof(kind))).DefaultTemplate();
    }

    /// Makes one version the active one (or none: back to the shipped template). Flags are flipped
    /// with set-based updates rather than through the entities, so that activating never reads every
    /// version's file; the transaction and the filtered unique index keep one active per kind.
    public static async Task<bool> ActivateAsync(PortalDbContext db, string kind, int? version, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (version is { } v && !await db.DocumentTemplates.AnyAsync(t => t.Kind == kind && t.Version == v, ct))
            return false;
        await db.DocumentTemplates.Where(t => t.Kind == kind && t.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, false), ct);
        if (version is { } chosen)
            await db.DocumentTemplates.Where(t => t.Kind == kind && t.Version == chosen)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, true), ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
