using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Domain.Accounts;

namespace Portal.Privacy;

/// Writes one audit line for each read of a personal-data record by staff, an admin or a partner, and for each
/// attempt refused on one (403/404), in one place rather than page by page. Pages that already
/// write their own line on success (the household file, a document download) are only logged here
/// when refused.
public sealed class ReadAuditFilter(TimeProvider clock, ILogger<ReadAuditFilter> log) : IAsyncPageFilter
{
    public const string DeniedAction = "Accès refusé";

    private sealed record Watched(string Page, string? Handler, string Action, bool AuditedByPage = false);

    private static readonly Watched[] Reads =
    [
        new("/Suivi/Demandes/Details", null, "Consultation d'une demande"),
        new("/Suivi/Demandes/Details", "Document", "Consultation d'une pièce justificative"),
        new("/Suivi/Sejours/Details", null, "Consultation d'un séjour"),
        // Every section of a measure (overview, diagnostic, plan, reviews, renewal, lease).
        new("/Suivi/Accompagnement/Mesure/", null, "Consultation d'une mesure"),
        new("/Admin/Documents/Index", "Download", "Téléchargement d'un document par un administrateur"),
        new("/Suivi/Accompagnement/Mediations", null, "Ouverture du dossier", AuditedByPage: true),
        new("/Suivi/Partenaires/Bailleur", null, "Consultation du partage d'un bilan avec le bailleur"),
        new("/Admin/Import/Lot", null, "Consultation des lignes d'un fichier importé"),
        // What a partner's account reads: the orientations it sent, the SIAO's candidates, the landlord's reviews.
        new("/Partenaire/Orientations/Details", null, "Consultation d'une orientation par un partenaire"),
        new("/Partenaire/Orientations/Details", "Document", "Consultation d'une pièce d'une orientation par un partenaire"),
        new("/Partenaire/Validations/Index", null, "Consultation des candidats à valider par le SIAO"),
        new("/Partenaire/Baux/Index", null, "Consultation des bilans partagés par un bailleur"),
        new("/Suivi/Menages/Dossier", null, "Ouverture du dossier", AuditedByPage: true),
        new("/Suivi/Documents/Download", null, "Téléchargement d'un document", AuditedByPage: true),
    ];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || http.User.Identity?.IsAuthenticated != true) return;
        if (!(http.User.IsInRole(Roles.SocialWorker) || http.User.IsInRole(Roles.Manager) || http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Partner))) return;
        var page = context.ActionDescriptor.ViewEnginePath;
        var handler = context.HandlerMethod?.Name;
        var watched = Reads.FirstOrDefault(w => (w.Page == page || w.Page.EndsWith('/') && page.StartsWith(w.Page, StringComparison.Ordinal))
            && string.Equals(w.Handler, handler, StringComparison.OrdinalIgnoreCase));
        if (watched is null) return;
        var status = executed.Exception is not null && !executed.ExceptionHandled ? 500 : executed.Result switch
        {
            NotFoundResult or NotFoundObjectResult => 404,
            ForbidResult or ChallengeResult => 403,
            StatusCodeResult s => s.StatusCode,
            _ => 200,
        };
        var denied = status is 403 or 404;
        if (!denied && (status != 200 || watched.AuditedByPage)) return;

        var values = context.RouteData.Values.Concat(context.HttpContext.Request.Query.Select(q => new KeyValuePair<string, object?>(q.Key, q.Value.ToString())))
            .Where(v => v.Key is "id" or "documentId" or "measureId").Select(v => $"{v.Key} {v.Value}");
        var detail = $"{watched.Action} ({string.Join(", ", values)})";
        long? householdId = (page is "/Suivi/Menages/Dossier" or "/Suivi/Partenaires/Bailleur" || page.StartsWith("/Suivi/Accompagnement/Mesure/", StringComparison.Ordinal)) && long.TryParse(context.RouteData.Values["id"]?.ToString(), out var hid) ? hid : null;
        try
        {
            var db = http.RequestServices.GetRequiredService<PortalDbContext>();
            var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(http.RequestAborted) ?? "";
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime, UserId = userId, UserName = name,
                Action = denied ? DeniedAction : watched.Action,
                HouseholdId = denied ? null : householdId,
                Detail = denied ? $"{status} – {detail}" : detail,
            });
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException)
        {
            log.LogWarning(ex, "Could not write the audit line of {Page}", page);
        }
    }
}

/// The audit log is append-only from the application: a change or a deletion of a line through
/// the change tracker is refused. Only the retention purge removes old lines, with a set-based
/// DELETE that does not go through here (see <see cref="RetentionPurge"/>), and an erasure or a
/// staff departure replaces a name in them the same way (see <see cref="PersonalDataErasure"/>).
public sealed class AppendOnlyAuditInterceptor : SaveChangesInterceptor
{
    public static readonly AppendOnlyAuditInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only: its lines cannot be changed or deleted.");
    }
}
