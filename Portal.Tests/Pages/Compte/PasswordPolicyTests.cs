using System.Net;
using Portal.Infrastructure;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

/// Twelve characters at least, and none of the 10,000 most common passwords.
[Collection(PortalCollection.Name)]
public class PasswordPolicyTests(PortalApp app)
{
    private async Task<string> SignUpAsync(string email, string password)
    {
        var response = await Forms.PostAsync(app.Client(), "/compte/inscription", new()
        {
            ["Input.FullName"] = "Paul Politique",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.AcceptPrivacy"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.HtmlAsync());
    }

    [Fact]
    public async Task Eleven_characters_are_refused_at_the_field_and_what_was_typed_stays()
    {
        var email = $"court-{Guid.NewGuid():N}@exemple.fr";
        var html = await SignUpAsync(email, "Court-2026a");

        Assert.Contains("Le mot de passe doit contenir entre 12 et 100 caractères.", html);
        Assert.Contains(email, html);
        Assert.Contains("Paul Politique", html);
    }

    [Fact]
    public async Task A_common_password_is_refused_whatever_its_case()
    {
        Assert.True(CommonPasswordValidator.IsCommon("1qaz2wsx3edc"));
        var html = await SignUpAsync($"courant-{Guid.NewGuid():N}@exemple.fr", "1Qaz2wsx3edC");

        Assert.Contains("Ce mot de passe fait partie des plus utilisés", html);
        Assert.DoesNotContain("/compte/inscription-envoyee", html);
    }

    [Fact]
    public void The_shipped_list_holds_the_ten_thousand_most_common_passwords()
    {
        Assert.True(CommonPasswordValidator.IsCommon("123456"));
        Assert.True(CommonPasswordValidator.IsCommon("PASSWORD"));
        Assert.False(CommonPasswordValidator.IsCommon(PortalApp.Password));
    }
}
