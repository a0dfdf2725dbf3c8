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

    /// Resident memory of the process (what the machine gives it), in MB.
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
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
