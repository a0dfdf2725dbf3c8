using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.CaseFiles;

/// The lists a household form offers (teams, referents) and the checks shared by its member rows.
public static class HouseholdChoices
{
    public sealed record Option(int Id, string Name);
    public sealed record StaffOption(string Id, string Name, int? TeamId);

    public static async Task<IReadOnlyList<Option>> TeamsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id, t.Name)).ToListAsync(ct);

    /// Who may be made referent: for a manager every social worker and manager; for a worker the
    /// social workers of their team and themselves. The current referent stays in the list.
    /// One query for the names needed (the list is read on every page of the household search).
    public static async Task<IReadOnlyList<StaffOption>> ReferentsAsync(PortalDbContext db, StaffScope scope, string? currentReferentId, CancellationToken ct = default)
    {
        var rows = new List<StaffRow>();
        await foreach (var u in StaffAccounts(db).WithCancellation(ct))
            if (scope.IsManager || u.Id == scope.UserId || (scope.TeamId != null && u.TeamId == scope.TeamId) || u.Id == currentReferentId)
                rows.Add(u);
        return rows
            .Select(u => new StaffOption(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.Id : u.FullName, u.TeamId))
            .OrderBy(u => u.Name, StringComparer.Create(Portal.Domain.Formatting.French.Culture, true))
            .ToList();
    }

    private sealed record StaffRow(string Id, string? FullName, string? Email, int? TeamId);

    // Every social worker and manager (tens of accounts), compiled once: the household search reads it
    // at every page. Who of them is offered is decided above: a condition on the accounts here made
    // the database read every account (there are as many as residents) instead of the staff's.
    private static readonly Func<PortalDbContext, IAsyncEnumerable<StaffRow>> StaffAccounts =
        EF.CompileAsyncQuery((PortalDbContext db) =>
            db.Users.AsNoTracking()
                .Where(u => db.UserRoles
                    .Where(ur => db.Roles.Where(r => r.Name == Roles.SocialWorker || r.Name == Roles.Manager).Select(r => r.Id).Contains(ur.RoleId))
                    .Select(ur => ur.UserId).Contains(u.Id))
                .Select(u => new StaffRow(u.Id, u.FullName, u.Email, u.TeamId)));

    /// Checks the rows of people (a blank row is skipped).
    public static void CheckMembers(ModelStateDictionary state, string prefix, IReadOnlyList<HouseholdMemberInput> rows, DateOnly today)
    {
        for (var i = 0; i < rows.Count; i++)
            if (!rows[i].IsBlank) CheckMember(state, $"{prefix}[{i}]", rows[i], today);
    }

    /// First and last names and the relationship are needed, a birth date is optional but must be plausible.
    public static void CheckMember(ModelStateDictionary state, string key, HouseholdMemberInput row, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(row.FirstName)) state.TryAddModelError($"{key}.FirstName", "Indiquez le prénom de cette personne.");
        if (string.IsNullOrWhiteSpace(row.LastName)) state.TryAddModelError($"{key}.LastName", "Indiquez le nom de cette personne.");
        CheckBirthDate(state, key, row.BirthDate, today);
        if (row.Relationship is null && state.GetValidationState($"{key}.Relationship") != ModelValidationState.Invalid)
            state.TryAddModelError($"{key}.Relationship", "Indiquez le lien de cette personne avec le ménage.");
    }

    /// The domain's rule on a birth date, told at the date input of the row named by <paramref name="rowPrefix"/>.
    public static void CheckBirthDate(ModelStateDictionary state, string rowPrefix, DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is { } birth)
            state.Passes(() => HouseholdPerson.CheckBirthDate(birth, today), rowPrefix, nameof(HouseholdPerson.BirthDate));
    }
}
