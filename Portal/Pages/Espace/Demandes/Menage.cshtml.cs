using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class MenageModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftStepModel(db, users, clock)
{
    public const int MaxMembers = 12;

    public override int Step => 1;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// The row to give focus to after "Ajouter une personne".
    public int? FocusRow { get; private set; }

    public class InputModel
    {
        public List<HouseholdMemberInput> Members { get; set; } = [];

        [FrenchValue]
        public bool IsSingleParent { get; set; }

        [StringLength(30, ErrorMessage = "Le numéro de téléphone est trop long : 30 caractères au plus.")]
        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide, par exemple 06 12 34 56 78.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? Phone { get; set; }

        [StringLength(500, ErrorMessage = "L'adresse est trop longue : 500 caractères au plus.")]
        [PlainText]
        [Display(Name = "Adresse actuelle (facultatif)")]
        public string? CurrentAddress { get; set; }

        [StringLength(120, ErrorMessage = "Le nom de la commune est trop long : 120 caractères au plus.")]
        [PlainText]
        [Display(Name = "Commune actuelle (facultatif)")]
        public string? CurrentTown { get; set; }
    }

    public static IEnumerable<Relationship> OtherRelationships => Enum.GetValues<Relationship>().Where(r => r != Relationship.Applicant);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, q => q.Include(r => r.Members)) is { } answer) return answer;
        var members = Draft.Members
            .OrderByDescending(m => m.Relationship == Relationship.Applicant).ThenBy(m => m.Position)
            .Select(m => new HouseholdMemberInput { Id = m.Id, FirstName = m.FirstName, LastName = m.LastName, BirthDate = m.BirthDate, Relationship = m.Relationship })
            .ToList();
        if (members.Count == 0)
        {
            var me = await Users.GetUserAsync(User);
            var (first, last) = SplitName(me?.FullName);
            members.Add(new HouseholdMemberInput { FirstName = first, LastName = last, Relationship = Relationship.Applicant });
        }
        Input = new InputModel
        {
            Members = members,
            IsSingleParent = Draft.IsSingleParent,
            Phone = Draft.Phone,
            CurrentAddress = Draft.CurrentAddress,
            CurrentTown = Draft.CurrentTown,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, string? go, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, q => q.Include(r => r.Members).Include(r => r.Incomes)) is { } answer) return answer;
        if (Input.Members.Count == 0) Input.Members.Add(new HouseholdMemberInput());
        if (Input.Members.Count > MaxMembers) Input.Members = Input.Members.Take(MaxMembers).ToList();
        CheckMembers();
        return await ChangeAndGoAsync(() => Draft.DescribeHousehold(
            Input.Members.Select((row, index) => (row, index)).Where(x => x.index == 0 || !x.row.IsBlank)
                .Select(x => new MemberDetails(x.row.Id, x.row.FirstName!, x.row.LastName!, x.row.BirthDate!.Value,
                    x.index == 0 ? Relationship.Applicant : x.row.Relationship!.Value))
                .ToList(),
            Input.IsSingleParent, Input.Phone, Input.CurrentAddress, Input.CurrentTown), go, ct);
    }

    /// Without JavaScript the whole form comes back with one more row; with htmx only the rows are swapped.
    public async Task<IActionResult> OnPostAddMemberAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        ModelState.Clear();
        if (Input.Members.Count == 0) Input.Members.Add(new HouseholdMemberInput { Relationship = Relationship.Applicant });
        if (Input.Members.Count < MaxMembers)
        {
            Input.Members.Add(new HouseholdMemberInput());
            FocusRow = Input.Members.Count - 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(long id, int index, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        ModelState.Clear();
        if (index > 0 && index < Input.Members.Count) Input.Members.RemoveAt(index);
        if (Input.Members.Count == 0) Input.Members.Add(new HouseholdMemberInput { Relationship = Relationship.Applicant });
        return Page();
    }

    private void CheckMembers()
    {
        var today = DateOnly.FromDateTime(French.ToParis(Now));
        for (var i = 0; i < Input.Members.Count; i++)
        {
            var row = Input.Members[i];
            if (i > 0 && row.IsBlank) continue;
            var key = $"Input.Members[{i}]";
            var you = i == 0;
            if (string.IsNullOrWhiteSpace(row.FirstName))
                ModelState.TryAddModelError($"{key}.FirstName", you ? "Indiquez votre prénom." : "Indiquez le prénom de cette personne.");
            if (string.IsNullOrWhiteSpace(row.LastName))
                ModelState.TryAddModelError($"{key}.LastName", you ? "Indiquez votre nom." : "Indiquez le nom de cette personne.");
            if (row.BirthDate is null && ModelState.GetValidationState($"{key}.BirthDate") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.TryAddModelError($"{key}.BirthDate", you ? "Indiquez votre date de naissance." : "Indiquez la date de naissance de cette personne.");
            HouseholdChoices.CheckBirthDate(ModelState, key, row.BirthDate, today);
            if (!you && ModelState.GetValidationState($"{key}.Relationship") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
                && row.Relationship is null or Relationship.Applicant)
                ModelState.TryAddModelError($"{key}.Relationship", "Choisissez le lien de cette personne avec vous.");
        }
    }


    /// "Sophie Durand" → ("Sophie", "Durand"): a guess the person corrects if needed.
    private static (string? First, string? Last) SplitName(string? fullName)
    {
        var name = fullName?.Trim();
        if (string.IsNullOrEmpty(name)) return (null, null);
        var space = name.LastIndexOf(' ');
        return space <= 0 ? (name, null) : (name[..space].Trim(), name[(space + 1)..]);
    }
}
