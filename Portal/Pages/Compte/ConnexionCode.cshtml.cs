using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

/// The second step of a sign-in with a password: a code from the authenticator app, or a recovery
/// code. Open to whoever holds Identity's short-lived "password checked" cookie; anyone else is sent
/// back to the first step.
public class ConnexionCodeModel(AccountSignIn accountSignIn, SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty]
    [Display(Name = "Code à 6 chiffres")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Code de secours")]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Connexion", new { ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Indiquez le code à 6 chiffres affiché par votre application.");
            return Page();
        }
        var attempt = await accountSignIn.AuthenticatorCodeAsync(Code, RememberMe);
        if (attempt.SignedIn) return await SignedInAsync(attempt.User!);
        if (attempt.User is null) return Expired();
        Code = "";
        ModelState.AddModelError(nameof(Code), "Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant. Après cinq essais infructueux, la connexion est bloquée pendant 15 minutes.");
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Indiquez un de vos codes de secours.");
            return Page();
        }
        var attempt = await accountSignIn.RecoveryCodeAsync(RecoveryCode);
        if (attempt.SignedIn) return await SignedInAsync(attempt.User!);
        if (attempt.User is null) return Expired();
        RecoveryCode = "";
        ModelState.AddModelError(nameof(RecoveryCode), "Ce code de secours n'est pas valide ou a déjà servi. Après cinq essais infructueux, la connexion est bloquée pendant 15 minutes.");
        return Page();
    }

    private IActionResult Expired()
    {
        TempData["StatusMessage"] = "Votre connexion a expiré : saisissez de nouveau votre adresse et votre mot de passe.";
        return RedirectToPage("Connexion", new { ReturnUrl });
    }

    private async Task<IActionResult> SignedInAsync(PortalUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var safe = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/compte/", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : null;
        return LocalRedirect(safe ?? AccountLinks.HomeFor(principal));
    }
}
