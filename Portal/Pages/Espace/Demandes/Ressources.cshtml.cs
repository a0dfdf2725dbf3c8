using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Web;

namespace Portal.Pages.Espace.Demandes;

public class RessourcesModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : DraftStepModel(db, users, clock)
{
    public const int MaxLines = 30;
    public const decimal MaxAmount = 100_000m;

    public override int Step => 2;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<HouseholdMember> Members { get; private set; } = [];
    public int? FocusRow { get; private set; }

    public class InputModel
    {
        public List<LineInput> Lines { get; set; } = [];
    }

    public class LineInput
    {
        [FrenchValue]
        [Display(Name = "Personne concernée")]
        public long? MemberId { get; set; }

        [FrenchValue]
        [Display(Name = "Type de ressource")]
        public IncomeKind? Kind { get; set; }

        [FrenchValue]
        [Display(Name = "Montant par mois, en euros")]
        public decimal? Amount { get; set; }

        public bool IsBlank => Kind is null && Amount is null;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, q => q.Include(r => r.Members).Include(r => r.Incomes)) is { } answer) return answer;
        Prepare();
        Input.Lines = Draft.Incomes.OrderBy(i => i.Id)
            .Select(i => new LineInput { MemberId = i.HouseholdMemberId, Kind = i.Kind, Amount = i.MonthlyAmount })
            .ToList();
        if (Input.Lines.Count == 0) Input.Lines.Add(new LineInput { MemberId = Members.FirstOrDefault()?.Id });
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, string? go, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, q => q.Include(r => r.Members).Include(r => r.Incomes)) is { } answer) return answer;
        Prepare();
        if (Input.Lines.Count > MaxLines) Input.Lines = Input.Lines.Take(MaxLines).ToList();
        CheckLines();
        return await ChangeAndGoAsync(() => Draft.DeclareIncomes(Input.Lines.Where(l => !l.IsBlank).Select(line =>
            new IncomeLine(line.Kind!.Value, line.Amount!.Value, Draft.Members.FirstOrDefault(m => m.Id == line.MemberId)))), go, ct);
    }

    public async Task<IActionResult> OnPostAddLineAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, q => q.Include(r => r.Members)) is { } answer) return answer;
        Prepare();
        ModelState.Clear();
        if (Input.Lines.Count < MaxLines)
        {
            Input.Lines.Add(new LineInput { MemberId = Members.FirstOrDefault()?.Id });
            FocusRow = Input.Lines.Count - 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(long id, int index, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, q => q.Include(r => r.Members)) is { } answer) return answer;
        Prepare();
        ModelState.Clear();
        if (index >= 0 && index < Input.Lines.Count) Input.Lines.RemoveAt(index);
        if (Input.Lines.Count == 0) Input.Lines.Add(new LineInput { MemberId = Members.FirstOrDefault()?.Id });
        return Page();
    }

    private void Prepare() =>
        Members = Draft.Members.OrderByDescending(m => m.Relationship == Relationship.Applicant).ThenBy(m => m.Position).ToList();

    private void CheckLines()
    {
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var line = Input.Lines[i];
            var key = $"Input.Lines[{i}]";
            if (line.IsBlank && Valid($"{key}.Kind") && Valid($"{key}.Amount")) continue;
            // A form posted without the person list (an old page) counts the line for the applicant.
            if (Members.Count > 0 && line.MemberId is null && Valid($"{key}.MemberId")) line.MemberId = Members[0].Id;
            if (Members.Count > 0 && Valid($"{key}.MemberId") && !Members.Any(m => m.Id == line.MemberId))
                ModelState.TryAddModelError($"{key}.MemberId", "Choisissez la personne qui perçoit cette ressource.");
            if (line.Kind is null && Valid($"{key}.Kind"))
                ModelState.TryAddModelError($"{key}.Kind", "Choisissez le type de ressource.");
            if (Valid($"{key}.Amount"))
            {
                if (line.Amount is null)
                    ModelState.TryAddModelError($"{key}.Amount", "Indiquez le montant reçu chaque mois.");
                else if (line.Amount < 0 || line.Amount > MaxAmount)
                    ModelState.TryAddModelError($"{key}.Amount", "Le montant doit être compris entre 0 et 100 000 € par mois.");
            }
        }
    }

    private bool Valid(string key) => ModelState.GetValidationState(key) != ModelValidationState.Invalid;
}
