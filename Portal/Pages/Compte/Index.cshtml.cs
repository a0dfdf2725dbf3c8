using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

/// The account page of whoever is signed in (the fallback policy): second factor, password, the
/// sessions open on their devices and the recent sign-ins and changes to the account. A staff member without a second factor lands here and can go
/// nowhere else until they set one up.
public class IndexModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserSessions sessions, AccountAudit audit) : PageModel
{
    public string Email { get; private set; } = "";
    public bool IsStaff { get; private set; }
    public bool AuthenticatorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public int PasskeyCount { get; private set; }
    public bool HasSecondFactor => AuthenticatorEnabled || PasskeyCount > 0;
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public string? CurrentSessionId { get; private set; }
    public IReadOnlyList<AccountAudit.AccountEvent> Recent { get; private set; } = [];
    public const int RecentCount = 15;
    public bool IsResident { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        IsStaff = SecondFactor.IsStaff(User);
        AuthenticatorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = AuthenticatorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        PasskeyCount = (await users.GetPasskeysAsync(user)).Count;
        Sessions = await sessions.ListAsync(user.Id, ct);
        CurrentSessionId = UserSessions.CurrentId(User);
        Recent = await audit.RecentAsync(user.Id, RecentCount, ct);
        IsResident = User.IsInRole(Portal.Domain.Accounts.Roles.Resident);
        return Page();
    }

    public async Task<IActionResult> OnPostEndSessionAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(id) || !await sessions.EndAsync(user.Id, id))
        {
            StatusMessage = "Cette session était déjà fermée.";
            return RedirectToPage();
        }
        if (id == UserSessions.CurrentId(User))
        {
            await signIn.SignOutAsync();
            return LocalRedirect("/");
        }
        StatusMessage = "La session est fermée : l'appareil devra se reconnecter.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var ended = await sessions.EndAllAsync(user.Id, except: UserSessions.CurrentId(User));
        StatusMessage = ended == 0 ? "Aucune autre session n'était ouverte." : "Vos autres sessions sont fermées.";
        return RedirectToPage();
    }
}
