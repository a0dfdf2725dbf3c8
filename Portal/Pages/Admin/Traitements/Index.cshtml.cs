using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Privacy;

namespace Portal.Pages.Admin.Traitements;

/// The records of processing (GDPR art. 30), from the same policy the purge applies; exportable as
/// CSV for the data-protection officer.
public class IndexModel : PageModel
{
    public IReadOnlyList<ProcessingActivity> Activities => RetentionPolicy.Activities;

    public static string Periods(ProcessingActivity activity) =>
        string.Join(" ; ", activity.RuleKeys.Select(RetentionPolicy.ByKey).Select(r => $"{r.Records} : {r.PeriodLabel} après {r.Start}, puis {r.OutcomeLabel}"));

    public void OnGet()
    {
    }

    public IActionResult OnGetCsv()
    {
        var rows = Activities.Select(a => (IReadOnlyList<string?>)[a.Name, a.Purpose, a.LegalBasis, a.DataCategories, a.People, a.Recipients, Periods(a)]);
        var csv = PersonalDataExport.Csv(["Traitement", "Finalité", "Base légale", "Catégories de données", "Personnes concernées", "Destinataires", "Durées de conservation"], rows);
        return File(csv, "text/csv; charset=utf-8", "registre-des-traitements.csv");
    }
}
