using System.Net;
using System.Text;

namespace Portal.Email;

/// The one layout of every email Passerelle sends: a greeting, paragraphs, at most one button with
/// its link written out for mail clients that hide buttons, closing paragraphs, the signature. The
/// text and HTML parts say the same thing. Everything is HTML-encoded in the HTML part (names and
/// themes come from users); a closing paragraph that is a bare link becomes a link.
public static class EmailLayout
{
    public static string Greeting(string? name) => string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";

    public static EmailContent Compose(string subject, string? name, IReadOnlyList<string> before, (string Label, string Url)? action, IReadOnlyList<string>? after = null)
    {
        var greeting = Greeting(name);
        after ??= [];
        var text = new StringBuilder();
        text.AppendLine(greeting).AppendLine();
        foreach (var p in before) text.AppendLine(p);
        if (action is { } a) text.AppendLine().AppendLine(a.Url);
        text.AppendLine();
        foreach (var p in after) text.AppendLine(p);
        text.AppendLine().AppendLine("L'équipe Passerelle").AppendLine("Ce message est envoyé automatiquement, merci de ne pas y répondre.");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;line-height:1.5;max-width:600px;margin:0 auto;padding:16px\">");
        html.Append("<p style=\"font-size:20px;font-weight:bold;color:#000091\">Passerelle</p>");
        html.Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var p in before) html.Append("<p>").Append(E(p)).Append("</p>");
        if (action is { } b)
        {
            html.Append("<p><a href=\"").Append(E(b.Url)).Append("\" style=\"display:inline-block;background:#000091;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
                .Append(E(b.Label)).Append("</a></p>");
            html.Append("<p style=\"font-size:13px;color:#3a3a3a\">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>").Append(E(b.Url)).Append("</p>");
        }
        foreach (var p in after)
            html.Append(p.StartsWith("http", StringComparison.Ordinal)
                ? $"<p><a href=\"{E(p)}\">{E(p)}</a></p>"
                : $"<p>{E(p)}</p>");
        html.Append("<p>L'équipe Passerelle</p><p style=\"font-size:12px;color:#3a3a3a\">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
