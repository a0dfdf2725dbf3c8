using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;

namespace Portal.Pages.Suivi.Commissions;

/// The planning of a session, by managers: its date, and who attended.
public class PlanningModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : SessionPageModel(db, users, clock)
{
    [BindProperty] public AttendanceInput Attendance { get; set; } = new();

    public class AttendanceInput
    {
        /// The members ticked present.
        public List<long>? Present { get; set; }
    }

    /// The session is planned from its own page.
    public IActionResult OnGet(long id) => ToSession(id);

    public async Task<IActionResult> OnPostAttendanceAsync(long id, CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        var existing = await Db.CommitteeAttendances.Where(a => a.CommitteeSessionId == id).ToListAsync(ct);
        var recorded = existing.Select(a => a.CommitteeMemberId).ToList();
        // An inactive member is only kept where they were already recorded present.
        var members = await Db.CommitteeMembers.Where(m => m.CommitteeId == session.CommitteeId && (m.IsActive || recorded.Contains(m.Id)))
            .Select(m => m.Id).ToListAsync(ct);
        var chosen = (Attendance.Present ?? []).Where(members.Contains).ToHashSet();
        Db.CommitteeAttendances.RemoveRange(existing.Where(a => !chosen.Contains(a.CommitteeMemberId)));
        foreach (var m in chosen.Where(m => existing.All(a => a.CommitteeMemberId != m)))
            Db.CommitteeAttendances.Add(new CommitteeAttendance { CommitteeSessionId = id, CommitteeMemberId = m });
        await Db.SaveChangesAsync(ct);
        StatusMessage = $"Présences enregistrées : {chosen.Count} membre{(chosen.Count > 1 ? "s" : "")}.";
        return ToSession(id);
    }

    /// Moves a planned session to another date, as long as nothing is decided yet.
    public async Task<IActionResult> OnPostRescheduleAsync(long id, CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        if (!User.IsInRole(Roles.Manager)) return Forbid();
        var error = ModelState.TryGetValue("Schedule.HeldOn", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
        ModelState.Clear();
        if (error is not null) ModelState.AddModelError("Schedule.HeldOn", error);
        else if (Schedule.HeldOn is null) ModelState.AddModelError("Schedule.HeldOn", "Indiquez la nouvelle date de la séance.");
        if (ModelState.IsValid)
        {
            try
            {
                var before = session.HeldOn;
                session.Reschedule(Schedule.HeldOn!.Value);
                await Db.SaveChangesAsync(ct);
                StatusMessage = before == session.HeldOn
                    ? "La séance garde sa date."
                    : $"La séance du {French.Date(before)} est déplacée au {French.Date(session.HeldOn)}.";
                return ToSession(id);
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddModelError("Schedule.HeldOn", ex.Message);
            }
        }
        return await RedisplayAsync(id, ct);
    }
}
