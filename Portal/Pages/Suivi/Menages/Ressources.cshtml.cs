using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;
using Portal.Web;
using static Portal.Pages.Suivi.Menages.HouseholdFileData;

namespace Portal.Pages.Suivi.Menages;

/// What the household lives on, person by person, and the rent burden it makes.
public class RessourcesModel(PortalDbContext db, TimeProvider clock) : HouseholdFilePage(db, clock)
{
    public override string Section => "/Suivi/Menages/Ressources";
    protected override string? OpenedDetail => "Ressources";

    public IReadOnlyList<PersonRow> Persons { get; private set; } = [];
    public IReadOnlyList<IncomeRow> Incomes { get; private set; } = [];
    public Burden Burden { get; private set; } = null!;

    public IncomeInput Income { get; set; } = new();

    /// The resource a removal is about.
    [BindProperty(Name = "incomeId"), FrenchValue]
    public long? IncomeId { get; set; }

    public class IncomeInput
    {
        [FrenchValue]
        [Display(Name = "Personne")]
        public long? PersonId { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Choisissez le type de ressource.")]
        [Display(Name = "Ressource")]
        public IncomeKind? Kind { get; set; }

        [FrenchValue]
        [Required(ErrorMessage = "Indiquez le montant mensuel, par exemple 850 ou 1 234,56.")]
        [Range(0.01, 100000, ErrorMessage = "Le montant mensuel doit être compris entre 0,01 et 100 000 €.")]
        [Display(Name = "Montant par mois (€)")]
        public decimal? MonthlyAmount { get; set; }
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => OpenAsync(id, ct);

    protected override async Task LoadSectionAsync(StaffScope scope, CancellationToken ct)
    {
        Persons = await PersonsAsync(Db, Header.Id, ct);
        Incomes = await IncomesAsync(Db, Header.Id, Persons, ct);
        Burden = await BurdenAsync(Db, Header.Id, Incomes, await CurrentStayAsync(Db, Header.Id, ct), ct);
    }

    public Task<IActionResult> OnPostAddIncomeAsync(long id, [Bind(Prefix = nameof(Income))] IncomeInput income, CancellationToken ct)
    {
        Income = income;
        return EditAsync(id, ct, async (h, _) =>
        {
            if (income.PersonId is { } pid && !await Db.HouseholdPersons.AnyAsync(p => p.Id == pid && p.HouseholdId == h.Id, ct))
                throw new DomainRuleException("Cette personne ne fait pas partie du ménage : choisissez-la dans la liste.", $"{nameof(Income)}.{nameof(IncomeInput.PersonId)}");
            Db.HouseholdIncomes.Add(new HouseholdIncome
            {
                HouseholdId = h.Id, HouseholdPersonId = income.PersonId, Kind = income.Kind!.Value, MonthlyAmount = income.MonthlyAmount!.Value,
            });
            return ("Ressource ajoutée", $"La ressource « {Labels.Of(income.Kind!.Value)} » de {French.Money(income.MonthlyAmount!.Value)} par mois est ajoutée.");
        });
    }

    public Task<IActionResult> OnPostRemoveIncomeAsync(long id, CancellationToken ct) =>
        EditAsync(id, ct, async (h, _) =>
        {
            var income = await Db.HouseholdIncomes.SingleOrDefaultAsync(i => i.Id == IncomeId && i.HouseholdId == h.Id, ct)
                ?? throw new DomainRuleException("Cette ressource a déjà été retirée.");
            Db.HouseholdIncomes.Remove(income);
            return ("Ressource retirée", $"La ressource « {Labels.Of(income.Kind)} » est retirée.");
        });
}
