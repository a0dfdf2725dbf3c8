using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Formatting;

namespace Portal.Pages.Compte.Securite;

/// Passkeys of the signed-in user (any role): register one from this browser, rename nothing,
/// remove one. A staff member cannot remove their last second factor.
public class ClesAccesModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountAudit audit, ILogger<ClesAccesModel> log) : PageModel
{
    public sealed record PasskeyRow(string Id, string Name, string Created);

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    [BindProperty]
    [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
    [Display(Name = "Nom de la clé (pour la reconnaître)")]
    public string? Name { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// The options for navigator.credentials.create; Identity keeps the challenge in a cookie.
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var json = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = user.Email!,
            DisplayName = string.IsNullOrWhiteSpace(user.FullName) ? user.Email! : user.FullName,
        });
        Response.Headers.CacheControl = "no-store";
        return Content(json, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(string? credentialJson)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        PasskeyAttestationResult? result = null;
        if (!string.IsNullOrWhiteSpace(credentialJson))
        {
            try
            {
                result = await signIn.PerformPasskeyAttestationAsync(credentialJson);
            }
            catch (Exception e) when (e is PasskeyException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                log.LogInformation(e, "Passkey registration refused");
            }
        }
        if (result is not { Succeeded: true })
        {
            if (result?.Failure is { } failure) log.LogInformation("Passkey registration refused: {Reason}", failure.Message);
            ModelState.AddModelError(string.Empty, "La clé d'accès n'a pas pu être enregistrée. Réessayez ; si le problème continue, utilisez l'application d'authentification.");
            await LoadAsync(user);
            return Page();
        }
        var passkey = result.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(Name) ? $"Clé d'accès du {French.DateTimeShort(DateTime.UtcNow)}" : Name.Trim();
        var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "La clé d'accès n'a pas pu être enregistrée. Réessayez.");
            await LoadAsync(user);
            return Page();
        }
        await audit.RecordAsync(AccountAudit.FactorAdded, user, "clé d'accès");
        StatusMessage = $"La clé d'accès « {passkey.Name} » est enregistrée. Vous pouvez l'utiliser pour vous connecter.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var passkeys = await users.GetPasskeysAsync(user);
        var target = passkeys.FirstOrDefault(p => WebEncoders.Base64UrlEncode(p.CredentialId) == id);
        if (target is null) return RedirectToPage();
        if (SecondFactor.IsStaff(User) && !user.TwoFactorEnabled && passkeys.Count == 1)
        {
            ModelState.AddModelError(string.Empty, "C'est votre seul second facteur : activez d'abord l'application d'authentification ou enregistrez une autre clé d'accès.");
            await LoadAsync(user);
            return Page();
        }
        await users.RemovePasskeyAsync(user, target.CredentialId);
        await audit.RecordAsync(AccountAudit.FactorRemoved, user, "clé d'accès");
        StatusMessage = $"La clé d'accès « {target.Name} » est supprimée.";
        return RedirectToPage();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Passkeys = (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Clé d'accès", French.DateTimeShort(p.CreatedAt.UtcDateTime)))
            .ToList();
    }
}
