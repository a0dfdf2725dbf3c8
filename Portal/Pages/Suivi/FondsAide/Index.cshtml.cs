using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Web;
using Portal.Support;

namespace Portal.Pages.Suivi.FondsAide;

/// The housing aid fund: each year's budget, the grants paid monthly from it, what they commit and
/// what is left. Managers open budgets and record grants decided outside the portal; workers read.
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record FundRow(int Year, decimal Budget, decimal Committed, decimal Remaining);
    public sealed record GrantRow(AidGrant Grant, string HouseholdName, long? HouseholdId, decimal CommittedInYear);
    public sealed record Option(long Id, string Label);

    public IReadOnlyList<FundRow> Funds { get; private set; } = [];
    public FundRow? Selected { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];
    /// Amount paid each month of the selected year.
    public IReadOnlyList<(DateOnly Month, decimal Amount, int Count)> Payments { get; private set; } = [];
    public IReadOnlyList<Option> Households { get; private set; } = [];
    public bool IsManager { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorForm { get; private set; }
    public Dictionary<string, string?> Posted { get; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        await LoadAsync(await StaffScope.ForAsync(User, db, ct), year, ct);
        return Page();
    }

    public IActionResult OnPost(int? year) => RedirectToPage(new { year });

    public Task<IActionResult> OnPostCreateFundAsync(string? fundYear, [ModelBinder(typeof(FrenchValueBinder))] decimal? budget, CancellationToken ct)
    {
        Posted["fundYear"] = fundYear;
        Posted["budget"] = FrenchValueBinder.FormatAmount(budget);
        return ActAsync("fonds", SupportFiles.ParseInt(fundYear), ct, async () =>
        {
            var y = SupportFiles.ParseInt(fundYear) ?? throw new DomainRuleException("Indiquez l'année, par exemple 2027.");
            if (budget is null) throw new DomainRuleException("Indiquez le budget de l'année, en euros.");
            if (await db.HousingAidFunds.AnyAsync(f => f.Year == y, ct))
                throw new DomainRuleException($"Le budget {y} est déjà ouvert : modifiez-le plutôt.");
            db.HousingAidFunds.Add(new HousingAidFund(y, budget.Value));
            return $"Le budget {y} du fonds d'aide est ouvert : {French.Money(budget.Value)}.";
        });
    }

    public Task<IActionResult> OnPostSetBudgetAsync(int fundYear, [ModelBinder(typeof(FrenchValueBinder))] decimal? budget, CancellationToken ct)
    {
        Posted["newBudget"] = FrenchValueBinder.FormatAmount(budget);
        return ActAsync("budget", fundYear, ct, async () =>
        {
            var fund = await db.HousingAidFunds.SingleOrDefaultAsync(f => f.Year == fundYear, ct)
                ?? throw new DomainRuleException("Ce budget n'existe pas.");
            if (budget is null) throw new DomainRuleException("Indiquez le nouveau budget, en euros.");
            fund.SetBudget(budget.Value, await GrantsAsync(ct));
            return $"Le budget {fundYear} est maintenant de {French.Money(budget.Value)}.";
        });
    }

    public Task<IActionResult> OnPostGrantAsync(int? fundYear, long? householdId, [ModelBinder(typeof(FrenchValueBinder))] decimal? monthlyAmount,
        string? months, string? startMonth, CancellationToken ct)
    {
        Posted["householdId"] = householdId?.ToString();
        Posted["monthlyAmount"] = FrenchValueBinder.FormatAmount(monthlyAmount);
        Posted["months"] = months;
        Posted["startMonth"] = startMonth;
        return ActAsync("aide", fundYear, ct, async () =>
        {
            if (householdId is not { } hid || !await db.Households.AnyAsync(h => h.Id == hid && h.Status == HouseholdStatus.Active, ct))
                throw new DomainRuleException("Choisissez un ménage suivi.");
            if (monthlyAmount is null) throw new DomainRuleException("Indiquez le montant mensuel de l'aide, en euros.");
            var n = SupportFiles.ParseInt(months) ?? throw new DomainRuleException("Indiquez la durée de l'aide, en mois (de 1 à 12).");
            var start = SupportFiles.ParseMonth(startMonth) ?? throw new DomainRuleException(SupportFiles.InvalidMonth);
            var funds = await db.HousingAidFunds.ToListAsync(ct);
            var grant = AidFund.Grant(hid, monthlyAmount.Value, n, start, funds, await GrantsAsync(ct));
            db.AidGrants.Add(grant);
            return $"L'aide de {French.Money(grant.MonthlyAmount)} par mois pendant {grant.Months} mois est enregistrée.";
        });
    }

    private async Task<List<AidGrant>> GrantsAsync(CancellationToken ct) => await db.AidGrants.AsNoTracking().ToListAsync(ct);

    private async Task<IActionResult> ActAsync(string form, int? year, CancellationToken ct, Func<Task<string>> act)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (!scope.IsManager) return Forbid();
        if (!ModelState.IsValid)
            Error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
        else
        {
            try
            {
                StatusMessage = await act();
                await db.SaveChangesAsync(ct);
                return RedirectToPage(new { year });
            }
            catch (DomainRuleException e)
            {
                Error = e.Message;
            }
            catch (DbUpdateException)
            {
                Error = "Le fonds vient d'être modifié par quelqu'un d'autre ; rechargez la page.";
            }
            db.ChangeTracker.Clear();
        }
        StatusMessage = null;
        ErrorForm = form;
        await LoadAsync(scope, year, ct);
        return Page();
    }

    private async Task LoadAsync(StaffScope scope, int? year, CancellationToken ct)
    {
        IsManager = scope.IsManager;
        var today = SupportFiles.Today(clock);
        Year = year is >= 2000 and <= 2100 ? year.Value : today.Year;
        var funds = await db.HousingAidFunds.AsNoTracking().OrderBy(f => f.Year).ToListAsync(ct);
        var grants = await GrantsAsync(ct);
        Funds = funds.Select(f => new FundRow(f.Year, f.Budget, AidFund.Committed(f.Year, grants), AidFund.Remaining(f, grants))).ToList();
        Selected = Funds.FirstOrDefault(f => f.Year == Year);

        var ofYear = grants.Where(g => g.CommittedIn(Year) > 0 || (g.StartMonth.Year <= Year && g.LastMonth.Year >= Year)).OrderBy(g => g.StartMonth).ToList();
        var ids = ofYear.Select(g => g.HouseholdId).Distinct().ToList();
        var visible = await scope.Visible(db.Households.AsNoTracking()).Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        Grants = ofYear.Select(g => new GrantRow(g,
            visible.GetValueOrDefault(g.HouseholdId) ?? "Ménage d'une autre équipe",
            visible.ContainsKey(g.HouseholdId) ? g.HouseholdId : null,
            g.CommittedIn(Year))).ToList();
        Payments = Enumerable.Range(1, 12).Select(m => new DateOnly(Year, m, 1))
            .Select(m => { var due = AidFund.PaymentsFor(m, grants).ToList(); return (m, due.Sum(d => d.Amount), due.Count); })
            .ToList();
        if (IsManager)
            Households = await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Active).OrderBy(h => h.SearchName).Take(2000)
                .Select(h => new Option(h.Id, h.Name)).ToListAsync(ct);
    }
}
