using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Requests;

public sealed record RequestDocumentRow(long Id, SupportingDocumentKind Kind, string FileName, string ContentType, long Size, DateTime UploadedAtUtc)
{
    public string SizeText => Size < 1024 * 1024 ? $"{Math.Max(1, Size / 1024)} Ko" : $"{Size / (1024.0 * 1024.0):0.0} Mo";
    public bool CanShowInline => ContentType is "application/pdf" or "image/jpeg" or "image/png";
}

/// What the upload forms post: one file, and the kind of document it is.
public sealed class UploadInput
{
    [FrenchValue]
    public SupportingDocumentKind? Kind { get; set; }

    public IFormFile? File { get; set; }

    /// The "pièce demandée" this file answers, when posted from its own form.
    [FrenchValue]
    public long? RequestedId { get; set; }
}

/// Supporting documents are checked by what they contain, kept in the database, and only ever
/// served back to their owner. The person's file name is kept for display, never used as a path.
public static class DocumentUploads
{
    public const string KindKey = "Upload.Kind";
    public const string FileKey = "Upload.File";

    /// A request's documents, oldest first. Compiled once: the person's request page reads it at every view.
    public static IAsyncEnumerable<RequestDocumentRow> Rows(PortalDbContext db, long requestId) => RowsOf(db, requestId);

    private static readonly Func<PortalDbContext, long, IAsyncEnumerable<RequestDocumentRow>> RowsOf =
        EF.CompileAsyncQuery((PortalDbContext db, long requestId) => db.RequestDocuments.AsNoTracking()
            .Where(d => d.HousingRequestId == requestId)
            .OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
            .Select(d => new RequestDocumentRow(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedAtUtc)));

    /// Reads and checks the posted file for a folder holding <paramref name="held"/> documents; null
    /// with French messages in ModelState when refused.
    public static async Task<RequestDocument?> ReadAsync(UploadInput upload, int held, DocumentFolder folder, PageModel page, string userId, DateTime nowUtc, CancellationToken ct)
    {
        var modelState = page.ModelState;
        try
        {
            UploadedFileCheck.CheckRoom(held, folder);
        }
        catch (DomainRuleException full)
        {
            // Whatever the form's prefix, its file input is this one.
            modelState.AddModelError(FileKey, full.Message);
            return null;
        }
        if (upload.Kind is null && modelState.GetFieldValidationState(KindKey) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            modelState.AddModelError(KindKey, "Choisissez le type de document.");
        var file = upload.File;
        if (file is null)
        {
            modelState.AddModelError(FileKey, "Choisissez le fichier à ajouter.");
            return null;
        }
        var head = new byte[8];
        var read = 0;
        if (file.Length is > 0 and <= UploadedFileCheck.MaxBytes)
        {
            await using var stream = file.OpenReadStream();
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }
        if (UploadedFileCheck.Problem(file.Length, head.AsSpan(0, read)) is { } problem)
        {
            modelState.AddModelError(FileKey, problem);
            return null;
        }
        if (upload.Kind is null) return null;

        var type = UploadedFileCheck.Sniff(head.AsSpan(0, read))!.Value;
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        return new RequestDocument(upload.Kind.Value, DisplayName(file.FileName, type), UploadedFileCheck.ContentType(type), content, userId, nowUtc);
    }

    /// "C:\Users\x\Mes papiers\avis 2025.pdf" → "avis 2025.pdf"; no control character; 200 characters
    /// at most; the extension is the one of the type found in the content, never the person's:
    /// a PDF posted as "poly.html" is kept as "poly.pdf".
    public static string DisplayName(string? posted, AcceptedFileType type)
    {
        var name = (posted ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        var dot = name.LastIndexOf('.');
        if (dot >= 0) name = name[..dot].TrimEnd();
        if (name.Length > 190) name = name[..(char.IsHighSurrogate(name[189]) ? 189 : 190)];
        return (name.Length == 0 ? "document" : name) + UploadedFileCheck.Extension(type);
    }

    public static IActionResult Serve(PageModel page, RequestDocument document, bool inline) =>
        Portal.Requests.DocumentResponses.Serve(page, document.FileName, document.ContentType, document.Content, inline);
}

/// One upload form: a kind chosen in a list (or fixed, for a "pièce demandée"), one file.
public sealed record UploadFormModel(string Action, string IdPrefix, SupportingDocumentKind? FixedKind, long? RequestedId, bool ShowErrors, string ButtonText, SupportingDocumentKind? SelectedKind = null);
