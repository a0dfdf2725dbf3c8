using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Compte;

public class ConnexionModel(AccountSignIn accountSignIn, SignInManager<PortalUser> signIn) : PageModel
{
    /// The same words for a wrong password, an unknown address and a locked account.
    public const string RefusedMessage = "Adresse électronique ou mot de passe incorrect. Après cinq essais infructueux, la connexion est bloquée pendant 15 minutes : réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool ShowResendConfirmation { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Display(Name = "Rester connecté sur cet appareil")]
        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl() ?? AccountLinks.HomeFor(User));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var attempt = await accountSignIn.PasswordAsync(email, Input.Password, Input.RememberMe);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                return await SignedInAsync(attempt.User!);
            case SignInOutcome.NeedsCode:
                return RedirectToPage("ConnexionCode", new { ReturnUrl = SafeReturnUrl(), RememberMe = Input.RememberMe });
            case SignInOutcome.UsePasskey:
                ModelState.AddModelError(string.Empty, "Ce compte se connecte avec une clé d'accès : choisissez « Se connecter avec une clé d'accès ».");
                break;
            case SignInOutcome.NotConfirmed:
                ShowResendConfirmation = true;
                ModelState.AddModelError(string.Empty, "Votre adresse électronique n'est pas encore confirmée. Suivez le lien reçu par courriel pour activer votre compte.");
                break;
            default:
                ModelState.AddModelError(string.Empty, RefusedMessage);
                break;
        }
        Input.Password = "";
        return Page();
    }

    /// The browser asks what to sign with; the answer (a challenge, kept by Identity in a cookie) goes
    /// to navigator.credentials.get.
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var json = await signIn.MakePasskeyRequestOptionsAsync(null);
        Response.Headers.CacheControl = "no-store";
        return Content(json, "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            ModelState.AddModelError(string.Empty, "La clé d'accès n'a pas répondu. Réessayez, ou connectez-vous avec votre mot de passe.");
            return Page();
        }
        var attempt = await accountSignIn.PasskeyAsync(credentialJson);
        if (!attempt.SignedIn)
        {
            ModelState.AddModelError(string.Empty, "Cette clé d'accès n'a pas permis de vous connecter. Réessayez, ou connectez-vous avec votre mot de passe.");
            return Page();
        }
        return await SignedInAsync(attempt.User!);
    }

    private async Task<IActionResult> SignedInAsync(PortalUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return LocalRedirect(SafeReturnUrl() ?? AccountLinks.HomeFor(principal));
    }

    private string? SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/compte/", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : null;
}
