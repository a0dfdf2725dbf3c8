using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Templates.Defaults;

namespace Portal.Documents.Templates;

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
