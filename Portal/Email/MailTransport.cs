using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data;

namespace Portal.Email;

public interface IMailTransport
{
    /// Sends the message; <paramref name="accepted"/> runs as soon as the server has taken it
    /// (before the connection is closed), so the caller records it with the least delay.
    Task SendAsync(OutboundEmail email, Func<Task> accepted, CancellationToken ct);
}

/// The mail server could not be reached, or the connection broke before it answered: nothing about
/// the message itself. The other emails would fail the same way until it answers again.
public sealed class MailServerUnreachableException(string host, int port, Exception inner)
    : Exception($"Serveur de courriel {host}:{port} injoignable : {inner.Message}", inner);

/// What this node last learnt of the mail server from its own attempts. While the server is
/// unreachable every email waits out its back-off (up to half a minute each); the sweeper then
/// tries one email at every heartbeat, so the queue leaves within seconds of the server's return.
public sealed class MailServerStatus(TimeProvider clock)
{
    private int unreachable;
    private long lastAttemptTicks;

    public void Attempting() => Interlocked.Exchange(ref lastAttemptTicks, clock.GetUtcNow().UtcTicks);

    /// Records the outcome of an attempt; true when the server was unreachable until now.
    public bool Answered(bool reached) => Interlocked.Exchange(ref unreachable, reached ? 0 : 1) == 1 && reached;

    /// Whether one waiting email should be tried now: the server was unreachable at the last
    /// attempt of this node, and no attempt was made for <paramref name="quiet"/>.
    public bool ShouldTryOne(TimeSpan quiet) =>
        Volatile.Read(ref unreachable) == 1 && clock.GetUtcNow().UtcTicks - Interlocked.Read(ref lastAttemptTicks) >= quiet.Ticks;
}

public static class MimeMessages
{
    public static MimeMessage Build(OutboundEmail email, SmtpOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.ToAddress));
        message.Subject = email.Subject;
        message.MessageId = email.MessageId;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(email.CreatedAtUtc, DateTimeKind.Utc));
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        if (email.AttachmentContent is { } content && email.AttachmentName is { } name)
            body.Attachments.Add(name, content, ContentType.Parse(email.AttachmentContentType ?? "application/octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }
}

public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboundEmail email, Func<Task> accepted, CancellationToken ct)
    {
        var o = options.Value;
        using var message = MimeMessages.Build(email, o);
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, security, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            throw new MailServerUnreachableException(o.Host!, o.Port, ex);
        }
        if (!string.IsNullOrEmpty(o.User))
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        try
        {
            await client.SendAsync(message, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException or TimeoutException)
        {
            // The connection broke before the server answered: the server, not the message.
            throw new MailServerUnreachableException(o.Host!, o.Port, ex);
        }
        await accepted();
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The message is already accepted and recorded: a failed QUIT changes nothing.
        }
    }
}

/// The embedded default: no SMTP server needed; each message is a .eml file to open with any mail client.
public sealed class PickupDirectoryMailTransport(IOptions<SmtpOptions> options, IHostEnvironment env) : IMailTransport
{
    public async Task SendAsync(OutboundEmail email, Func<Task> accepted, CancellationToken ct)
    {
        var o = options.Value;
        var dir = Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(env.ContentRootPath, o.PickupDirectory);
        Directory.CreateDirectory(dir);
        using var message = MimeMessages.Build(email, o);
        // Named by row id: writing the same email twice overwrites one file instead of adding another.
        var path = Path.Combine(dir, $"{email.CreatedAtUtc:yyyyMMdd-HHmmss}-{email.Id:D6}.eml");
        var tmp = path + ".tmp";
        await message.WriteToAsync(tmp, ct);
        File.Move(tmp, path, overwrite: true);
        await accepted();
    }
}
