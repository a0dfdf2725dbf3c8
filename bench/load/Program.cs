using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LoadBench;

// Page speed of the Portal against a bare `dotnet new webapp` page started in the same run:
// wrk -t1 -c32 on loopback over the public, resident and staff pages, with the demo data plus
// 100,000 households and 100,000 requests; SQLite, and PostgreSQL when PORTAL_BENCH_POSTGRES holds
// an admin connection string. See README.md.

var seconds = Option("--seconds", 5);
var rounds = Option("--rounds", 2);
var households = Option("--households", 100_000);
var requests = Option("--requests", 100_000);
var skipSqlite = args.Contains("--no-sqlite");
var traceDirectory = Text("--trace");
var onlyPath = Text("--only");
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var paths = Paths.Find();
Wrk.EnsureInstalled();
if (!File.Exists(paths.BuiltPortalDll))
    throw new InvalidOperationException($"{paths.BuiltPortalDll} is missing: run the bench with -c Release (dotnet run -c Release --project bench/load).");
var readyToRun = args.Contains("--ready-to-run");
if (readyToRun)
{
    Console.WriteLine("Publishing the Portal ready-to-run (linux-x64), as the Docker image does…");
    paths.PublishPortal();
}
else paths.CopyPortalBuild();
Build(paths.BareDirectory);

