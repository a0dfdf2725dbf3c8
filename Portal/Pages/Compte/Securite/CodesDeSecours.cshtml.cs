using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte.Securite;

/// Recovery codes (any signed-in user with an authenticator): shown once, right after they are
/// made; only their number is shown afterwards. Making new ones voids the old ones.
public class CodesDeSecoursModel(UserManager<PortalUser> users, AccountAudit audit) : PageModel
{
    public const string NewCodesKey = "NewRecoveryCodes";

    public IReadOnlyList<string> NewCodes { get; private set; } = [];
    public int Left { get; private set; }
    public bool Enabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Enabled = user.TwoFactorEnabled;
        if (TempData[NewCodesKey] is string codes) NewCodes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Left = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage("Authentificateur");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount);
        await audit.RecordAsync(AccountAudit.FactorAdded, user, "nouveaux codes de secours");
        TempData[NewCodesKey] = string.Join(' ', codes ?? []);
        return RedirectToPage();
    }
}
