using System.Net;
using System.Text.RegularExpressions;
using Portal.Domain.Accounts;
using Portal.Pages.Compte;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

[Collection(PortalCollection.Name)]
public partial class SignInTests(PortalApp app)
{
    [GeneratedRegex("validation-summary-errors[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    private async Task<string> AnswerAsync(string email, string password)
    {
        var (_, response) = await app.PasswordOnlyAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(Summary().Match(await response.HtmlAsync()).Groups[1].Value);
    }

    /// Issue 11, point 8: five tries on an unknown address and on a real, now locked, account give
    /// the same words, so the answer does not tell which emails have accounts.
    [Fact]
    public async Task Locked_account_and_unknown_address_get_the_same_answer()
    {
        var real = await app.NewAccountAsync(Roles.Resident);
        var unknown = $"inconnu-{Guid.NewGuid():N}@exemple.fr";
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(real, "Mauvais-Mot-2026");
            await AnswerAsync(unknown, "Mauvais-Mot-2026");
        }
        var locked = await AnswerAsync(real, "Mauvais-Mot-2026");
        var nobody = await AnswerAsync(unknown, "Mauvais-Mot-2026");
        Assert.Equal(nobody, locked);
        Assert.Contains(ConnexionModel.RefusedMessage, locked);
    }
}