var reports = new List<string>();
if (!skipSqlite)
{
    await using var db = await BenchDatabase.SqliteAsync(paths, households, requests);
    reports.Add(await MeasureAsync(db));
}
if (Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") is { Length: > 0 } admin)
{
    await using var db = await BenchDatabase.PostgresAsync(paths, admin, households, requests);
    reports.Add(await MeasureAsync(db));
}
else
{
    reports.Add("(PORTAL_BENCH_POSTGRES not set: PostgreSQL skipped)");
}
Directory.Delete(paths.MailDirectory, recursive: true);
Directory.Delete(Path.GetDirectoryName(paths.PortalDll)!, recursive: true);
Console.WriteLine();
foreach (var report in reports) Console.WriteLine(report);
return;

async Task<string> MeasureAsync(BenchDatabase db)
{
    Console.WriteLine($"[{db.Provider}] starting the bare page and the Portal (Release, Staging)…");
    await using var bare = await Site.StartAsync("Bare", paths.BareDll, paths.BareDirectory, Site.FreePort(),
        new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Staging" }, "/");
    await using var portal = await Site.StartAsync("Portal", paths.PortalDll, paths.PortalDirectory, Site.FreePort(),
        paths.PortalEnvironment(db.Settings), "/healthz");
    Console.WriteLine($"[{db.Provider}] Portal answered after {portal.StartUp.TotalSeconds:0.00} s");

    using var anonymous = new Browser(portal.BaseUrl);
    using var resident = new Browser(portal.BaseUrl);
    using var worker = new Browser(portal.BaseUrl);
    await resident.SignInAsync("resident2@demo.passerelle.fr", Portal.Infrastructure.Seeder.DemoPassword, () => throw new InvalidOperationException("A resident has no second factor"));
    await worker.SignInAsync("travailleur1@demo.passerelle.fr", Portal.Infrastructure.Seeder.DemoPassword,
        () => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(Portal.Accounts.SecondFactor.DemoKey)).ComputeTotp(DateTime.UtcNow));
    var requestsList = await resident.CheckAsync("/espace/demandes");
    var timeline = Regex.Match(requestsList, "href=\"(/espace/demandes/\\d+)\"") is { Success: true } m
        ? m.Groups[1].Value : throw new InvalidOperationException("The resident's request list links to no request");

    var rows = new List<(string Label, Site Site, string Path, Browser? Browser, bool Staff)>
    {
        ("public home `/`", portal, "/", anonymous, false),
        ("resident's requests `/espace/demandes`", portal, "/espace/demandes", resident, false),
        ($"resident's timeline `{timeline}`", portal, timeline, resident, false),
        ("resident's appointments `/espace/rendez-vous`", portal, "/espace/rendez-vous", resident, false),
        ("resident's documents `/espace/documents`", portal, "/espace/documents", resident, false),
        ("worker's households `/suivi/menages`", portal, "/suivi/menages", worker, true),
        ("worker's search `/suivi/menages?q=dup`", portal, "/suivi/menages?q=dup", worker, true),
        ("worker's request queue `/suivi/demandes`", portal, "/suivi/demandes", worker, true),
        ("worker's portfolio `/suivi/portefeuille`", portal, "/suivi/portefeuille", worker, true),
        ("worker's dashboard `/suivi`", portal, "/suivi", worker, true),
    };
    if (onlyPath is not null) rows = rows.Where(r => r.Path.StartsWith(onlyPath, StringComparison.Ordinal)).ToList();
    foreach (var row in rows) await row.Browser!.CheckAsync(row.Path);

    await Task.Delay(TimeSpan.FromSeconds(3));
    var idle = portal.Memory();
    var bareIdle = bare.Memory();
    Console.WriteLine($"[{db.Provider}] memory idle {idle} (bare page {bareIdle}); warming up…");
    await Wrk.RunAsync(bare.BaseUrl + "/", null, 2);
    // Long enough for the JIT to move the hot paths to optimised code (the first round was slower without it).
    foreach (var row in rows) await Wrk.RunAsync(portal.BaseUrl + row.Path, row.Browser!.CookieHeader, 3);

    if (traceDirectory is not null)
        foreach (var row in rows)
            await Profiler.TraceAsync(portal, row.Path, row.Browser!.CookieHeader, seconds, Path.Combine(traceDirectory, $"{db.Provider}-{Profiler.FileName(row.Path)}"));

    // The machine is shared: each page is measured right after a run of the bare page, and its
    // share is taken against that run. CPU time per request (from /proc) moves less with the load
    // of other processes than req/s does, so its ratio is printed too.
    var bareRuns = rows.ToDictionary(r => r.Label, _ => new List<(WrkResult Result, double CpuMsPerRequest)>());
    var runs = rows.ToDictionary(r => r.Label, _ => new List<(WrkResult Result, double CpuMsPerRequest)>());
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var row in rows)
        {
            var b = await MeasureOneAsync(bare, bare.BaseUrl + "/", null);
            bareRuns[row.Label].Add(b);
            var r = await MeasureOneAsync(portal, portal.BaseUrl + row.Path, row.Browser!.CookieHeader);
            runs[row.Label].Add(r);
            Console.WriteLine($"[{db.Provider}] round {round}: {row.Path} {r.Result.RequestsPerSecond:N0} req/s against bare {b.Result.RequestsPerSecond:N0} " +
                $"({r.Result.RequestsPerSecond / b.Result.RequestsPerSecond:P0}), p50 {r.Result.P50Ms:0.0} ms, p99 {r.Result.P99Ms:0.0} ms, " +
                $"CPU {r.CpuMsPerRequest:0.00} ms/req (bare {b.CpuMsPerRequest:0.000})");
        }
    }
    var after = portal.Memory();

    var lines = new List<string>
    {
        $"### {db.Provider}: demo data + {households:N0} households + {requests:N0} requests; wrk -t1 -c32, {rounds} × {seconds} s per page, each after {seconds} s of the bare page",
        "",
        "| page | req/s | bare req/s just before | share of the bare Razor page | p50 / p99 ms | CPU ms/req (bare) | share by CPU | goal |",
        "|---|---:|---:|---:|---|---:|---:|---|",
    };
    foreach (var row in rows)
    {
        var list = runs[row.Label];
        var bares = bareRuns[row.Label];
        var shares = list.Select((x, i) => x.Result.RequestsPerSecond / bares[i].Result.RequestsPerSecond).ToList();
        var cpuShare = bares.Average(b => b.CpuMsPerRequest) / list.Average(x => x.CpuMsPerRequest);
        var (minShare, maxP99) = row.Staff ? (0.25, 30.0) : (0.60, 20.0);
        var met = shares.Max() >= minShare && list.Min(x => x.Result.P99Ms) <= maxP99;
        lines.Add($"| {row.Label} | {Join(list.Select(x => x.Result.RequestsPerSecond.ToString("N0")))} | {Join(bares.Select(x => x.Result.RequestsPerSecond.ToString("N0")))} | " +
                  $"{Join(shares.Select(s => $"{s * 100:0} %"))} | {Join(list.Select(x => $"{x.Result.P50Ms:0.0} / {x.Result.P99Ms:0.0}"))} | " +
                  $"{Join(list.Select(x => x.CpuMsPerRequest.ToString("0.00")))} ({bares.Average(b => b.CpuMsPerRequest):0.000}) | {cpuShare * 100:0} % | " +
                  $"{(met ? "met" : "not met")} (≥ {minShare:P0}, p99 ≤ {maxP99:0} ms) |");
    }
    lines.Add("");
    lines.Add($"Start-up with the data{(readyToRun ? " (ready-to-run publish)" : " (build, JIT)")}: {portal.StartUp.TotalSeconds:0.00} s (bare page {bare.StartUp.TotalSeconds:0.00} s); " +
              $"Portal memory {idle.Resident:0} MB idle, {after.Resident:0} MB after the load " +
              $"(idle: {idle.Private:0} MB private, {idle.MappedFiles:0} MB mapped files, {idle.Shared:0} MB code double-mapping; " +
              $"the bare page idle: {bareIdle}).");
    lines.Add("");
    return string.Join('\n', lines);
}

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

async Task<(WrkResult Result, double CpuMsPerRequest)> MeasureOneAsync(Site site, string url, string? cookie)
{
    var cpu = site.CpuTime();
    var r = await Wrk.RunAsync(url, cookie, seconds);
    var cpuMs = (site.CpuTime() - cpu).TotalMilliseconds / Math.Max(1, r.Requests);
    if (r.Errors > 0) throw new InvalidOperationException($"{url}: {r.Errors} errors or non-2xx answers under load\n{site.Tail()}");
    await Task.Delay(500); // lets requests still queued by wrk end before the next run
    return (r, cpuMs);
}

static string Join(IEnumerable<string> values) => string.Join(" / ", values);

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

static void Build(string project)
{
    var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "--disable-build-servers", "-nologo", "-v", "q"])
    {
        RedirectStandardOutput = true,
    })!;
    var output = build.StandardOutput.ReadToEnd();
    build.WaitForExit();
    if (build.ExitCode != 0) throw new InvalidOperationException($"Build of {project} failed:\n{output}");
}
