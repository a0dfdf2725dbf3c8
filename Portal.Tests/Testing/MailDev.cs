using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Portal.Testing;

/// A real SMTP server on loopback (maildev), started and stopped by the tests themselves so that a
/// test can take it down and bring it back on the same port.
public sealed class MailDev : IAsyncDisposable
{
    private readonly string binary;
    private readonly string directory;
    private readonly HttpClient http;
    private Process? process;

    public int SmtpPort { get; }
    public int WebPort { get; }

    public MailDev()
    {
        binary = Environment.GetEnvironmentVariable("MAILDEV_BIN") is { Length: > 0 } b ? b : FindLocalInstall();
        if (!File.Exists(binary))
            throw new InvalidOperationException($"maildev not found at {binary}: run ./test.sh, which installs it, or set MAILDEV_BIN.");
        directory = Directory.CreateTempSubdirectory("maildev-").FullName;
        SmtpPort = FreePort();
        WebPort = FreePort();
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public bool IsRunning => process is { HasExited: false };

    public async Task StartAsync()
    {
        if (IsRunning) return;
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--smtp", SmtpPort.ToString(), "--web", WebPort.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", directory })
            psi.ArgumentList.Add(a);
        process = Process.Start(psi)!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && said.Count < 50) said.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && said.Count < 50) said.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A machine's first node start, right after package installs, can be slow.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"maildev exited with code {process.ExitCode}: {string.Join(" | ", said)}");
            if (await SmtpAnswersAsync())
            {
                try
                {
                    await http.GetAsync("api/email");
                    return;
                }
                catch (HttpRequestException)
                {
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"maildev did not start within 90 s: {string.Join(" | ", said)}");
    }

    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        process = null;
        // Wait until the port is really closed so the next send fails for the right reason.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && await SmtpAnswersAsync()) await Task.Delay(100);
    }

    public async Task<IReadOnlyList<MailMessage>> AllAsync()
    {
        var mails = await http.GetFromJsonAsync<List<MailMessage>>("api/email");
        return mails ?? [];
    }

    public async Task<IReadOnlyList<MailMessage>> ToAsync(string address) =>
        (await AllAsync()).Where(m => m.To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// Waits for the first message to an address and returns it.
    public async Task<MailMessage> WaitForAsync(string address, TimeSpan? timeout = null, Func<MailMessage, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = (await ToAsync(address)).FirstOrDefault(m => where?.Invoke(m) ?? true);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No email to {address} within the time allowed");
            await Task.Delay(200);
        }
    }

    /// The first link in a message's text whose path starts with <paramref name="pathPrefix"/>.
    public static string LinkIn(MailMessage mail, string pathPrefix)
    {
        var text = mail.Text ?? "";
        var start = text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOfAny([' ', '\n', '\r', '\t'], start);
            var url = end < 0 ? text[start..] : text[start..end];
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
                return url;
            start = text.IndexOf("http", start + 4, StringComparison.Ordinal);
        }
        throw new InvalidOperationException($"No link to {pathPrefix} in the email «{mail.Subject}»");
    }

    private async Task<bool> SmtpAnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, SmtpPort).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindLocalInstall()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        return dir is null ? "maildev" : Path.Combine(dir.FullName, ".tools", "maildev", "node_modules", ".bin", "maildev");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

public sealed class MailMessage
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("subject")] public string Subject { get; set; } = "";
    [JsonPropertyName("headers")] public Dictionary<string, System.Text.Json.JsonElement>? Headers { get; set; }
    /// The Message-Id header, without its angle brackets.
    public string? MessageId => Headers is not null && Headers.TryGetValue("message-id", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
        ? v.GetString()!.Trim().Trim('<', '>') : null;
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("html")] public string? Html { get; set; }
    [JsonPropertyName("to")] public List<MailAddress> To { get; set; } = [];
    [JsonPropertyName("attachments")] public List<MailAttachment>? Attachments { get; set; }
}

public sealed class MailAddress
{
    [JsonPropertyName("address")] public string Address { get; set; } = "";
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class MailAttachment
{
    [JsonPropertyName("fileName")] public string? FileName { get; set; }
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
}
