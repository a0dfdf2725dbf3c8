namespace Portal.Accounts;

/// "Firefox sur Windows" from a User-Agent header, for the list of sessions. Rough on purpose: it
/// helps a person recognise their own devices, nothing more.
public static class DeviceNames
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Navigateur inconnu";
        var ua = userAgent;
        var browser =
            ua.Contains("Edg/") ? "Edge"
            : ua.Contains("OPR/") || ua.Contains("Opera") ? "Opera"
            : ua.Contains("Firefox/") ? "Firefox"
            : ua.Contains("Chrome/") || ua.Contains("Chromium/") || ua.Contains("CriOS/") ? "Chrome"
            : ua.Contains("Safari/") ? "Safari"
            : "Navigateur";
        var system =
            ua.Contains("Android") ? "Android"
            : ua.Contains("iPhone") ? "iPhone"
            : ua.Contains("iPad") ? "iPad"
            : ua.Contains("Windows") ? "Windows"
            : ua.Contains("Mac OS X") || ua.Contains("Macintosh") ? "macOS"
            : ua.Contains("CrOS") ? "ChromeOS"
            : ua.Contains("Linux") ? "Linux"
            : null;
        return system is null ? browser : $"{browser} sur {system}";
    }
}
