using Portal.Accounts;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Pages.Compte;

/// Sets a password from an emailed link: a forgotten password, or a staff invitation. Following the
/// link proves the address, so the email counts as confirmed and any lockout is lifted.
public class NouveauMotDePasseModel(UserManager<PortalUser> users, Portal.Accounts.UserSessions sessions, Portal.Accounts.AccountAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Invitation { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool LinkInvalid { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [StringLength(100, MinimumLength = 12, ErrorMessage = "Le mot de passe doit contenir entre 12 et 100 caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nouveau mot de passe")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
        LinkInvalid = string.IsNullOrEmpty(UserId) || AccountLinks.Decode(Code) is null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountLinks.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid) return Page();

        // An invitation link carries a token of its own, valid longer than a reset link's.
        var resetToken = Invitation ? await AccountTokens.ResetTokenFromInvitationAsync(users, user, token) ?? "" : token;
        var result = await users.ResetPasswordAsync(user, resetToken, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken)) LinkInvalid = true;
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : string.Empty, error.Description);
            }
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // A new password ends every session (the new security stamp refuses their cookies too).
        await sessions.EndAllAsync(user.Id);
        await audit.RecordAsync(Portal.Accounts.AccountAudit.PasswordReset, user, Invitation ? "mot de passe choisi depuis l'invitation" : "par le lien reçu par courriel");
        StatusMessage = "Votre mot de passe est enregistré. Vous pouvez vous connecter.";
        return RedirectToPage("Connexion");
    }
}
