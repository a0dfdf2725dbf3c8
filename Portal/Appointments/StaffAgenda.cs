using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Appointments;
using Portal.Domain.Requests;

namespace Portal.Appointments;

public sealed record WorkerOption(string Id, string Name);

public sealed record TeamOption(int Id, string Name);

public sealed record PersonOption(string Id, string Name, string Email);

/// Whose agenda a member of staff may see and change, and for whom they may book: the rules shared
/// by every page of /suivi/agenda.
public sealed class StaffAgenda(PortalDbContext db)
{
    /// The signed-in user, then the social workers of their team (every team's for a manager).
    public async Task<IReadOnlyList<WorkerOption>> WorkersInScopeAsync(ClaimsPrincipal user, PortalUser me, CancellationToken ct)
    {
        var allTeams = user.IsInRole(Roles.Manager);
        var roleId = await SocialWorkerRoleAsync(ct);
        var others = await db.Users.AsNoTracking()
            .Where(u => u.Id != me.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Where(u => allTeams ? u.TeamId != null : me.TeamId != null && u.TeamId == me.TeamId)
            .OrderBy(u => u.FullName)
            .Select(u => new WorkerOption(u.Id, u.FullName))
            .ToListAsync(ct);
        return [new WorkerOption(me.Id, me.FullName), .. others];
    }

    /// Whose opening hours this user may change: their own, and any social worker's for a manager.
    public async Task<IReadOnlyList<WorkerOption>> HoursEditableAsync(ClaimsPrincipal user, PortalUser me, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Manager)) return [new WorkerOption(me.Id, me.FullName)];
        var roleId = await SocialWorkerRoleAsync(ct);
        var others = await db.Users.AsNoTracking()
            .Where(u => u.Id != me.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.FullName)
            .Select(u => new WorkerOption(u.Id, u.FullName))
            .ToListAsync(ct);
        return [new WorkerOption(me.Id, me.FullName), .. others];
    }

    /// The teams whose planning this user may see: all for a manager, their own for a worker.
    public async Task<IReadOnlyList<TeamOption>> TeamsInScopeAsync(ClaimsPrincipal user, PortalUser me, CancellationToken ct) =>
        await db.Teams.AsNoTracking()
            .Where(t => user.IsInRole(Roles.Manager) || (me.TeamId != null && t.Id == me.TeamId))
            .OrderBy(t => t.Name)
            .Select(t => new TeamOption(t.Id, t.Name))
            .ToListAsync(ct);

    /// The social workers of a team, by name.
    public async Task<IReadOnlyList<WorkerOption>> TeamWorkersAsync(int teamId, CancellationToken ct)
    {
        var roleId = await SocialWorkerRoleAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.FullName)
            .Select(u => new WorkerOption(u.Id, u.FullName))
            .ToListAsync(ct);
    }

    /// The people staff may book for: residents of the households they can open, and applicants of
    /// their team's submitted requests (every one for a manager).
    public IQueryable<PortalUser> BookablePeople(StaffScope scope)
    {
        var fromHouseholds = scope.Visible(db.Households).Where(h => h.ResidentId != null).Select(h => h.ResidentId!);
        var fromRequests = scope.Visible(db.HousingRequests).Select(r => r.ApplicantId);
        return db.Users.Where(u => fromHouseholds.Contains(u.Id) || fromRequests.Contains(u.Id));
    }

    public const int MaxPeopleShown = 20;

    /// People matching a name or email, accents and case aside (compared in memory: the list is
    /// already limited to the user's scope).
    public async Task<IReadOnlyList<PersonOption>> SearchPeopleAsync(StaffScope scope, string? text, CancellationToken ct)
    {
        var key = RequestReference.SearchKey(text ?? "");
        if (key.Length < 2) return [];
        var words = key.Split(' ');
        var people = await BookablePeople(scope).AsNoTracking()
            .Select(u => new PersonOption(u.Id, u.FullName, u.Email ?? "")).ToListAsync(ct);
        return people
            .Where(p =>
            {
                var name = RequestReference.SearchKey(p.Name);
                var email = p.Email.ToUpperInvariant();
                return words.All(w => name.Contains(w, StringComparison.Ordinal) || email.Contains(w, StringComparison.Ordinal));
            })
            .OrderBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))
            .Take(MaxPeopleShown)
            .ToList();
    }

    public async Task<PersonOption?> PersonAsync(StaffScope scope, string? id, CancellationToken ct) =>
        string.IsNullOrEmpty(id) ? null : await BookablePeople(scope).AsNoTracking().Where(u => u.Id == id)
            .Select(u => new PersonOption(u.Id, u.FullName, u.Email ?? "")).FirstOrDefaultAsync(ct);

    /// The household file of the person an appointment is for, among those the user may open.
    public async Task<Household?> HouseholdOfAsync(StaffScope scope, string personId, CancellationToken ct) =>
        await scope.Visible(db.Households).AsNoTracking()
            .Where(h => h.ResidentId == personId)
            .OrderBy(h => h.Status).ThenByDescending(h => h.Id)
            .FirstOrDefaultAsync(ct);

    /// Whether an appointment may be written to the journal: honoured, or a home visit that has started and was not missed or cancelled.
    public static bool MayGoToJournal(AppointmentStatus status, PlaceKind kind, DateTime startUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Honoured
        || (kind == PlaceKind.HomeVisit && status == AppointmentStatus.Booked && startUtc <= nowUtc);

    private Task<string?> SocialWorkerRoleAsync(CancellationToken ct) =>
        db.Roles.Where(r => r.Name == Roles.SocialWorker).Select(r => r.Id).SingleOrDefaultAsync(ct);
}
