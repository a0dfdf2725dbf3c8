using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte.Securite;

/// Setting up an authenticator app (any signed-in user). A new key stays pending until a code made
/// from it is typed here, so changing phones never leaves the account without a working factor.
public class AuthentificateurModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TimeProvider clock, AccountAudit audit) : PageModel
{
    public bool Enabled { get; private set; }
    public bool CanDisable { get; private set; }
    public string SharedKey { get; private set; } = "";

    [BindProperty]
    [Display(Name = "Code à 6 chiffres affiché par l'application")]
    public string? Code { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// The QR code of the pending key, as a PNG from our own origin (the CSP allows no inline data
    /// beyond images, and none is needed).
    public async Task<IActionResult> OnGetQrAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var key = await SecondFactor.PendingKeyAsync(users, user);
        Response.Headers.CacheControl = "no-store";
        return File(SecondFactor.QrPng(SecondFactor.OtpAuthUri(user.Email!, key)), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var key = await SecondFactor.ExistingPendingKeyAsync(users, user);
        if (string.IsNullOrWhiteSpace(Code))
            ModelState.AddModelError(nameof(Code), "Indiquez le code à 6 chiffres affiché par votre application.");
        else if (key is null || !SecondFactor.Verify(key, Code, clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError(nameof(Code), "Ce code ne correspond pas. Vérifiez que vous avez scanné le code ci-dessus (ou saisi la clé) et que l'heure de votre téléphone est juste, puis saisissez le code affiché maintenant.");
        if (!ModelState.IsValid)
        {
            Code = "";
            await LoadAsync(user);
            return Page();
        }
        var codes = await SecondFactor.ActivateAsync(users, user, key!);
        await audit.RecordAsync(AccountAudit.FactorAdded, user, "application d'authentification");
        // Turning the factor on changes the security stamp: other sessions end, this one is renewed.
        await signIn.RefreshSignInAsync(user);
        if (codes is not null)
        {
            TempData[CodesDeSecoursModel.NewCodesKey] = string.Join(' ', codes);
            return RedirectToPage("CodesDeSecours");
        }
        StatusMessage = "L'application d'authentification est activée.";
        return RedirectToPage("/Compte/Index");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        if (!Enabled) return RedirectToPage("/Compte/Index");
        if (!CanDisable)
        {
            ModelState.AddModelError(string.Empty, "Votre profil exige un second facteur : enregistrez d'abord une clé d'accès avant de désactiver l'application d'authentification.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, SecondFactor.StoreProvider, SecondFactor.AuthenticatorKeyName);
        await users.RemoveAuthenticationTokenAsync(user, SecondFactor.StoreProvider, SecondFactor.RecoveryCodesName);
        await audit.RecordAsync(AccountAudit.FactorRemoved, user, "application d'authentification");
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "L'application d'authentification est désactivée.";
        return RedirectToPage("/Compte/Index");
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enabled = user.TwoFactorEnabled;
        CanDisable = !SecondFactor.IsStaff(User) || (await users.GetPasskeysAsync(user)).Count > 0;
        SharedKey = SecondFactor.Display(await SecondFactor.PendingKeyAsync(users, user));
    }
}
