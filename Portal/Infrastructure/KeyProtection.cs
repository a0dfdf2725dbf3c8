using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Portal.Data;

namespace Portal.Infrastructure;

/// The data-protection keys sign auth cookies, antiforgery tokens, account and cancellation links.
/// They are kept in the database so every node shares them, and encrypted there with a
/// certificate, so that a copy of the database alone forges nothing.
///
/// The certificate comes from configuration: a PFX file (DataProtection:CertificatePath and
/// :CertificatePassword) or the thumbprint of one in the machine's or user's "My" store
/// (DataProtection:CertificateThumbprint). With neither, the site makes its own at first start, a
/// self-signed RSA certificate kept as a PFX file in DataProtection:KeysDirectory (default
/// App_Data/keys/, readable by the site's user only), apart from the database file, and loads it
/// at every later start. Certificates used before can be listed in
/// DataProtection:PreviousCertificatePaths to read keys they encrypted.
public static class KeyProtection
{
    public const string Section = "DataProtection";
    public const string GeneratedFileName = "data-protection.pfx";

    public static IDataProtectionBuilder AddPortalDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var certificate = Certificate(config, env.ContentRootPath);
        var builder = services.AddDataProtection()
            .SetApplicationName("Passerelle")
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithCertificate(certificate);
        var previous = config.GetSection($"{Section}:PreviousCertificatePaths").Get<string[]>() ?? [];
        if (previous.Length > 0)
            builder.UnprotectKeysWithAnyCertificate(previous.Select(p => LoadPfx(Rooted(p, env.ContentRootPath), null)).ToArray());
        return builder;
    }

    public static X509Certificate2 Certificate(IConfiguration config, string contentRoot)
    {
        var section = config.GetSection(Section);
        if (section["CertificatePath"] is { Length: > 0 } path)
            return LoadPfx(Rooted(path, contentRoot), section["CertificatePassword"]);
        if (section["CertificateThumbprint"] is { Length: > 0 } thumbprint)
            return FromStore(thumbprint);
        var directory = Rooted(section["KeysDirectory"] is { Length: > 0 } d ? d : Path.Combine("App_Data", "keys"), contentRoot);
        return LoadOrCreate(Path.Combine(directory, GeneratedFileName));
    }

    /// The certificate made at first start; made again only if its file is missing.
    public static X509Certificate2 LoadOrCreate(string file)
    {
        if (File.Exists(file)) return LoadPfx(file, null);
        var directory = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Passerelle data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var pfx = made.Export(X509ContentType.Pfx);

        // Written to a temporary file readable by the owner only, then moved in place: a second
        // node starting at the same moment either finds the whole file or writes its own first.
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = OperatingSystem.IsWindows()
            ? new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)
            : new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            stream.Write(pfx);
        try
        {
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
        return LoadPfx(file, null);
    }

    private static X509Certificate2 LoadPfx(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"DataProtection: the certificate file '{path}' does not exist.");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password,
            OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"DataProtection: the certificate '{path}' has no private key.");
        return certificate;
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", ""), validOnly: false);
            if (found.Count > 0 && found[0].HasPrivateKey) return found[0];
        }
        throw new InvalidOperationException($"DataProtection: no certificate with a private key has the thumbprint '{thumbprint}' in the My store.");
    }

    private static string Rooted(string path, string contentRoot) => Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
}
