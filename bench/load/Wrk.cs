using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LoadBench;

public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// Runs wrk (one thread, 32 connections, loopback) and reads its summary.
public static partial class Wrk
{
    public static void EnsureInstalled()
    {
        if (Runs("wrk", "--version")) return;
        Console.WriteLine("wrk is missing: installing the Debian package (apt-get, non-interactive)");
        var sudo = Environment.UserName == "root" ? "" : "sudo ";
        var install = Process.Start(new ProcessStartInfo("sh", ["-c", $"{sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk || ({sudo}apt-get update -q && {sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk)"]))!;
        install.WaitForExit();
        if (!Runs("wrk", "--version")) throw new InvalidOperationException("wrk could not be installed (apt-get install wrk).");
    }

    private static bool Runs(string file, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    public static async Task<WrkResult> RunAsync(string url, string? cookie, int seconds, int connections = 32)
    {
        var args = new List<string> { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s" };
        if (cookie is not null) { args.Add("-H"); args.Add("Cookie: " + cookie); }
        args.Add(url);
        var info = new ProcessStartInfo("wrk", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var rps = Number(RequestsPerSecond().Match(output), "Requests/sec", output);
        var total = long.Parse(Total().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(rps, Latency(output, "50%"), Latency(output, "99%"), total, errors + socket);
    }

    private static double Number(Match m, string what, string output) =>
        m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"wrk gave no {what}:\n{output}");

    private static double Latency(string output, string percentile)
    {
        var m = Regex.Match(output, @"^\s+" + Regex.Escape(percentile) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) throw new InvalidOperationException($"wrk gave no {percentile} latency:\n{output}");
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
