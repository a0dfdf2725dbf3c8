using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Work;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

[Collection(PortalCollection.Name)]
public class AccountTests(PortalApp app)
{
    private static string NewEmail() => $"personne-{Guid.NewGuid():N}@exemple.fr";

    private static Dictionary<string, string> SignUp(string email, string name = "Léa Martin", string password = "Bonjour-Passerelle-1") => new()
    {
        ["Input.FullName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.AcceptPrivacy"] = "true",
    };

    [Fact]
    public async Task Sign_up_sends_a_confirmation_link_that_activates_the_account()
    {
        var email = NewEmail();
        var client = app.Client();
        var response = await Forms.PostAsync(client, "/compte/inscription", SignUp(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Not confirmed yet: sign-in is refused with an explanation.
        var early = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Bonjour-Passerelle-1" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("pas encore confirmée", await early.HtmlAsync());

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("Confirmez votre adresse", mail.Subject);
        var link = new Uri(MailDev.LinkIn(mail, "/compte/confirmer"));
        var confirm = await client.GetAsync(link.PathAndQuery);
        Assert.Contains("Votre compte est activé", await confirm.HtmlAsync());

        var signIn = await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Bonjour-Passerelle-1" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/espace", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/espace")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_does_not_confirm()
    {
        var email = NewEmail();
        await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(email));
        var mail = await app.Mail.WaitForAsync(email);
        var link = new Uri(MailDev.LinkIn(mail, "/compte/confirmer"));
        var tampered = link.PathAndQuery.Replace("code=", "code=AAAA");
        var html = await (await app.Client().GetAsync(tampered)).HtmlAsync();
        Assert.Contains("Lien non valide", html);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Invalid_sign_up_keeps_what_was_typed_and_explains_in_french()
    {
        var email = NewEmail();
        var form = SignUp(email, password: "court");
        form["Input.ConfirmPassword"] = "different";
        form.Remove("Input.AcceptPrivacy");
        var response = await Forms.PostAsync(app.Client(), "/compte/inscription", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("entre 12 et 100 caractères", html);
        Assert.Contains("ne sont pas identiques", html);
        Assert.Contains("notice sur vos données personnelles", html);
        Assert.Contains($"value=\"{email}\"", html);
        Assert.Contains("value=\"Léa Martin\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Signing_up_again_with_a_known_address_reveals_nothing_and_warns_the_owner()
    {
        var response = await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(PortalApp.Resident2));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/inscription-envoyee", response.Headers.Location!.OriginalString);
        var mail = await app.Mail.WaitForAsync(PortalApp.Resident2, where: m => m.Subject.Contains("déjà un compte"));
        Assert.Contains("/compte/mot-de-passe-oublie", mail.Text);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var email = NewEmail();
        await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(email));
        var mail = await app.Mail.WaitForAsync(email);
        await app.Client().GetAsync(new Uri(MailDev.LinkIn(mail, "/compte/confirmer")).PathAndQuery);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Mauvais-Mot-2026" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Bonjour-Passerelle-1" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // The same words as a wrong password (issue 11, point 8): they say when to come back.
        Assert.Contains("bloquée pendant 15 minutes", await right.HtmlAsync());
    }

    [Fact]
    public async Task Forgotten_password_link_sets_a_new_password()
    {
        var email = NewEmail();
        await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(email));
        await app.Mail.WaitForAsync(email);

        var client = app.Client();
        var asked = await Forms.PostAsync(client, "/compte/mot-de-passe-oublie", new() { ["Input.Email"] = email });
        Assert.Contains("Si un compte correspond", await asked.HtmlAsync());
        var mail = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("Réinitialisation"));
        var link = new Uri(MailDev.LinkIn(mail, "/compte/nouveau-mot-de-passe")).PathAndQuery;

        var set = await Forms.PostAsync(client, link, new()
        {
            ["Input.Password"] = "Nouveau-Depart-2026",
            ["Input.ConfirmPassword"] = "Nouveau-Depart-2026",
            ["UserId"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["userId"]!,
            ["Code"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!,
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        // Following the emailed link proved the address too.
        var signIn = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Nouveau-Depart-2026" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_and_no_email()
    {
        var email = NewEmail();
        var asked = await Forms.PostAsync(app.Client(), "/compte/mot-de-passe-oublie", new() { ["Input.Email"] = email });
        Assert.Contains("Si un compte correspond", await asked.HtmlAsync());
        Assert.False(await app.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == email)));
    }

    [Fact]
    public async Task Admin_invites_a_social_worker_who_chooses_a_password_and_lands_in_suivi()
    {
        var email = NewEmail();
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var teamId = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Nord").Select(t => t.Id).SingleAsync());
        var invited = await Forms.PostAsync(admin, "/admin/utilisateurs", new()
        {
            ["Invite.FullName"] = "Inès Nouvelle",
            ["Invite.Email"] = email,
            ["Invite.Role"] = "SocialWorker",
            ["Invite.TeamId"] = teamId.ToString(),
        }, handler: "Invite");
        Assert.True(invited.StatusCode == HttpStatusCode.Redirect, await invited.HtmlAsync());

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("Travailleur social", mail.Text);
        var link = new Uri(MailDev.LinkIn(mail, "/compte/nouveau-mot-de-passe")).PathAndQuery;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        var client = app.Client();
        var set = await Forms.PostAsync(client, link, new()
        {
            ["Input.Password"] = "Equipe-Nord-2026",
            ["Input.ConfirmPassword"] = "Equipe-Nord-2026",
            ["UserId"] = query["userId"]!,
            ["Code"] = query["code"]!,
            ["Invitation"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var signIn = await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Equipe-Nord-2026" });
        Assert.Equal("/suivi", signIn.Headers.Location!.OriginalString);
        // A new staff member sets up a second factor first (issue 11, point 5), then reaches their team.
        Assert.Equal("/compte", (await client.GetAsync("/suivi")).Headers.Location!.OriginalString);
        await app.EnrolAuthenticatorAsync(client);
        Assert.Contains("Équipe Nord", await (await client.GetAsync("/suivi")).HtmlAsync());
    }

    [Fact]
    public async Task Social_worker_invitation_without_team_is_refused_at_the_field()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var email = NewEmail();
        var response = await Forms.PostAsync(admin, "/admin/utilisateurs", new()
        {
            ["Invite.FullName"] = "Sans Équipe",
            ["Invite.Email"] = email,
            ["Invite.Role"] = "SocialWorker",
            ["Invite.TeamId"] = "",
        }, handler: "Invite");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("doit appartenir à une équipe", html);
        Assert.Contains(email, html);
    }

    [Fact]
    public async Task Hostile_names_come_back_exactly_as_typed_and_never_run()
    {
        const string hostile = "<script>alert('x')</script> & \"Zoé\" 🏠 \u200Fعلي";
        var email = NewEmail();
        var client = app.Client();
        await Forms.PostAsync(client, "/compte/inscription", SignUp(email, name: hostile));
        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains(hostile, mail.Text);
        Assert.DoesNotContain("<script>alert", mail.Html);
        await client.GetAsync(new Uri(MailDev.LinkIn(mail, "/compte/confirmer")).PathAndQuery);
        await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Bonjour-Passerelle-1" });
        var html = await (await client.GetAsync("/espace")).HtmlAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(hostile, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Every_account_email_went_through_the_outbox()
    {
        var email = NewEmail();
        await Forms.PostAsync(app.Client(), "/compte/inscription", SignUp(email));
        await app.Mail.WaitForAsync(email);
        var row = await Forms.EventuallyAsync(
            () => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.ToAddress == email)),
            r => r.Status == WorkStatus.Done, TimeSpan.FromSeconds(10), "the outbox row to be marked sent");
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.CompletedAtUtc);
    }
}
