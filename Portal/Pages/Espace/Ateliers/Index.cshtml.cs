using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Web;
using Portal.Workshops;

namespace Portal.Pages.Espace.Ateliers;

public interface IWorkshopMessages
{
    string? StatusMessage { get; }
    string? ErrorMessage { get; }
}

/// Upcoming sessions, the person's own, and the actions on their line (sign up, withdraw, accept or
/// decline a seat offered). Every action is on the signed-in person's own line: there is no other.
public class IndexModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, WorkshopRegistrations registrations) : HandledPageModel, IWorkshopMessages
{
    public IReadOnlyList<SessionCard> Upcoming { get; private set; } = [];
    public IReadOnlyList<SessionCard> Mine { get; private set; } = [];

    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Upcoming, Mine) = await SessionCard.LoadAsync(db, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime, ct);
    }

    public Task<IActionResult> OnPostRegisterAsync(long id, string? retour, CancellationToken ct) =>
        ActAsync(id, retour, (r, me) => r.RegisterAsync(id, me, ct), null);

    public Task<IActionResult> OnPostWithdrawAsync(long id, string? retour, CancellationToken ct) =>
        ActAsync(id, retour, (r, me) => r.WithdrawAsync(id, me, ct), null);

    public Task<IActionResult> OnPostAcceptAsync(long id, string? retour, CancellationToken ct) =>
        ActAsync(id, retour, (r, me) => r.AcceptOfferAsync(id, me, ct), "La place est à vous : votre inscription est enregistrée. Un message de confirmation vous a été envoyé.");

    public Task<IActionResult> OnPostDeclineAsync(long id, string? retour, CancellationToken ct) =>
        ActAsync(id, retour, (r, me) => r.DeclineOfferAsync(id, me, ct), null);

    private async Task<IActionResult> ActAsync(long id, string? retour, Func<WorkshopRegistrations, string, Task<WorkshopResult>> act, string? done)
    {
        var result = await act(registrations, users.GetUserId(User)!);
        if (!result.Found) return NotFound();
        if (result.Error is { } error) ErrorMessage = error;
        else StatusMessage = done ?? result.Outcome?.Message;
        // htmx follows the redirect and swaps the page's content in place.
        return retour == "fiche" ? Redirect(WorkshopLinks.ResidentSession(id)) : Redirect(WorkshopLinks.Resident + $"#atelier-{id}");
    }
}
