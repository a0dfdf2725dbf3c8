using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Domain.Accounts;
using Portal.Testing;
using Portal.Tests.Pages.Compte;

namespace Portal.Tests.Accounts;

/// Every sign-in, refused sign-in, second-factor step, sign-out and password change lands in the
/// audit table: admins find it in /admin/journal, the person sees their own on /compte.
[Collection(PortalCollection.Name)]
public class SignInAuditTests(PortalApp app)
{
    private Task<List<string>> ActionsAsync(string email) => app.WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.Where(a => a.UserId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    });

    [Fact]
    public async Task A_resident_sees_their_refused_and_successful_sign_ins_and_sign_out_on_their_account_page()
    {
        var email = await app.NewAccountAsync(Roles.Resident);
        var (_, wrong) = await app.PasswordOnlyAsync(email, "Mauvais-mot-de-passe-1");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var client = await app.SignedInAsync(email);

        var page = WebUtility.HtmlDecode(await (await client.GetAsync("/compte")).HtmlAsync());
        Assert.Contains("Connexions récentes", page);
        Assert.Contains(AccountAudit.SignInRefused, page);
        Assert.Contains("mot de passe", page);

        var changed = await Forms.PostAsync(client, "/compte/mot-de-passe", new()
        {
            ["Input.CurrentPassword"] = PortalApp.Password, ["Input.NewPassword"] = "Nouveau-Passe-2026x", ["Input.ConfirmPassword"] = "Nouveau-Passe-2026x",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await Forms.PostAsync(client, "/compte/deconnexion", []);

        var actions = await ActionsAsync(email);
        Assert.Equal([AccountAudit.SignInRefused, AccountAudit.SignedIn, AccountAudit.PasswordChanged, AccountAudit.SignedOut], actions);
    }

    [Fact]
    public async Task A_staff_sign_in_records_the_code_step_and_admins_filter_sign_ins_in_the_journal()
    {
        var email = await app.NewAccountAsync(Roles.SocialWorker);
        await app.SignedInAsync(email);
        var actions = await ActionsAsync(email);
        Assert.Equal([AccountAudit.CodeAsked, AccountAudit.SignedIn], actions.Where(a => a is AccountAudit.CodeAsked or AccountAudit.SignedIn).ToList());

        var admin = await app.SignedInAsync(PortalApp.Admin);
        using var rowsOnly = new HttpRequestMessage(HttpMethod.Get, $"/admin/journal?nature={Uri.EscapeDataString(AccountAudit.SignedIn)}&utilisateur=Camille");
        rowsOnly.Headers.Add("HX-Request", "true");
        var rows = WebUtility.HtmlDecode(await (await admin.SendAsync(rowsOnly)).HtmlAsync());
        Assert.Contains("code de l'application", rows);
        Assert.DoesNotContain(AccountAudit.CodeAsked, rows);
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_address_is_recorded_without_keeping_the_address()
    {
        var unknown = $"inconnu-{Guid.NewGuid():N}@exemple.fr";
        await app.PasswordOnlyAsync(unknown, "Peu-importe-2026");
        var line = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AccountAudit.SignInRefused && a.UserId == "").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Contains("compte inconnu", line.Detail);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains(unknown))));
    }
}
