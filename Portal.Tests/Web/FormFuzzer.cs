using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Tests.Web;

/// Crawls what one signed-in browser reaches by links, collects every form on those pages, then
/// posts mutated copies of them (seeded): empty, huge, control characters, bad dates and numbers,
/// unknown and missing fields, unknown and missing handlers, other records' ids, with and without
/// the htmx headers. Records every status seen, every server error, and every payload that came back
/// unescaped (a marker element), in the answer or, stored, on a page read afterwards.
public sealed partial class FormFuzzer(HttpClient client, Random rng, string who)
{
    public sealed record Form(string Page, string Action, bool Post, List<KeyValuePair<string, string>> Fields);

    public const string Marker = "<i data-fz=";
    public int Requests { get; private set; }
    public SortedDictionary<int, int> Statuses { get; } = [];
    public List<string> Failures { get; } = [];
    public List<string> Pages { get; } = [];
    private readonly HashSet<string> ids = [];

    public async Task<List<Form>> CrawlAsync(string start, int maxPages)
    {
        var forms = new List<Form>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var perPath = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && Pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), $"GET {url}");
            if (response is null || response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            Pages.Add(url);
            var html = await response.Content.ReadAsStringAsync();
            forms.AddRange(FormsIn(url, html));
            foreach (Match m in Href().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0];
                if (!link.StartsWith('/') || link.StartsWith("//") || Skipped(link)) continue;
                foreach (Match id in Number().Matches(link)) ids.Add(id.Groups[1].Value);
                var path = link.Split('?')[0];
                perPath[path] = perPath.GetValueOrDefault(path) + 1;
                if (perPath[path] > 2 || !seen.Add(link)) continue;
                queue.Enqueue(link);
            }
        }
        return forms;
    }

    public async Task FuzzAsync(IReadOnlyList<Form> forms, int count)
    {
        if (forms.Count == 0) return;
        for (var i = 0; i < count; i++)
        {
            var form = forms[rng.Next(forms.Count)];
            var (url, fields, what) = Mutate(form, i);
            var request = form.Post
                ? new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }
                : new HttpRequestMessage(HttpMethod.Get, url + (url.Contains('?') ? "&" : "?") + string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
            if (rng.Next(2) == 0)
            {
                request.Headers.Add("HX-Request", "true");
                var token = fields.FirstOrDefault(f => f.Key == "__RequestVerificationToken").Value;
                if (token is not null) request.Headers.Add("RequestVerificationToken", token);
                what += " +htmx";
            }
            var response = await SendAsync(request, $"{(form.Post ? "POST" : "GET")} {url} [{what}]");
            if (response is not null) await CheckEscapedAsync(response, url);
        }
    }

    /// Every page read again: a payload stored by a post must come back escaped wherever it lands.
    public async Task RereadAsync()
    {
        foreach (var url in Pages)
        {
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), $"GET {url} (again)");
            if (response is not null) await CheckEscapedAsync(response, url);
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, string what)
    {
        Requests++;
        try
        {
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            if (status >= 500) Failures.Add($"{who}: {status} {what}");
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Failures.Add($"{who}: no answer ({ex.GetType().Name}) {what}");
            return null;
        }
    }

    private async Task CheckEscapedAsync(HttpResponseMessage response, string url)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is not ("text/html" or "text/plain" or null)) return;
        var body = await response.Content.ReadAsStringAsync();
        var at = body.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0) Failures.Add($"{who}: unescaped payload in {url}: …{body.Substring(Math.Max(0, at - 80), Math.Min(160, body.Length - Math.Max(0, at - 80)))}…");
    }

    private (string Url, List<KeyValuePair<string, string>> Fields, string What) Mutate(Form form, int n)
    {
        var url = form.Action;
        var fields = form.Fields.ToList();
        var token = fields.Where(f => f.Key == "__RequestVerificationToken").ToList();
        var plain = fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
        string what;
        switch (rng.Next(9))
        {
            case 0:
                what = "empty";
                plain.Clear();
                break;
            case 1:
                what = "huge";
                plain = plain.Select(f => KeyValuePair.Create(f.Key, new string('é', 6000) + Marker + n + ">")).ToList();
                break;
            case 2:
                what = "unknown handler";
                url = WithHandler(url, "Nope" + n);
                break;
            case 3:
                what = "no handler";
                url = WithHandler(url, null);
                break;
            case 4:
                what = "other id";
                url = Number().Replace(url, m => "/" + OtherId() + m.Groups[2].Value, 1);
                for (var i = 0; i < plain.Count; i++)
                    if (long.TryParse(plain[i].Value, out _)) plain[i] = KeyValuePair.Create(plain[i].Key, OtherId());
                break;
            case 5:
                what = "unknown field";
                plain.Add(KeyValuePair.Create(Pick(["Zut", "Input.Inconnu", "Input[999].X", "a\u0000b", "handler"]), Payload(n)));
                break;
            case 6:
                what = "missing field";
                if (plain.Count > 0) plain.RemoveAt(rng.Next(plain.Count));
                break;
            default:
                what = "values";
                for (var k = 1 + rng.Next(3); k > 0 && plain.Count > 0; k--)
                {
                    var i = rng.Next(plain.Count);
                    plain[i] = KeyValuePair.Create(plain[i].Key, Payload(n));
                }
                break;
        }
        return (url, [.. token, .. plain], what);
    }

    private string Payload(int n) => rng.Next(17) switch
    {
        0 => "",
        1 => new string('x', 5000),
        2 => "a\u0000b",
        3 => "\u0001",
        4 => "\u001b[31m",
        5 => "31/02/2026",
        6 => "0000-00-00",
        7 => "1e400",
        8 => "-1",
        9 => "NaN",
        10 => "99999999999999999999",
        11 => "' OR 1=1 --",
        12 => "{{menage.nom}}",
        13 => "\t\r\n ",
        14 => "\"'>" + Marker + n + ">",
        15 => Marker + n + ">",
        _ => "2026-02-30",
    };

    private string OtherId() => ids.Count == 0 || rng.Next(4) == 0 ? Pick(["1", "0", "-1", "999999", "99999999999999999999"]) : ids.ElementAt(rng.Next(ids.Count));

    private string Pick(string[] values) => values[rng.Next(values.Length)];

    private static string WithHandler(string url, string? handler)
    {
        var clean = HandlerParameter().Replace(url, "").TrimEnd('?', '&');
        clean = clean.Replace("?&", "?");
        return handler is null ? clean : clean + (clean.Contains('?') ? "&" : "?") + "handler=" + handler;
    }

    private static bool Skipped(string link) =>
        link.StartsWith("/hangfire") || link.StartsWith("/compte/deconnexion", StringComparison.OrdinalIgnoreCase)
        || link.StartsWith("/lib/") || link.StartsWith("/css/") || link.StartsWith("/js/") || link.EndsWith(".svg")
        || link.Contains("handler=Download", StringComparison.OrdinalIgnoreCase) || link.Contains("/telecharger", StringComparison.OrdinalIgnoreCase);

    /// The forms of a page: one per submit button that names its own target (formaction), fields
    /// with their current values (first option of a list), the antiforgery token included.
    public static IEnumerable<Form> FormsIn(string page, string html)
    {
        foreach (Match f in FormTag().Matches(html))
        {
            var attributes = f.Groups[1].Value;
            var body = f.Groups[2].Value;
            var post = Attribute(attributes, "method")?.Equals("post", StringComparison.OrdinalIgnoreCase) ?? false;
            var action = Attribute(attributes, "action") is { Length: > 0 } a ? a : page;
            if (!action.StartsWith('/') || Skipped(action) || action.StartsWith("/compte/mot-de-passe", StringComparison.OrdinalIgnoreCase) && !action.Contains("oublie")) continue;
            var fields = new List<KeyValuePair<string, string>>();
            foreach (Match i in InputTag().Matches(body))
            {
                var name = Attribute(i.Value, "name");
                var type = Attribute(i.Value, "type") ?? "text";
                if (name is null || type is "submit" or "button" or "file" or "image") continue;
                if (type is "checkbox" or "radio" && !i.Value.Contains(" checked")) continue;
                fields.Add(KeyValuePair.Create(name, Attribute(i.Value, "value") ?? ""));
            }
            foreach (Match s in SelectTag().Matches(body))
                if (Attribute(s.Groups[1].Value, "name") is { } name)
                    fields.Add(KeyValuePair.Create(name, OptionValue().Match(s.Groups[2].Value) is { Success: true } o ? WebUtility.HtmlDecode(o.Groups[1].Value) : ""));
            foreach (Match t in TextareaTag().Matches(body))
                if (Attribute(t.Groups[1].Value, "name") is { } name)
                    fields.Add(KeyValuePair.Create(name, WebUtility.HtmlDecode(t.Groups[2].Value)));
            var targets = ButtonTag().Matches(body).Select(b => Attribute(b.Value, "formaction")).Where(t => t is { Length: > 0 } && t.StartsWith('/') && !Skipped(t)).Distinct().ToList();
            if (targets.Count == 0) targets.Add(action);
            foreach (var target in targets)
                yield return new Form(page, target!, post, fields);
        }
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();
    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
    [GeneratedRegex("<button\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonTag();
    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectTag();
    [GeneratedRegex("<option\\b[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();
    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaTag();
    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
    [GeneratedRegex(@"/(\d+)(/|$|\?)")]
    private static partial Regex Number();
    [GeneratedRegex(@"[?&]handler=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerParameter();
}
