using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LoadBench;

/// `--trace DIR`: before the measured rounds, one extra run per page with dotnet-trace (the local
/// tool, CPU sampling) attached to the Portal; the trace and its top methods are written to DIR.
public static partial class Profiler
{
    public static string FileName(string path) => Unsafe().Replace(path.Trim('/'), "_") is { Length: > 0 } name ? name : "home";

    public static async Task TraceAsync(Site portal, string path, string cookie, int seconds, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var collect = Process.Start(new ProcessStartInfo("dotnet",
            ["dotnet-trace", "collect", "-p", portal.ProcessId.ToString(), "--profile", "dotnet-sampled-thread-time", "-o", output + ".nettrace",
             "--duration", $"00:00:00:{seconds + 1:00}"])
        { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true })!;
        await Task.Delay(1500);
        var result = await Wrk.RunAsync(portal.BaseUrl + path, cookie, seconds);
        await collect.WaitForExitAsync();
        var report = Process.Start(new ProcessStartInfo("dotnet", ["dotnet-trace", "report", output + ".nettrace", "topN", "-n", "60"]) { RedirectStandardOutput = true })!;
        var text = await report.StandardOutput.ReadToEndAsync();
        await report.WaitForExitAsync();
        var inclusive = Process.Start(new ProcessStartInfo("dotnet", ["dotnet-trace", "report", output + ".nettrace", "topN", "-n", "80", "--inclusive"]) { RedirectStandardOutput = true })!;
        var textInclusive = await inclusive.StandardOutput.ReadToEndAsync();
        await inclusive.WaitForExitAsync();
        await File.WriteAllTextAsync(output + ".txt", $"{path}: {result.RequestsPerSecond:N0} req/s under the profiler\n\nExclusive\n{text}\n\nInclusive\n{textInclusive}");
        Console.WriteLine($"traced {path} → {output}.txt");
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Unsafe();
}
