using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.CaseFiles;
using Portal.Data;

namespace Portal.Pages.Suivi.Portefeuille;

/// « Mon portefeuille »: the households the signed-in worker is the referent of, most urgent first.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PortfolioLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        Lines = await HouseholdsPortfolio.ForAsync(db, scope.UserId, clock.GetUtcNow().UtcDateTime, ct);
    }

    public static string Css(PortfolioAlert alert) => alert switch
    {
        PortfolioAlert.StayOverdue or PortfolioAlert.ReviewLate => "badge-failed",
        PortfolioAlert.StayEnding or PortfolioAlert.UnreadMessage or PortfolioAlert.MissedAppointment => "badge-pending",
        _ => "badge-running",
    };

    public static string Label(PortfolioAlert alert) => alert switch
    {
        PortfolioAlert.StayOverdue => "Séjour échu",
        PortfolioAlert.ReviewLate => "Bilan en retard",
        PortfolioAlert.StayEnding => "Fin de séjour proche",
        PortfolioAlert.UnreadMessage => "Message non lu",
        PortfolioAlert.MissedAppointment => "Rendez-vous manqué",
        PortfolioAlert.ReviewDue => "Bilan à faire",
        _ => alert.ToString(),
    };
}
