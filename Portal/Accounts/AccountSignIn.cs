using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Accounts;

public enum SignInOutcome
{
    SignedIn,
    /// The password was right; the authenticator code (or a recovery code) comes next.
    NeedsCode,
    /// A staff account whose only factor is a passkey: the password alone does not open it.
    UsePasskey,
    NotConfirmed,
    /// Wrong credentials or a locked account: the same answer, so nobody learns which emails exist.
    Refused,
}

public enum SignInMethod { Password, AuthenticatorCode, RecoveryCode, Passkey }

public sealed record SignInAttempt(SignInOutcome Outcome, PortalUser? User)
{
    public bool SignedIn => Outcome == SignInOutcome.SignedIn;
}

/// Every way into an account goes through here, and every success or failure is written to the
/// audit table by RecordAsync (see <see cref="AccountAudit"/>).
public sealed class AccountSignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AccountAudit audit, ILogger<AccountSignIn> log)
{
    public async Task<SignInAttempt> PasswordAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null && !user.TwoFactorEnabled && (await users.GetPasskeysAsync(user)).Count > 0
            && (await users.GetRolesAsync(user)).Any(SecondFactor.IsStaffRole))
        {
            var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            return await RecordAsync(SignInMethod.Password, user, check.Succeeded ? SignInOutcome.UsePasskey : await RefusalAsync(check, user, password));
        }
        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);
        if (result.Succeeded) return await RecordAsync(SignInMethod.Password, user, SignInOutcome.SignedIn);
        if (result.RequiresTwoFactor) return await RecordAsync(SignInMethod.Password, user, SignInOutcome.NeedsCode);
        return await RecordAsync(SignInMethod.Password, user, await RefusalAsync(result, user, password));
    }

    public async Task<SignInAttempt> AuthenticatorCodeAsync(string code, bool remember)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return await RecordAsync(SignInMethod.AuthenticatorCode, null, SignInOutcome.Refused);
        // rememberClient is always false: no "trust this device" that would skip the code later.
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(SecondFactor.Normalise(code), remember, rememberClient: false);
        return await RecordAsync(SignInMethod.AuthenticatorCode, user, result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Refused);
    }

    public async Task<SignInAttempt> RecoveryCodeAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return await RecordAsync(SignInMethod.RecoveryCode, null, SignInOutcome.Refused);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "").Trim());
        return await RecordAsync(SignInMethod.RecoveryCode, user, result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Refused);
    }

    /// A passkey is possession and user verification at once: no code follows.
    public async Task<SignInAttempt> PasskeyAsync(string credentialJson)
    {
        SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(credentialJson);
        }
        catch (Exception e) when (e is PasskeyException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            log.LogInformation(e, "Passkey sign-in refused");
            result = SignInResult.Failed;
        }
        var user = result.Succeeded && UserSessions.SignedInNow(signIn.Context) is { } id ? await users.FindByIdAsync(id) : null;
        return await RecordAsync(SignInMethod.Passkey, user, user is not null ? SignInOutcome.SignedIn : SignInOutcome.Refused);
    }

    private async Task<SignInOutcome> RefusalAsync(SignInResult result, PortalUser? user, string password)
    {
        // Identity says "not allowed" before it checks the password: tell about the unconfirmed
        // email only to whoever knows the password.
        if (result.IsNotAllowed && user is not null && await users.CheckPasswordAsync(user, password))
            return SignInOutcome.NotConfirmed;
        return SignInOutcome.Refused;
    }

    private async Task<SignInAttempt> RecordAsync(SignInMethod method, PortalUser? user, SignInOutcome outcome)
    {
        log.LogInformation("Sign-in {Method} for {UserId}: {Outcome}", method, user?.Id ?? "(unknown)", outcome);
        var how = method switch
        {
            SignInMethod.Password => "mot de passe",
            SignInMethod.AuthenticatorCode => "code de l'application",
            SignInMethod.RecoveryCode => "code de secours",
            _ => "clé d'accès",
        };
        var (action, detail) = outcome switch
        {
            SignInOutcome.SignedIn => (AccountAudit.SignedIn, how),
            SignInOutcome.NeedsCode => (AccountAudit.CodeAsked, how),
            SignInOutcome.UsePasskey => (AccountAudit.CodeAsked, "mot de passe vérifié, clé d'accès demandée"),
            SignInOutcome.NotConfirmed => (AccountAudit.SignInRefused, "adresse non confirmée"),
            _ => (AccountAudit.SignInRefused, how),
        };
        await audit.RecordAsync(action, user, detail);
        return new SignInAttempt(outcome, user);
    }
}
