using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;

namespace Portal.Pages.Compte;

public class ConnexionModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel
{
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
        // lockoutOnFailure: true — five wrong passwords lock the account for 15 minutes.
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await users.FindByEmailAsync(email);
            var principal = await signIn.CreateUserPrincipalAsync(user!);
            return LocalRedirect(SafeReturnUrl() ?? AccountLinks.HomeFor(principal));
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "Votre compte est verrouillé après plusieurs essais infructueux. Réessayez dans 15 minutes, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».");
        }
        else if (result.IsNotAllowed)
        {
            ShowResendConfirmation = true;
            ModelState.AddModelError(string.Empty, "Votre adresse électronique n'est pas encore confirmée. Suivez le lien reçu par courriel pour activer votre compte.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "Adresse électronique ou mot de passe incorrect.");
        }
        Input.Password = "";
        return Page();
    }

    private string? SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/compte/", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : null;
}
