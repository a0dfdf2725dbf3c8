using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Requests;
using Portal.Data;
using Portal.Domain.Requests;

namespace Portal.Pages.Espace.Demandes;

// A 10.5 MB file must reach the handler to get its French message, not a bare 413.
[RequestFormLimits(MultipartBodyLengthLimit = 12_000_000)]
[RequestSizeLimit(12_500_000)]
public class PiecesModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftStepModel(db, users, clock)
{
    public override int Step => 5;

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    public IReadOnlyList<RequestDocumentRow> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        await PrepareAsync(ct);
        var document = await DocumentUploads.ReadAsync(Upload, Documents.Count, DocumentFolder.Draft, this, UserId, Now, ct);
        if (document is null || !ModelState.IsValid) return Page();

        Draft.AddDocument(document, Now);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            WarningMessage = "Votre demande vient d'être modifiée depuis un autre onglet ou un autre appareil : ajoutez à nouveau le document.";
            return Redirect(RequestLinks.Step(id, Step));
        }
        StatusMessage = $"Le document « {document.FileName} » est ajouté ({Labels.Of(document.Kind)}).";
        return Redirect(RequestLinks.Step(id, Step));
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(long id, long documentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        // The file itself is not loaded to be deleted: the draft's version is checked, then the row goes.
        var document = Db.RequestDocuments.Where(d => d.Id == documentId && d.HousingRequestId == id);
        var fileName = await document.Select(d => d.FileName).SingleOrDefaultAsync(ct);
        if (fileName is null) return NotFound();
        Draft.Touch(Now);
        try
        {
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            await Db.SaveChangesAsync(ct);
            await document.ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            WarningMessage = "Votre demande vient d'être modifiée depuis un autre onglet ou un autre appareil : vérifiez la liste des documents.";
            return Redirect(RequestLinks.Step(id, Step));
        }
        StatusMessage = $"Le document « {fileName} » est supprimé.";
        return Redirect(RequestLinks.Step(id, Step));
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, string? go, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        ModelState.Clear();
        return await SaveAndGoAsync(go, ct);
    }

    private async Task PrepareAsync(CancellationToken ct) =>
        Documents = await DocumentUploads.Rows(Db, Draft.Id).ToListAsync(ct);
}
