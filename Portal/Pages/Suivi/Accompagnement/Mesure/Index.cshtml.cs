using Microsoft.AspNetCore.Mvc;
using Portal.CaseFiles;
using Portal.Data;

namespace Portal.Pages.Suivi.Accompagnement.Mesure;

/// A measure at a glance: its terms, documents, diagnostic, plan, review schedule and lease; each
/// section's page holds its forms.
public class IndexModel(PortalDbContext db, TimeProvider clock) : MeasurePageModel(db, clock)
{
    /// Where the forms of this page went when the measure was split into sections: a form posted
    /// from a page loaded before (same fields) goes on to its section, method and body kept.
    private static readonly Dictionary<string, (string Page, string? Handler)> MovedHandlers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Diagnostic"] = ("Diagnostic", null),
        ["AddAxis"] = ("Plan", "AddAxis"),
        ["AxisStatus"] = ("Plan", "AxisStatus"),
        ["AxisNote"] = ("Plan", "AxisNote"),
        ["Review"] = ("Bilans", null),
        ["Renew"] = ("Renouvellement", null),
        ["CreateLease"] = ("Bail", "CreateLease"),
        ["Payment"] = ("Bail", "Payment"),
    };

    public override MeasureSection Section => MeasureSection.Overview;

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct)
    {
        await LoadDiagnosticAsync(scope, ct);
        await LoadDwellingLabelAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(long id, long measureId, string? handler, long? axisId, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, Db, ct);
        if (!await LoadAsync(id, measureId, scope, tracked: false, ct)) return NotFound();
        return handler is not null && MovedHandlers.TryGetValue(handler, out var moved)
            ? RedirectToPagePreserveMethod(moved.Page, moved.Handler, new { id, measureId, axisId })
            : RedirectToPage(new { id, measureId });
    }
}
