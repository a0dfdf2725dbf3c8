using System.Diagnostics;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Tests.Jobs;

/// The site as a child process, SIGKILLed in the middle of a burst of email and document work, then
/// started again on the same database: every row is done once, every document stored once, every
/// email delivered once (at most twice with the same Message-Id, the window the README states).
/// Seeded and short here (FAULT_SEED, FAULT_KILLS); tools/faults.sh kills more.
public class CrashRecoveryTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    [Fact]
    public async Task Work_cut_by_kill_9_is_done_once_after_restart_and_mail_held_by_a_dead_server_drains_within_a_minute()
    {
        var seed = Setting("FAULT_SEED", 13);
        var kills = Setting("FAULT_KILLS", 2);
        var rng = new Random(seed);
        await using var mail = new MailDev();
        await mail.StartAsync();
        await using var db = await TestDatabase.CreateAsync();
        await using var site = new ChildSite("node", db, mail.SmtpPort);
        await site.StartAsync();
        using var admin = await site.SignedInAsync(PortalApp.Admin);
        var since = await WorkBurst.BaselineAsync(db);

        var recoveries = new List<double>();
        for (var k = 0; k < kills; k++)
        {
            var burst = WorkBurst.RunAsync(() => site.Client(), admin, rng, signUps: 12, documents: 8, tag: $"{seed}-{k}");
            await WorkBurst.UnderWayAsync(db, since, emails: 3, documents: 3);
            await Task.Delay(rng.Next(0, 400));
            await site.KillAsync();
            await burst;
            var restarted = Stopwatch.StartNew();
            await site.StartAsync();
            // The first page after a start compiles; the next burst should find a warm node.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/admin/documents")).StatusCode);
            var drained = await WorkBurst.DrainedAsync(db, since, TimeSpan.FromSeconds(90));
            recoveries.Add(restarted.Elapsed.TotalSeconds);
            output.WriteLine($"kill {k + 1}: all rows done {restarted.Elapsed.TotalSeconds:0.0} s after the restart began ({drained.TotalSeconds:0.0} s after it answered)");
        }

        // The mail server goes away: emails wait, pages answer; it comes back: they leave within a minute.
        await mail.StopAsync();
        await WorkBurst.RunAsync(() => site.Client(), admin, rng, signUps: 6, documents: 0, tag: $"{seed}-down");
        await Task.Delay(TimeSpan.FromSeconds(8));
        var back = Stopwatch.StartNew();
        await mail.StartAsync();
        await WorkBurst.DrainedAsync(db, since, TimeSpan.FromSeconds(60));
        output.WriteLine($"smtp back: queue drained in {back.Elapsed.TotalSeconds:0.0} s");

        var emails = await WorkBurst.EmailsAsync(db, since);
        var documents = await WorkBurst.DocumentsAsync(db, since);
        var twice = await WorkBurst.AssertDoneOnceAsync(db, since, mail);
        output.WriteLine($"{db.Provider}, seed {seed}: {kills} kills, {emails.Count} emails ({twice} received twice, same Message-Id), {documents.Count} documents stored once; recoveries {string.Join(", ", recoveries.Select(r => r.ToString("0.0")))} s");
        Assert.True(emails.Count >= 10 && documents.Count >= 4, $"the burst made too little work: {emails.Count} emails, {documents.Count} documents");
        Assert.All(recoveries, r => Assert.True(r < 60, $"recovery took {r:0.0} s"));
        foreach (var d in documents.Take(3))
            Assert.Equal(System.Net.HttpStatusCode.OK, await WorkBurst.DownloadAsync(admin, d.Id));
    }
}
