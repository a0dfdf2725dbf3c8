using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Portal.Requests;

/// Sends back a supporting document, to view in the browser or to download. Its type is the one
/// sniffed from its content at upload, never the name or the type the browser claimed.
public static class DocumentResponses
{
    private static readonly string[] Viewable = ["application/pdf", "image/jpeg", "image/png"];

    public static IActionResult Serve(PageModel page, string fileName, string contentType, byte[] content, bool inline)
    {
        var known = Viewable.Contains(contentType);
        var type = known ? contentType : "application/octet-stream";
        fileName = NamedForType(fileName, type);
        if (!inline || !known) return page.File(content, type, fileName);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        page.Response.Headers.ContentDisposition = disposition.ToString();
        // The browser's own PDF viewer needs an object; nothing else may load or run here.
        page.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'none'";
        return page.File(content, type);
    }

    /// The name a file is served under ends with the extension of the type it is served as,
    /// whatever name it was uploaded with (files kept before names were made from the type).
    public static string NamedForType(string fileName, string contentType)
    {
        var extension = contentType switch
        {
            "application/pdf" => ".pdf",
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            _ => ".bin",
        };
        if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return fileName;
        if (contentType == "image/jpeg" && fileName.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)) return fileName;
        var dot = fileName.LastIndexOf('.');
        return (dot > 0 ? fileName[..dot] : fileName) + extension;
    }
}
