using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Infrastructure;
using Portal.Testing;

namespace Portal.Tests.Infrastructure;

/// The data-protection keys (they sign auth cookies) are encrypted in the database with a
/// certificate kept apart from it.
[Collection(PortalCollection.Name)]
public class KeyProtectionTests(PortalApp app)
{
    [Fact]
    public async Task Keys_in_the_database_are_encrypted_with_the_certificate_kept_outside_it()
    {
        var rows = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(rows);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(app.KeysDirectory, KeyProtection.GeneratedFileName), null);
        var raw = Convert.ToBase64String(certificate.RawData);
        Assert.All(rows, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains(raw, xml);
        });
    }

    [Fact]
    public void The_generated_certificate_is_readable_by_its_owner_only_and_kept_for_the_next_start()
    {
        var dir = Directory.CreateTempSubdirectory("passerelle-keys-").FullName;
        try
        {
            var file = Path.Combine(dir, "keys", KeyProtection.GeneratedFileName);
            using var first = KeyProtection.LoadOrCreate(file);
            using var second = KeyProtection.LoadOrCreate(file);

            Assert.Equal(first.Thumbprint, second.Thumbprint);
            Assert.True(first.HasPrivateKey);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_restart_with_the_same_certificate_reads_the_cookies_issued_before_and_another_certificate_does_not()
    {
        var cookie = await AuthCookieAsync(PortalApp.Resident1);

        var sameCertificate = await RestartedAsync(app.KeysDirectory);
        var ticket = CookieFormat(sameCertificate).Unprotect(cookie);
        Assert.NotNull(ticket);
        Assert.Equal(PortalApp.Resident1, ticket.Principal.Identity!.Name);

        var otherDir = Directory.CreateTempSubdirectory("passerelle-other-keys-").FullName;
        try
        {
            Assert.Null(CookieFormat(await RestartedAsync(otherDir)).Unprotect(cookie));
        }
        finally
        {
            Directory.Delete(otherDir, recursive: true);
        }
    }

    /// A resident's sign-in: one form, no second factor.
    private async Task<string> AuthCookieAsync(string email)
    {
        var response = await Forms.PostAsync(app.Client(), "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = PortalApp.Password });
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("passerelle.auth=", StringComparison.Ordinal));
        var value = header["passerelle.auth=".Length..header.IndexOf(';')];
        Assert.DoesNotContain("chunks-", value);
        return value;
    }

    /// The site's data protection as a new process would build it, on the same database.
    private async Task<IDataProtectionProvider> RestartedAsync(string keysDirectory)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:KeysDirectory"] = keysDirectory })
            .Build();
        var env = app.Factory.Services.GetRequiredService<IHostEnvironment>();
        var connection = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var services = new ServiceCollection().AddLogging();
        if (app.Database.Provider == "Postgres")
            services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(o => o.UseNpgsql(connection));
        else
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(connection));
        // Reads only: a process that cannot decrypt the keys must not write new ones into the shared table.
        services.AddPortalDataProtection(config, env).DisableAutomaticKeyGeneration();
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private static TicketDataFormat CookieFormat(IDataProtectionProvider provider) =>
        new(provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"));
}
