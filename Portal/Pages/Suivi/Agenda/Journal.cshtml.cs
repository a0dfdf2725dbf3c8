using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Appointments;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Appointments;
using Portal.Domain.Formatting;
using Portal.Web;

namespace Portal.Pages.Suivi.Agenda;

/// Writes an honoured appointment (or a home visit) into the journal of the person's household,
/// once: the entry keeps the appointment's id.
public class JournalModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, StaffAgenda agenda) : HandledPageModel
{
    public const int MaxText = 10000;

    public sealed record Summary(long Id, string Motif, string Place, PlaceKind PlaceKind, string Person, string PersonId, string WorkerId, DateTime StartUtc, AppointmentStatus Status);

    [BindProperty(Name = "texte")] public string? Text { get; set; }
    [BindProperty(Name = "confidentiel")] public string? Confidential { get; set; }

    public Summary Current { get; private set; } = null!;
    public Household? Household { get; private set; }
    public bool Eligible { get; private set; }
    public bool AlreadyWritten { get; private set; }
    public bool CanWrite => Eligible && Household is not null && !AlreadyWritten;
    public bool IsConfidential => Confidential is "true" or "on";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWrite) return Page();
        ModelState.Clear();
        var text = Text?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError("texte", "Écrivez le compte rendu du rendez-vous.");
        else if (text.Length > MaxText) ModelState.AddModelError("texte", $"Le texte ne doit pas dépasser {MaxText} caractères.");
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var scope = await StaffScope.ForAsync(User, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Checked again inside the transaction: two clicks write one entry.
        if (await db.JournalEntries.AnyAsync(j => j.AppointmentId == id, ct))
        {
            AlreadyWritten = true;
            return Page();
        }
        db.JournalEntries.Add(new JournalEntry
        {
            HouseholdId = Household!.Id,
            Kind = Current.PlaceKind == PlaceKind.HomeVisit ? JournalKind.HomeVisit : JournalKind.Appointment,
            OccurredOn = DateOnly.FromDateTime(French.ToParis(Current.StartUtc)),
            AuthorId = scope.UserId,
            AuthorName = scope.UserName.Length > 200 ? scope.UserName[..200] : scope.UserName,
            Text = text,
            IsConfidential = IsConfidential,
            CreatedAtUtc = now,
            AppointmentId = id,
        });
        scope.Audit(db, AuditActions.ChangedFile, Household.Id, now, $"Rendez-vous du {French.DateTimeShort(Current.StartUtc)} écrit au journal");
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on JournalEntry.AppointmentId: another click wrote it first.
            AlreadyWritten = true;
            return Page();
        }

        TempData["StatusMessage"] = $"Le rendez-vous est écrit au journal du ménage {Household.Name}.";
        var monday = IndexModel.MondayOf(DateOnly.FromDateTime(French.ToParis(Current.StartUtc)));
        return RedirectToPage("Index", new { travailleur = Current.WorkerId == scope.UserId ? null : Current.WorkerId, semaine = IndexModel.WeekValue(monday) });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        var workers = (await agenda.WorkersInScopeAsync(User, me, ct)).Select(w => w.Id).ToList();
        var current = await db.Appointments.AsNoTracking().Where(a => a.Id == id && workers.Contains(a.WorkerId)).Named(db)
            .Select(n => new Summary(n.Appointment.Id, n.Motif, n.Place, n.PlaceKind, n.Person, n.Appointment.PersonId, n.Appointment.WorkerId, n.Appointment.StartUtc, n.Appointment.Status))
            .FirstOrDefaultAsync(ct);
        if (current is null) return false;
        Current = current;
        Eligible = StaffAgenda.MayGoToJournal(current.Status, current.PlaceKind, current.StartUtc, clock.GetUtcNow().UtcDateTime);
        AlreadyWritten = await db.JournalEntries.AnyAsync(j => j.AppointmentId == id, ct);
        Household = await agenda.HouseholdOfAsync(await StaffScope.ForAsync(User, db, ct), current.PersonId, ct);
        return true;
    }
}
