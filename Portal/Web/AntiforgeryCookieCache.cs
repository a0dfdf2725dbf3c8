using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Portal.Web;

/// The antiforgery cookie, decrypted once per cookie rather than at every page.
///
/// Every page carries a fresh antiforgery token (the layout's htmx header, the forms), made from the
/// browser's antiforgery cookie: decrypting that cookie was 5 % of a resident's page. A given cookie
/// always decrypts to the same bytes, so they are kept, keyed by the cookie's encrypted bytes, for a
/// few minutes. Only decryption is kept: each page's token is still encrypted anew (a different
/// string on every page, which is what keeps it out of reach of compression attacks), and a posted
/// form is checked exactly as before. Bytes that do not decrypt are never kept.
public static class AntiforgeryCookieCache
{
    /// The purpose ASP.NET Core's antiforgery serializer protects its tokens with.
    public const string Purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    public const int Capacity = 4096;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// Wraps the data protection provider the site registered, for the antiforgery purpose only.
    public static IServiceCollection AddAntiforgeryCookieCache(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IDataProtectionProvider))
            ?? throw new InvalidOperationException("AddAntiforgeryCookieCache comes after AddDataProtection.");
        services.Remove(registered);
        services.AddSingleton<IDataProtectionProvider>(sp => new Provider(Build(sp, registered)));
        return services;
    }

    private static IDataProtectionProvider Build(IServiceProvider sp, ServiceDescriptor d) =>
        (IDataProtectionProvider)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));

    private sealed class Provider(IDataProtectionProvider inner) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose)
        {
            var protector = inner.CreateProtector(purpose);
            return purpose == Purpose ? new CachingProtector(protector) : protector;
        }
    }

    /// Keeps what `Unprotect` returned for the same input; everything else goes to the real protector.
    public sealed class CachingProtector(IDataProtector inner) : IDataProtector
    {
        // An antiforgery cookie is about a hundred bytes once decoded; a longer input is not kept.
        private const int LongestKept = 1024;

        private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

        public IDataProtector CreateProtector(string purpose) => inner.CreateProtector(purpose);

        public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData)
        {
            if (protectedData.Length > LongestKept) return inner.Unprotect(protectedData);
            var key = Convert.ToBase64String(protectedData);
            if (cache.TryGetValue(key, out byte[]? kept) && kept is not null) return (byte[])kept.Clone();
            var plaintext = inner.Unprotect(protectedData);
            cache.Set(key, (byte[])plaintext.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            return plaintext;
        }
    }
}
