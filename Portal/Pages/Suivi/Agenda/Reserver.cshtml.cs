using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Appointments;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Web;

namespace Portal.Pages.Suivi.Agenda;

/// Staff book for a person: someone from their households or their team's requests, any motif
/// (staff-only ones too), a place allowed for it, a free slot in a worker's agenda. The person gets
/// the confirmation email with its calendar file, as when they book themselves.
public class ReserverModel(PortalDbContext db, UserManager<PortalUser> users, AppointmentBooking booking, StaffAgenda agenda) : HandledPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "personne")] public string? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "motif")] public string? MotifValue { get; set; }
    [BindProperty(SupportsGet = true, Name = "lieu")] public string? PlaceValue { get; set; }
    [BindProperty(SupportsGet = true, Name = "travailleur")] public string? WorkerValue { get; set; }
    [BindProperty(Name = "creneau")] public string? Slot { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }

    public const int MaxNotes = 2000;

    public IReadOnlyList<PersonOption> People { get; private set; } = [];
    public PersonOption? Person { get; private set; }
    public IReadOnlyList<AppointmentMotif> Motifs { get; private set; } = [];
    public AppointmentMotif? Motif { get; private set; }
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public Place? Place { get; private set; }
    public IReadOnlyList<WorkerOption> Workers { get; private set; } = [];
    public WorkerOption Worker { get; private set; } = null!;
    public IReadOnlyList<SlotDay>? Days { get; private set; }
    public string? Error { get; private set; }
    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        return Page();
    }

    /// Without JavaScript: the people found, the places and the slots, the form shown again as typed.
    public Task<IActionResult> OnPostShowAsync(CancellationToken ct) => OnGetAsync(ct);

    /// The people matching the search box (htmx).
    public async Task<IActionResult> OnGetPeopleAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        Response.Htmx(h => h.WithVary());
        return Request.IsHtmx() ? Partial("_People", this) : Page();
    }

    /// The places, worker and slots for the motif chosen (htmx).
    public async Task<IActionResult> OnGetChoiceAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        Response.Htmx(h => h.WithVary());
        return Request.IsHtmx() ? Partial("_Booking", this) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (Person is null) return Refuse("Choisissez la personne pour qui prendre le rendez-vous.");
        if (Motif is null) return Refuse("Choisissez le motif du rendez-vous.");
        if (Place is null) return Refuse("Choisissez le lieu du rendez-vous.");
        if (!SlotChoice.TryParse(Slot, out var workerId, out var startUtc) || Workers.All(w => w.Id != workerId)) return Refuse("Choisissez un créneau.");
        var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (notes is { Length: > MaxNotes }) return Refuse($"La note ne doit pas dépasser {MaxNotes} caractères.");

        var me = users.GetUserId(User)!;
        var result = await booking.BookAsync(Person.Id, me, Actor.Staff, Motif.Id, Place.Id, workerId, startUtc, notes, ct);
        if (result.Error is { } error)
        {
            Days = await booking.FreeSlotsAsync(Motif, Place.Id, null, Worker.Id, ct);
            return Refuse(error);
        }
        TempData["StatusMessage"] = $"Le rendez-vous de {Person.Name} est pris le {French.DateTimeLong(startUtc)}. La personne reçoit la confirmation par courriel.";
        var monday = IndexModel.MondayOf(DateOnly.FromDateTime(French.ToParis(startUtc)));
        return RedirectToPage("Index", new { travailleur = workerId == me ? null : workerId, semaine = IndexModel.WeekValue(monday) });
    }

    private PageResult Refuse(string message)
    {
        Error = message;
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (Query is { Length: > 200 }) Query = Query[..200];
        People = await agenda.SearchPeopleAsync(scope, Query, ct);
        Person = await agenda.PersonAsync(scope, PersonId, ct);
        if (Person is not null && People.All(p => p.Id != Person.Id)) People = [Person, .. People];

        Workers = await agenda.WorkersInScopeAsync(User, me, ct);
        Worker = Workers.FirstOrDefault(w => w.Id == WorkerValue) ?? Workers[0];
        Motifs = await booking.BookableMotifsAsync(Actor.Staff, ct);
        Motif = int.TryParse(MotifValue, NumberStyles.None, CultureInfo.InvariantCulture, out var motifId) ? Motifs.FirstOrDefault(m => m.Id == motifId) : null;
        if (Motif is null) return true;
        Places = await booking.PlacesForAsync(Motif, ct);
        Place = Places.Count == 1 ? Places[0]
            : int.TryParse(PlaceValue, NumberStyles.None, CultureInfo.InvariantCulture, out var placeId) ? Places.FirstOrDefault(p => p.Id == placeId) : null;
        if (Place is null) return true;
        Days = await booking.FreeSlotsAsync(Motif, Place.Id, null, Worker.Id, ct);
        return true;
    }
}
