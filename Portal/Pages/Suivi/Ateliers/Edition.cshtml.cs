using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Workshops;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Workshops;

namespace Portal.Pages.Suivi.Ateliers;

/// Creates a session, or changes one (a new number of seats offers the added seats to the waiting list).
public class EditionModel(PortalDbContext db, TimeProvider clock, WorkshopRegistrations registrations) : PageModel
{
    public sealed record Option(string Value, string Label);

    public class SessionInput
    {
        [Required(ErrorMessage = "Indiquez le thème de l'atelier.")]
        [StringLength(200, ErrorMessage = "Le thème ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Thème")]
        public string? Theme { get; set; }

        [StringLength(2000, ErrorMessage = "La description ne doit pas dépasser 2 000 caractères.")]
        [Display(Name = "Description (facultatif)")]
        public string? Description { get; set; }

        [Display(Name = "Lieu")]
        public string? PlaceId { get; set; }

        [Display(Name = "Date")]
        public string? Date { get; set; }

        [Display(Name = "Heure de début (heure de Paris)")]
        public string? Time { get; set; }

        [Display(Name = "Durée en minutes")]
        public string? Duration { get; set; }

        [Display(Name = "Nombre de places")]
        public string? Seats { get; set; }

        [Display(Name = "Animé par")]
        public string? LeaderId { get; set; }

        [Display(Name = "Équipe (facultatif)")]
        public string? TeamId { get; set; }
    }

    [BindProperty] public SessionInput Input { get; set; } = new();

    public long? Id { get; private set; }
    public bool HasStarted { get; private set; }
    public IReadOnlyList<Option> Places { get; private set; } = [];
    public IReadOnlyList<Option> Leaders { get; private set; } = [];
    public IReadOnlyList<Option> Teams { get; private set; } = [];

    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var scope = await StaffScope.ForAsync(User, db, ct);
            var w = await scope.Reachable(db.Workshops.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (w is null) return NotFound();
            if (w.IsCancelled) return Redirect(WorkshopLinks.StaffSession(existing));
            var start = French.ToParis(w.StartsAtUtc);
            HasStarted = w.StartsAtUtc <= clock.GetUtcNow().UtcDateTime;
            Input = new SessionInput
            {
                Theme = w.Theme, Description = w.Description, PlaceId = $"{w.PlaceId}",
                Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Time = start.ToString("HH:mm", CultureInfo.InvariantCulture),
                Duration = $"{w.DurationMinutes}", Seats = $"{w.Seats}", LeaderId = w.LeaderId, TeamId = w.TeamId?.ToString(CultureInfo.InvariantCulture),
            };
        }
        else
        {
            var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var team = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
            Input = new SessionInput { Duration = "120", Seats = "10", Time = "14:00", LeaderId = me, TeamId = team?.ToString(CultureInfo.InvariantCulture) };
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        Id = id;
        var staff = await StaffScope.ForAsync(User, db, ct);
        if (id is { } existing)
        {
            var start = await staff.Reachable(db.Workshops).Where(w => w.Id == existing).Select(w => (DateTime?)w.StartsAtUtc).FirstOrDefaultAsync(ct);
            if (start is null) return NotFound();
            HasStarted = start <= clock.GetUtcNow().UtcDateTime;
        }
        await LoadOptionsAsync(ct);
        var input = Read();
        if (input is not null && !staff.CanReach(input.TeamId, input.LeaderId))
            ModelState.AddModelError("Input.TeamId", "Choisissez votre équipe, aucune équipe, ou animez la séance vous-même : sinon vous ne pourriez plus y accéder.");
        if (input is null || !ModelState.IsValid) return Page();

        try
        {
            if (id is null)
            {
                var newId = await registrations.CreateAsync(input, ct);
                StatusMessage = "La séance est créée : les résidents peuvent s'y inscrire depuis leur espace.";
                return Redirect(WorkshopLinks.StaffSession(newId));
            }
            var result = await registrations.UpdateAsync(id.Value, input, ct);
            if (!result.Found) return NotFound();
            if (result.Error is { } error)
            {
                AddRuleError(error, result.Field);
                return Page();
            }
            StatusMessage = result.OffersMade > 0
                ? $"La séance est modifiée. {OffersText(result.OffersMade)}"
                : "La séance est modifiée.";
            return Redirect(WorkshopLinks.StaffSession(id.Value));
        }
        catch (DomainRuleException e)
        {
            AddRuleError(e.Message, e.Field);
            return Page();
        }
    }

