using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;

namespace Portal.Pages.Compte;

/// Open to any signed-in user (the fallback policy), unlike the other account pages.
public class MotDePasseModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Portal.Accounts.UserSessions sessions, Portal.Accounts.AccountAudit audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre mot de passe actuel.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe actuel")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
        [StringLength(100, MinimumLength = 12, ErrorMessage = "Le mot de passe doit contenir entre 12 et 100 caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nouveau mot de passe")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le nouveau mot de passe.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du nouveau mot de passe")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return Page();
        }
        // The new security stamp already refuses every other cookie; this browser gets a new session.
        await sessions.EndAllAsync(user.Id);
        await audit.RecordAsync(Portal.Accounts.AccountAudit.PasswordChanged, user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Votre mot de passe a été changé. Vos autres sessions sont fermées.";
        return RedirectToPage();
    }
}
