using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Web;

namespace Portal.Pages.Admin.RendezVous;

/// Places and motifs of appointments, as admins see them.
public class IndexModel(PortalDbContext db) : HandledPageModel
{
    public sealed record PlaceRow(int Id, string Name, PlaceKind Kind, string? Address, string? Team, bool IsActive);
    public sealed record MotifRow(int Id, string Name, int DurationMinutes, bool BookableByResidents, PlaceKinds Kinds, bool IsActive);

    public IReadOnlyList<PlaceRow> Places { get; private set; } = [];
    public IReadOnlyList<MotifRow> Motifs { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Places = (await db.Places.AsNoTracking()
            .Select(p => new PlaceRow(p.Id, p.Name, p.Kind, p.Address, p.Team == null ? null : p.Team.Name, p.IsActive))
            .ToListAsync(ct))
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name, StringComparer.Create(Portal.Domain.Formatting.French.Culture, true)).ToList();
        Motifs = (await db.AppointmentMotifs.AsNoTracking()
            .Select(m => new MotifRow(m.Id, m.Name, m.DurationMinutes, m.BookableByResidents, m.AllowedPlaceKinds, m.IsActive))
            .ToListAsync(ct))
            .OrderByDescending(m => m.IsActive).ThenBy(m => m.Name, StringComparer.Create(Portal.Domain.Formatting.French.Culture, true)).ToList();
    }
}