    public static string OffersText(int offers) => offers == 1
        ? "Une place est proposée à la première personne de la liste d'attente, prévenue par courriel."
        : $"{offers} places sont proposées aux premières personnes de la liste d'attente, prévenues par courriel.";

    /// A rule of the session shown at the field it concerns (the session's name for it).
    private void AddRuleError(string message, string? field) =>
        ModelState.AddModelError(field switch
        {
            nameof(Workshop.Seats) => "Input.Seats",
            nameof(Workshop.StartsAtUtc) => "Input.Date",
            nameof(Workshop.Theme) => "Input.Theme",
            nameof(Workshop.DurationMinutes) => "Input.Duration",
            nameof(Workshop.LeaderId) => "Input.LeaderId",
            _ => string.Empty,
        }, message);

    /// Checks every field and turns them into a session, French errors at the fields otherwise.
    private WorkshopPlan? Read()
    {
        int? placeId = int.TryParse(Input.PlaceId, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && Places.Any(o => o.Value == Input.PlaceId) ? p : null;
        if (placeId is null) ModelState.AddModelError("Input.PlaceId", "Choisissez le lieu de la séance.");

        DateOnly? date = DateOnly.TryParseExact(Input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;
        if (date is null) ModelState.AddModelError("Input.Date", "Indiquez la date de la séance (jj/mm/aaaa).");
        TimeOnly? time = TimeOnly.TryParseExact(Input.Time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        if (time is null) ModelState.AddModelError("Input.Time", "Indiquez l'heure de début (hh:mm).");

        int? duration = int.TryParse(Input.Duration, NumberStyles.None, CultureInfo.InvariantCulture, out var du) && du is >= 15 and <= 600 ? du : null;
        if (duration is null) ModelState.AddModelError("Input.Duration", "Indiquez une durée entre 15 et 600 minutes.");
        int? seats = int.TryParse(Input.Seats, NumberStyles.None, CultureInfo.InvariantCulture, out var se) && se is >= 1 and <= 500 ? se : null;
        if (seats is null) ModelState.AddModelError("Input.Seats", "Indiquez un nombre de places entre 1 et 500.");

        var leader = Leaders.Any(o => o.Value == Input.LeaderId) ? Input.LeaderId : null;
        if (leader is null) ModelState.AddModelError("Input.LeaderId", "Choisissez la personne qui anime la séance.");
        int? teamId = null;
        if (!string.IsNullOrEmpty(Input.TeamId))
        {
            if (int.TryParse(Input.TeamId, NumberStyles.None, CultureInfo.InvariantCulture, out var team) && Teams.Any(o => o.Value == Input.TeamId)) teamId = team;
            else ModelState.AddModelError("Input.TeamId", "Choisissez une équipe de la liste.");
        }

        DateTime startUtc = default;
        if (date is not null && time is not null && !ParisTime.TryStartToUtc(date.Value.ToDateTime(time.Value), out startUtc))
        {
            ModelState.AddModelError("Input.Time", "Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez-en une autre.");
            return null;
        }
        if (placeId is null || date is null || time is null || duration is null || seats is null || leader is null || string.IsNullOrWhiteSpace(Input.Theme)) return null;
        return new WorkshopPlan(Input.Theme, Input.Description, placeId.Value, startUtc, duration.Value, seats.Value, leader, teamId);
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        Places = (await db.Places.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Address }).ToListAsync(ct))
            .Select(p => new Option($"{p.Id}", string.IsNullOrWhiteSpace(p.Address) ? p.Name : $"{p.Name} ({p.Address})")).ToList();
        var staffRoles = await db.Roles.Where(r => r.Name == Roles.SocialWorker || r.Name == Roles.Manager).Select(r => r.Id).ToListAsync(ct);
        Leaders = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.FullName)
            .Select(u => new Option(u.Id, u.FullName))
            .ToListAsync(ct);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => new Option($"{t.Id}", t.Name)).ToList();
    }
}
