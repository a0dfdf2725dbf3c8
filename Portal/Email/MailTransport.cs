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
        await client.ConnectAsync(o.Host!, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.User))
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
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
