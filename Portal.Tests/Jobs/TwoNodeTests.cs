using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Support;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Tests.Jobs;

/// Two processes on one database, as deployed at scale: a node that only serves pages
/// (Hangfire:Worker=false) and a worker node. Work asked on the web node is done by the worker and
/// downloads from either; the worker killed mid-burst loses nothing; a cookie of one node opens the
/// other; the same click sent to both nodes makes one document.
public partial class TwoNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_web_node_and_a_worker_node_share_work_cookies_and_the_same_click_protection()
    {
        var rng = new Random(7);
        await using var mail = new MailDev();
        await mail.StartAsync();
        await using var db = await TestDatabase.CreateAsync();
        await using var worker = new ChildSite("worker", db, mail.SmtpPort, worker: true);
        await worker.StartAsync();
        await using var web = new ChildSite("web", db, mail.SmtpPort, worker: false);
        await web.StartAsync();
        var since = await WorkBurst.BaselineAsync(db);

        // One sign-in, on the web node; the same cookie opens the worker node.
        var cookies = new CookieContainer();
        using var adminWeb = await web.SignedInAsync(PortalApp.Admin, cookies);
        using var adminWorker = worker.Client(cookies);
        Assert.Equal(HttpStatusCode.OK, (await adminWorker.GetAsync("/admin/documents")).StatusCode);

        // Asked on the web node, done by the worker, downloadable from both.
        await WorkBurst.RunAsync(() => web.Client(), adminWeb, rng, signUps: 3, documents: 3, tag: "web");
        await WorkBurst.DrainedAsync(db, since, TimeSpan.FromSeconds(60));
        var first = (await WorkBurst.DocumentsAsync(db, since)).First();
        Assert.Equal(HttpStatusCode.OK, await WorkBurst.DownloadAsync(adminWeb, first.Id));
        Assert.Equal(HttpStatusCode.OK, await WorkBurst.DownloadAsync(adminWorker, first.Id));

        // The worker dies in the middle of a burst asked on the web node, and comes back.
        var burst = WorkBurst.RunAsync(() => web.Client(), adminWeb, rng, signUps: 10, documents: 8, tag: "kill");
        await WorkBurst.UnderWayAsync(db, since, emails: 3, documents: 3);
        await Task.Delay(rng.Next(0, 400));
        await worker.KillAsync();
        await burst;
        var restarted = Stopwatch.StartNew();
        await worker.StartAsync();
        await WorkBurst.DrainedAsync(db, since, TimeSpan.FromSeconds(90));
        output.WriteLine($"{db.Provider}: worker killed mid-burst, all rows done {restarted.Elapsed.TotalSeconds:0.0} s after its restart began");

        // The same click (one form key) sent to one node, then again to the other once the first is done.
        var cookiesManager = new CookieContainer();
        using var managerWeb = await web.SignedInAsync(PortalApp.Manager, cookiesManager);
        using var managerWorker = worker.Client(cookiesManager);
        var key = Guid.NewGuid().ToString("N");
        var subject = DocumentSubject.YearKey(DateTime.UtcNow.Year, Funder.Ddets);
        var one = await GenerateAsync(managerWeb, key, subject);
        await WorkBurst.DrainedAsync(db, since, TimeSpan.FromSeconds(60));
        var two = await GenerateAsync(managerWorker, key, subject);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(RequestId(await one.Content.ReadAsStringAsync()), RequestId(await two.Content.ReadAsStringAsync()));

        var twice = await WorkBurst.AssertDoneOnceAsync(db, since, mail);
        var emails = await WorkBurst.EmailsAsync(db, since);
        var documents = await WorkBurst.DocumentsAsync(db, since);
        output.WriteLine($"{emails.Count} emails ({twice} twice), {documents.Count} documents, each stored once");
    }

    private static async Task<HttpResponseMessage> GenerateAsync(HttpClient client, string key, string subject)
    {
        var html = await (await client.GetAsync("/suivi/documents")).Content.ReadAsStringAsync();
        var token = LayoutToken().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no token");
        var post = new HttpRequestMessage(HttpMethod.Post, "/suivi/documents?handler=Generate")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Kind"] = BilanActivite.Kind, ["Subject"] = subject, ["Key"] = key,
                ["Target"] = DocumentDesk.SafeId($"docgen-{BilanActivite.Kind}-{subject}"),
            }),
        };
        post.Headers.Add("HX-Request", "true");
        return await client.SendAsync(post);
    }

    private static long RequestId(string fragment) => long.Parse(DocStatus().Match(fragment).Groups[1].Value);

    [GeneratedRegex("RequestVerificationToken(?:&quot;|\")\\s*:\\s*(?:&quot;|\")([^&\"]+)")]
    private static partial Regex LayoutToken();

    [GeneratedRegex("id=\"docstatus-(\\d+)\"")]
    private static partial Regex DocStatus();
}
