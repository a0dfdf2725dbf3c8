namespace Portal.Infrastructure;

/// Absolute links for emails: the configured public address when there is one (behind a proxy),
/// otherwise the address the request came in on.
public sealed class PublicLinks(IConfiguration config)
{
    public string Absolute(HttpRequest? request, string pathAndQuery)
    {
        var configured = config["Portal:PublicBaseUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://127.0.0.1:5000";
        return baseUrl + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
