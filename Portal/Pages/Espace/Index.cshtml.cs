using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;

namespace Portal.Pages.Espace;

public class IndexModel(UserManager<PortalUser> users) : PageModel
{
    public PortalUser Me { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre nom et votre prénom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Nom et prénom")]
        public string FullName { get; set; } = "";

        [Phone(ErrorMessage = "Ce numéro de téléphone n'est pas valide.")]
        [StringLength(30, ErrorMessage = "Le numéro ne doit pas dépasser 30 caractères.")]
        [Display(Name = "Téléphone (facultatif)")]
        public string? PhoneNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Me = (await users.GetUserAsync(User))!;
        Input = new InputModel { FullName = Me.FullName, PhoneNumber = Me.PhoneNumber };
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        Me = (await users.GetUserAsync(User))!;
        if (!ModelState.IsValid) return Page();
        Me.FullName = Input.FullName.Trim();
        Me.PhoneNumber = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        await users.UpdateAsync(Me);
        StatusMessage = "Vos informations sont enregistrées.";
        return RedirectToPage();
    }
}
