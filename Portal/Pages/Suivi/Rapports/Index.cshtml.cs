using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Support;

namespace Portal.Pages.Suivi.Rapports;

/// Managers choose a year and a funder, read the key figures and generate the yearly activity report.
public class IndexModel(TimeProvider clock, DocumentSources sources) : PageModel
{
    public bool IsManager { get; private set; }
    public int Year { get; private set; }
    public Funder? Funder { get; private set; }
    public string FunderValue => Funder is { } f ? ((int)f).ToString() : "all";
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ActivityReport? Report { get; private set; }
    public DocumentGenerateModel? Generate { get; private set; }

    public async Task OnGetAsync(int? year, string? funder, CancellationToken ct)
    {
        IsManager = User.IsInRole(Roles.Manager);
        if (!IsManager) return;
        var thisYear = French.ToParis(clock.GetUtcNow().UtcDateTime).Year;
        Years = Enumerable.Range(thisYear - 5, 6).Reverse().ToList();
        Year = year is { } y && Years.Contains(y) ? y : thisYear;
        Funder = int.TryParse(funder, out var n) && Enum.IsDefined((Funder)n) ? (Funder)n : null;
        Report = await sources.ActivityAsync(Year, Funder, ct);
        Generate = new DocumentGenerateModel(BilanActivite.Kind, DocumentSubject.YearKey(Year, Funder),
            ButtonLabel: $"Générer le bilan d'activité {Year} ({DocumentSources.FunderName(Funder)})");
    }
}
