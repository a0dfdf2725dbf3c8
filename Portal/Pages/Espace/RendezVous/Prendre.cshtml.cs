using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Appointments;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Pages.Espace.RendezVous;

/// "Prendre rendez-vous": a motif, then a place allowed for it, then a free slot. The lists below
/// the motif are refreshed in place by htmx; without JavaScript, "Voir les créneaux" reloads the page.
public class PrendreModel(UserManager<PortalUser> users, AppointmentBooking booking) : HandledPageModel
{
    [BindProperty(SupportsGet = true, Name = "motif")]
    public int? MotifId { get; set; }

    [BindProperty(SupportsGet = true, Name = "lieu")]
    public int? PlaceId { get; set; }

    [BindProperty(Name = "creneau")]
    public string? Slot { get; set; }

    public IReadOnlyList<AppointmentMotif> Motifs { get; private set; } = [];
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public AppointmentMotif? Motif { get; private set; }
    public Place? Place { get; private set; }
    public IReadOnlyList<SlotDay>? Days { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetChoiceAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.Htmx(h => h.WithVary());
        return Request.IsHtmx() ? Partial("_Choice", this) : Page();
    }

    /// Without JavaScript: back to the page with the chosen motif and place in the address (and no token).
    public IActionResult OnPostShow() => RedirectToPage(new { motif = MotifId, lieu = PlaceId });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Motif is null) return Refuse("Choisissez le motif du rendez-vous.");
        if (Place is null) return Refuse("Choisissez le lieu du rendez-vous.");
        if (!SlotChoice.TryParse(Slot, out var workerId, out var startUtc)) return Refuse("Choisissez un créneau.");

        var me = users.GetUserId(User)!;
        var result = await booking.BookAsync(me, me, Actor.Resident, Motif.Id, Place.Id, workerId, startUtc, null, ct);
        if (result.Error is { } error)
        {
            Days = await booking.FreeSlotsAsync(Motif, Place.Id, null, ct);
            return Refuse(error);
        }
        TempData["StatusMessage"] = "Votre rendez-vous est confirmé. Vous allez recevoir un message avec le rendez-vous à ajouter à votre agenda.";
        return Redirect(AppointmentNotifier.ListPath);
    }

    private PageResult Refuse(string message)
    {
        Error = message;
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Motifs = await booking.BookableMotifsAsync(Actor.Resident, ct);
        Motif = Motifs.FirstOrDefault(m => m.Id == MotifId);
        if (Motif is null) return;
        Places = await booking.PlacesForAsync(Motif, ct);
        Place = Places.Count == 1 ? Places[0] : Places.FirstOrDefault(p => p.Id == PlaceId);
        if (Place is null) return;
        Days = await booking.FreeSlotsAsync(Motif, Place.Id, null, ct);
    }
}
