using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

/// A copied auth cookie stops working as soon as its session is ended: sign-out, password change,
/// role change, or "close this session" from the account page (issue 11, point 4).
[Collection(PortalCollection.Name)]
public class SessionTests(PortalApp app)
{
    [Fact]
    public async Task Cookie_replayed_after_sign_out_is_refused()
    {
        var email = await app.NewAccountAsync(Roles.SocialWorker);
        var client = await app.SignedInAsync(email);
        var copied = await app.AuthCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync(copied, "/suivi")).StatusCode);

        var signedOut = await Forms.PostAsync(client, "/compte/deconnexion", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.True((await app.ReplayAsync(copied, "/suivi")).IsSignInRedirect());
    }

    [Fact]
    public async Task Cookie_replayed_after_password_change_is_refused_and_the_changer_stays_signed_in()
    {
        var email = await app.NewAccountAsync(Roles.Resident);
        var client = await app.SignedInAsync(email);
        var copied = await app.AuthCookieAsync(email);

        var changed = await Forms.PostAsync(client, "/compte/mot-de-passe", new()
        {
            ["Input.CurrentPassword"] = PortalApp.Password,
            ["Input.NewPassword"] = "Autre-Passerelle-2027",
            ["Input.ConfirmPassword"] = "Autre-Passerelle-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.True((await app.ReplayAsync(copied, "/espace")).IsSignInRedirect());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/espace")).StatusCode);
    }

    [Fact]
    public async Task Cookie_replayed_after_role_change_is_refused()
    {
        var email = await app.NewAccountAsync(Roles.SocialWorker);
        await app.SignedInAsync(email);
        var copied = await app.AuthCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync(copied, "/suivi")).StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var changed = await Forms.PostAsync(admin, "/admin/utilisateurs", new() { ["id"] = id, ["newRole"] = Roles.Manager, ["newTeamId"] = "" }, handler: "ChangeRole");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.True((await app.ReplayAsync(copied, "/suivi")).IsSignInRedirect());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Changement de profil" && a.Detail!.Contains(email))));
    }

    [Fact]
    public async Task Account_page_lists_open_sessions_and_ends_one()
    {
        var email = await app.NewAccountAsync(Roles.Manager);
        var client = await app.SignedInAsync(email);
        var copied = await app.AuthCookieAsync(email);

        var page = await (await client.GetAsync("/compte")).HtmlAsync();
        Assert.Contains("Sessions ouvertes", page);
        Assert.Contains("Cette session", page);
        var sessions = await app.WithDbAsync(db => db.UserSessions.Where(s => s.User!.Email == email).OrderBy(s => s.StartedAtUtc).Select(s => s.Id).ToListAsync());
        Assert.Equal(2, sessions.Count);

        // The second session is the copied cookie's: close it from the first.
        var ended = await Forms.PostAsync(client, "/compte", new() { ["id"] = sessions[1] }, handler: "EndSession");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.True((await app.ReplayAsync(copied, "/suivi")).IsSignInRedirect());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/suivi")).StatusCode);
    }

    [Fact]
    public async Task Someone_else_session_cannot_be_ended()
    {
        var victim = await app.NewAccountAsync(Roles.Resident);
        var copied = await app.AuthCookieAsync(victim);
        var victimSession = await app.WithDbAsync(db => db.UserSessions.Where(s => s.User!.Email == victim).Select(s => s.Id).SingleAsync());

        var other = await app.SignedInAsync(await app.NewAccountAsync(Roles.Resident));
        await Forms.PostAsync(other, "/compte", new() { ["id"] = victimSession }, handler: "EndSession");

        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync(copied, "/espace")).StatusCode);
    }
}
