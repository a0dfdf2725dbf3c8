using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Suivi.Menages;

/// Staff open a household file directly (a household met at a permanence, sent by a partner…).
public class NouveauModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxMembers = 12;

    [BindProperty]
    public NewHouseholdInput Input { get; set; } = new();

    public bool IsManager { get; private set; }
    public IReadOnlyList<HouseholdChoices.Option> Teams { get; private set; } = [];
    public IReadOnlyList<HouseholdChoices.StaffOption> Referents { get; private set; } = [];
    public string? MyTeamName { get; private set; }
    public int? FocusRow { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        await LoadChoicesAsync(scope, ct);
        Input = new NewHouseholdInput
        {
            TeamId = scope.TeamId,
            ReferentId = scope.UserId,
            Members = [new HouseholdMemberInput { Relationship = Relationship.Applicant }],
        };
        return Page();
    }

    /// A post to an unknown handler lands here: back to the form.
    public IActionResult OnPost() => RedirectToPage();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        await LoadChoicesAsync(scope, ct);
        if (Input.Members.Count > MaxMembers) Input.Members = Input.Members.Take(MaxMembers).ToList();
        if (Input.Members.Count == 0) Input.Members.Add(new HouseholdMemberInput { Relationship = Relationship.Applicant });
        var today = DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(clock.GetUtcNow().UtcDateTime));
        HouseholdChoices.CheckMembers(ModelState, "Input.Members", Input.Members, today);
        if (!Input.Members.Any(m => !m.IsBlank))
            ModelState.AddModelError("Input.Members[0].FirstName", "Indiquez au moins une personne du ménage.");
        int? teamId = scope.IsManager ? (int?)Input.TeamId : scope.TeamId;
        if (scope.IsManager && Input.TeamId is not null && Teams.All(t => t.Id != Input.TeamId))
            ModelState.AddModelError("Input.TeamId", "Cette équipe n'existe pas : choisissez-en une dans la liste.");
        var referentId = string.IsNullOrWhiteSpace(Input.ReferentId) ? null : Input.ReferentId;
        if (referentId is not null && Referents.All(r => r.Id != referentId))
            ModelState.AddModelError("Input.ReferentId", "Choisissez le référent ou la référente dans la liste.");

        var now = clock.GetUtcNow().UtcDateTime;
        var household = new Household { TeamId = teamId, ReferentId = referentId, CreatedAtUtc = now, UpdatedAtUtc = now };
        if (Input.Name is not null) ModelState.Passes(() => Input.ApplyTo(household), "Input");
        if (!ModelState.IsValid) return Page();

        var position = 0;
        foreach (var m in Input.Members.Where(m => !m.IsBlank))
            household.Persons.Add(new HouseholdPerson
            {
                FirstName = m.FirstName!.Trim(), LastName = m.LastName!.Trim(), BirthDate = m.BirthDate,
                Relationship = m.Relationship ?? Relationship.Other, Civility = m.Civility, Position = position++,
            });
        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        scope.Audit(db, AuditActions.ChangedFile, household.Id, now, "Création du dossier");
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Le dossier du ménage {household.Name} est ouvert.";
        return Redirect($"/suivi/menages/{household.Id}");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        await LoadChoicesAsync(scope, ct);
        ModelState.Clear();
        if (Input.Members.Count > MaxMembers) Input.Members = Input.Members.Take(MaxMembers).ToList();
        if (Input.Members.Count < MaxMembers)
        {
            Input.Members.Add(new HouseholdMemberInput());
            FocusRow = Input.Members.Count - 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int index, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        await LoadChoicesAsync(scope, ct);
        ModelState.Clear();
        if (Input.Members.Count > MaxMembers) Input.Members = Input.Members.Take(MaxMembers).ToList();
        if (index >= 0 && index < Input.Members.Count && Input.Members.Count > 1) Input.Members.RemoveAt(index);
        if (Input.Members.Count == 0) Input.Members.Add(new HouseholdMemberInput { Relationship = Relationship.Applicant });
        return Page();
    }

    private async Task LoadChoicesAsync(StaffScope scope, CancellationToken ct)
    {
        IsManager = scope.IsManager;
        Teams = await HouseholdChoices.TeamsAsync(db, ct);
        MyTeamName = Teams.FirstOrDefault(t => t.Id == scope.TeamId)?.Name;
        Referents = await HouseholdChoices.ReferentsAsync(db, scope, null, ct);
    }

}
