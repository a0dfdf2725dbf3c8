using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Formatting;

namespace Portal.Documents;

public sealed record RenderedFile(string FileName, string ContentType, byte[] Content);

public sealed record TestSheetModel(
    string Title,
    string RequestedBy,
    DateTime RequestedAtUtc,
    DateTime GeneratedAtUtc,
    IReadOnlyList<(string Label, string Value)> Checks);

/// Gathers the data of a document request and hands it to <see cref="WordWriter"/>.
public sealed class DocumentRenderer(PortalDbContext db, TimeProvider clock, IConfiguration config, IEnumerable<IFileMaker> makers)
{
    /// The maker of this kind of file when it is not a Word template (see <see cref="IFileMaker"/>).
    public IFileMaker? MakerOf(string kind) => makers.FirstOrDefault(m => m.Kind == kind);

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<RenderedFile> RenderAsync(DocumentRequest request, CancellationToken ct)
    {
        if (MakerOf(request.Kind) is { } maker) return await maker.RenderAsync(request, ct);
        switch (request.Kind)
        {
            case DocumentKinds.TestSheet:
                var users = await db.Users.CountAsync(ct);
                var model = new TestSheetModel(
                    request.Title,
                    request.RequestedBy?.FullName is { Length: > 0 } n ? n : request.RequestedBy?.Email ?? "",
                    request.CreatedAtUtc,
                    clock.GetUtcNow().UtcDateTime,
                    [
                        ("Base de données", db.Database.ProviderName?.Contains("Npgsql") == true ? "PostgreSQL" : "SQLite"),
                        ("Comptes enregistrés", users.ToString(French.Culture)),
                        ("File des tâches", config["Database:Provider"] == "Postgres" ? "PostgreSQL (partagée)" : "En mémoire"),
                        ("Montant d'essai", French.Money(1500m)),
                        ("Date d'essai", French.Date(new DateOnly(2026, 11, 22))),
                    ]);
                return new RenderedFile($"fiche-de-test-{request.Id}.docx", DocxContentType, WordWriter.TestSheet(model));
            default:
                var kind = TemplateKinds.ByKind(request.Kind) ?? throw new InvalidOperationException($"Unknown document kind {request.Kind}");
                var sources = new DocumentSources(db, clock, config);
                var filled = await sources.ModelAsync(request.Kind, request.SubjectKey, ct);
                var template = await TemplateStore.ActiveTemplateAsync(db, request.Kind, ct);
                return new RenderedFile($"{kind.Slug}-{request.Id}.docx", DocxContentType, DocxTemplate.Render(template, filled));
        }
    }
}
