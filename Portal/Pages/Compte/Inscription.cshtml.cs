using Portal.Accounts;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Pages.Compte;

public class InscriptionModel(PortalDbContext db, UserManager<PortalUser> users, PublicLinks links, TimeProvider clock, AccountEmails emails) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez votre nom et votre prénom.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        [Display(Name = "Nom et prénom")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [StringLength(100, MinimumLength = 12, ErrorMessage = "Le mot de passe doit contenir entre 12 et 100 caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Vous devez avoir pris connaissance de la notice sur vos données personnelles.")]
        [Display(Name = "J'ai lu la notice sur mes données personnelles")]
        public bool AcceptPrivacy { get; set; }
    }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(AccountLinks.HomeFor(User)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        Input.Email = Input.Email.Trim();
        Input.FullName = Input.FullName.Trim();

        var existing = await users.FindByEmailAsync(Input.Email);
        if (existing is not null)
        {
            // Same answer as a new sign-up, so nobody can learn who has an account; the owner is told by email.
            var link = links.Absolute("/compte/mot-de-passe-oublie");
            EmailOutbox.Queue(db, existing.Email!, existing.FullName, EmailTemplates.AlreadyRegistered(existing.FullName, link));
            await db.SaveChangesAsync(ct);
            return RedirectToPage("InscriptionEnvoyee");
        }

        var user = new PortalUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            FullName = Input.FullName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync(ct);
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", error.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Resident);
        await emails.QueueConfirmationAsync(user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RedirectToPage("InscriptionEnvoyee");
    }
}
