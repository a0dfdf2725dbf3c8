using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Web;

namespace Portal.Pages.Espace.Ateliers;

/// One session, the page the emails link to (accept or decline a seat offered).
public class DetailsModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : HandledPageModel, IWorkshopMessages
{
    public SessionCard Card { get; private set; } = null!;

    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await SessionCard.LoadOneAsync(db, id, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime, ct) is not { } card) return NotFound();
        Card = card;
        return Page();
    }
}
