using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
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
    public InputModel Input { get; set; } = new();

    public bool IsManager { get; private set; }
    public IReadOnlyList<HouseholdChoices.Option> Teams { get; private set; } = [];
    public IReadOnlyList<HouseholdChoices.StaffOption> Referents { get; private set; } = [];
    public string? MyTeamName { get; private set; }
    public int? FocusRow { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez le nom du ménage, par exemple « DURAND Marie ».")]
        [StringLength(250, ErrorMessage = "Le nom du ménage est trop long : 250 caractères au plus.")]
        [PlainText]
        [Display(Name = "Nom du ménage")]
        public string? Name { get; set; }

        public List<MemberInput> Members { get; set; } = [];

        [StringLength(30, ErrorMessage = "Le numéro de téléphone est trop long : 30 caractères au plus.")]
        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide, par exemple 06 12 34 56 78.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? Phone { get; set; }

        [StringLength(256, ErrorMessage = "L'adresse électronique est trop longue : 256 caractères au plus.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide, par exemple marie.durand@exemple.fr.")]
        [Display(Name = "Adresse électronique (facultatif)")]
        public string? Email { get; set; }

        [StringLength(500, ErrorMessage = "L'adresse est trop longue : 500 caractères au plus.")]
        [PlainText]
        [Display(Name = "Adresse (facultatif)")]
        public string? Address { get; set; }

        [StringLength(120, ErrorMessage = "Le nom de la commune est trop long : 120 caractères au plus.")]
        [PlainText]
        [Display(Name = "Commune (facultatif)")]
        public string? Town { get; set; }

        [FrenchValue]
        [Display(Name = "Situation actuelle")]
        public CurrentSituation? Situation { get; set; }

        [StringLength(4000, ErrorMessage = "Les précisions sont trop longues : 4 000 caractères au plus.")]
        [PlainText]
        [Display(Name = "Précisions sur la situation (facultatif)")]
        public string? SituationDetails { get; set; }

        [FrenchValue]
        public TargetGroups TargetGroups { get; set; }

        [FrenchValue]
        public bool IsDalo { get; set; }

        [FrenchValue]
        public bool IsSingleParent { get; set; }

        [FrenchValue]
        [Display(Name = "Équipe")]
        public long? TeamId { get; set; }

        [StringLength(450)]
        [Display(Name = "Référent ou référente")]
        public string? ReferentId { get; set; }
    }

    public class MemberInput
    {
        [StringLength(100, ErrorMessage = "Le prénom est trop long : 100 caractères au plus.")]
        [PlainText]
        [Display(Name = "Prénom")]
        public string? FirstName { get; set; }

        [StringLength(100, ErrorMessage = "Le nom est trop long : 100 caractères au plus.")]
        [PlainText]
        [Display(Name = "Nom")]
        public string? LastName { get; set; }

        [FrenchValue]
        [Display(Name = "Date de naissance")]
        public DateOnly? BirthDate { get; set; }

        [FrenchValue]
        [Display(Name = "Lien")]
        public Relationship? Relationship { get; set; }

        [FrenchValue]
        [Display(Name = "Civilité (facultatif)")]
        public Civility? Civility { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && BirthDate is null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        await LoadChoicesAsync(scope, ct);
        Input = new InputModel
        {
            TeamId = scope.TeamId,
            ReferentId = scope.UserId,
            Members = [new MemberInput { Relationship = Relationship.Applicant }],
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
        if (Input.Members.Count == 0) Input.Members.Add(new MemberInput { Relationship = Relationship.Applicant });
        var today = DateOnly.FromDateTime(Portal.Domain.Formatting.French.ToParis(clock.GetUtcNow().UtcDateTime));
        HouseholdChoices.CheckMembers(ModelState, "Input.Members", Input.Members.Select(m => (m.FirstName, m.LastName, m.BirthDate, m.Relationship, m.IsBlank)).ToList(), today);
        if (!Input.Members.Any(m => !m.IsBlank))
            ModelState.AddModelError("Input.Members[0].FirstName", "Indiquez au moins une personne du ménage.");
        if (Input.Name is not null && HouseholdFactory.SearchKey(Input.Name).Length == 0)
            ModelState.AddModelError("Input.Name", "Le nom du ménage doit contenir au moins une lettre.");

        int? teamId = scope.IsManager ? (int?)Input.TeamId : scope.TeamId;
        if (scope.IsManager && Input.TeamId is not null && Teams.All(t => t.Id != Input.TeamId))
            ModelState.AddModelError("Input.TeamId", "Cette équipe n'existe pas : choisissez-en une dans la liste.");
        var referentId = string.IsNullOrWhiteSpace(Input.ReferentId) ? null : Input.ReferentId;
        if (referentId is not null && Referents.All(r => r.Id != referentId))
            ModelState.AddModelError("Input.ReferentId", "Choisissez le référent ou la référente dans la liste.");

        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var name = Input.Name!.Trim();
        var household = new Household
        {
            Name = name,
            SearchName = HouseholdFactory.SearchKey(name),
            TeamId = teamId,
            ReferentId = referentId,
            Phone = Clean(Input.Phone),
            Email = Clean(Input.Email),
            Address = Clean(Input.Address),
            Town = Clean(Input.Town),
            Situation = Input.Situation,
            SituationDetails = Clean(Input.SituationDetails),
            TargetGroups = Input.TargetGroups,
            IsDalo = Input.IsDalo,
            IsSingleParent = Input.IsSingleParent,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
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
            Input.Members.Add(new MemberInput());
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
        if (Input.Members.Count == 0) Input.Members.Add(new MemberInput { Relationship = Relationship.Applicant });
        return Page();
    }

    private async Task LoadChoicesAsync(StaffScope scope, CancellationToken ct)
    {
        IsManager = scope.IsManager;
        Teams = await HouseholdChoices.TeamsAsync(db, ct);
        MyTeamName = Teams.FirstOrDefault(t => t.Id == scope.TeamId)?.Name;
        Referents = await HouseholdChoices.ReferentsAsync(db, scope, null, ct);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
