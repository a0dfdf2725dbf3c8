namespace Portal.Email;

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// Empty: no server; messages are written as .eml files to <see cref="PickupDirectory"/>.
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Passerelle <ne-pas-repondre@passerelle.local>";
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public int TimeoutSeconds { get; set; } = 30;
}
