using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Domain.Accounts;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Exports;

/// The scope of the person who asked for a file, read again when the job runs: an export holds only
/// what that person may reach that day.
public static class RequesterScope
{
    public static async Task<StaffScope> ForAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.FullName, u.Email, u.TeamId }).SingleAsync(ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
        if (!roles.Contains(Roles.Manager) && !roles.Contains(Roles.SocialWorker))
            throw new InvalidOperationException($"User {userId} is no longer staff: their export is not made.");
        return new StaffScope(userId, string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName, roles.Contains(Roles.Manager), user.TeamId);
    }

    public static EmailContent ReadyEmail(string? name, string title, string link) => EmailLayout.Compose(
        "Votre export est prêt – Passerelle",
        name,
        [$"Le fichier « {title} » que vous avez demandé est prêt.", "Téléchargez-le depuis la page des exports :"],
        ("Ouvrir mes exports", link),
        ["Le fichier contient des données personnelles : ne le transmettez qu'à qui doit les connaître."]);
}

/// A table exported as CSV or XLSX from an export definition (subject « export:{id} »).
public sealed class TableExport(PortalDbContext db, PublicLinks links) : IFileMaker
{
    public const string KindName = "Export";
    public const string ExportedAction = "Export de données";

    public string Kind => KindName;

    public static string SubjectKey(long definitionId) => $"export:{definitionId.ToString(CultureInfo.InvariantCulture)}";

    public EmailContent? ReadyEmail(DocumentRequest request, string? recipientName) =>
        RequesterScope.ReadyEmail(recipientName, request.Title, links.Absolute("/suivi/exports"));

    public async Task<RenderedFile> RenderAsync(DocumentRequest request, CancellationToken ct)
    {
        if (DocumentSubject.Parse(KindName, request.SubjectKey) is not ExportSubject subject)
            throw new InvalidOperationException($"Subject « {request.SubjectKey} » is no export");
        var definition = await db.ExportDefinitions.AsNoTracking().SingleAsync(d => d.Id == subject.DefinitionId, ct);
        var table = ExportCatalog.Find(definition.Table) ?? throw new InvalidOperationException($"Unknown export table {definition.Table}");
        var scope = await RequesterScope.ForAsync(db, request.RequestedById, ct);
        var columns = ExportCatalog.Chosen(table, definition.Columns);
        using var buffer = new MemoryStream();
        var rows = table.Rows(db, scope, definition, columns);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (definition.Format == ExportFormat.Csv)
        {
            SpreadsheetWriter.WriteCsv(buffer, columns, rows);
            return new RenderedFile($"{table.Key}-{stamp}-{request.Id}.csv", SpreadsheetWriter.CsvContentType, buffer.ToArray());
        }
        SpreadsheetWriter.WriteXlsx(buffer, [new Sheet(table.Label, columns, rows)]);
        return new RenderedFile($"{table.Key}-{stamp}-{request.Id}.xlsx", SpreadsheetWriter.XlsxContentType, buffer.ToArray());
    }
}
