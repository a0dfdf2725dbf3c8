using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace LoadBench;

/// A web site run as its own process (as it is deployed: `dotnet Site.dll`), for the bench to load.
public sealed class Site : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    public string Name { get; }
    public string BaseUrl { get; }
    /// From the process start to the first answer of its probe address.
    public TimeSpan StartUp { get; private set; }
    public int ProcessId => process.Id;

    private Site(string name, string baseUrl, Process process)
    {
        Name = name;
        BaseUrl = baseUrl;
        this.process = process;
    }

    public static async Task<Site> StartAsync(string name, string dll, string workingDirectory, int port, IDictionary<string, string> environment, string probePath)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        var site = new Site(name, baseUrl, process);
        process.OutputDataReceived += (_, e) => site.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => site.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} stopped at start-up (exit {process.ExitCode}):\n{site.Tail()}");
            try
            {
                using var response = await http.GetAsync(baseUrl + probePath);
                if (response.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"{name} did not answer {probePath} within 5 minutes:\n{site.Tail()}");
            await Task.Delay(10);
        }
        site.StartUp = clock.Elapsed;
        return site;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    public string Tail()
    {
        lock (lastLines) return string.Join('\n', lastLines);
    }

    /// Resident memory of the process (what the machine gives it) and its parts, in MB (`/proc/PID/status`): private memory (the GC heap, the
    /// runtime's and SQLite's own), mapped files (the assemblies and native libraries the process
    /// has touched, shared with the OS's file cache), and shared memory (.NET's double mapping of
    /// the code it generated, W^X).
    public MemoryUse Memory()
    {
        var values = File.ReadLines($"/proc/{process.Id}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0] is "VmRSS" or "RssAnon" or "RssFile" or "RssShmem")
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0);
        return new MemoryUse(values.GetValueOrDefault("VmRSS", double.NaN), values.GetValueOrDefault("RssAnon", double.NaN),
            values.GetValueOrDefault("RssFile", double.NaN), values.GetValueOrDefault("RssShmem", double.NaN));
    }

    /// CPU time the process has used so far (user + system).
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM first, as a service manager would: the host shuts down cleanly.
            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed record MemoryUse(double Resident, double Private, double MappedFiles, double Shared)
{
    public override string ToString() =>
        $"{Resident:0} MB ({Private:0} private, {MappedFiles:0} mapped files, {Shared:0} code double-mapping)";
}
