using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Data;

/// The application's data. Each provider has its own subclass so that each keeps its own migration
/// set (Data/Migrations/Sqlite, Data/Migrations/Postgres); the rest of the code only sees this type.
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<GeneratedDocument> GeneratedDocuments => Set<GeneratedDocument>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(b =>
        {
            b.Property(u => u.FullName).HasMaxLength(200);
            b.HasOne(u => u.Team).WithMany(t => t.Members).HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Team>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(100).IsRequired();
            b.HasIndex(t => t.Name).IsUnique();
        });

        builder.Entity<OutboundEmail>(b =>
        {
            b.Property(e => e.ToAddress).HasMaxLength(256).IsRequired();
            b.Property(e => e.ToName).HasMaxLength(200);
            b.Property(e => e.Subject).HasMaxLength(300).IsRequired();
            b.Property(e => e.MessageId).HasMaxLength(200).IsRequired();
            b.Property(e => e.LastError).HasMaxLength(2000);
            b.HasIndex(e => new { e.Status, e.NotBeforeUtc });
        });

        builder.Entity<DocumentRequest>(b =>
        {
            b.Property(d => d.Kind).HasMaxLength(50).IsRequired();
            b.Property(d => d.Title).HasMaxLength(300).IsRequired();
            b.Property(d => d.LastError).HasMaxLength(2000);
            b.HasOne(d => d.RequestedBy).WithMany().HasForeignKey(d => d.RequestedById).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(d => d.Document).WithOne(g => g.DocumentRequest).HasForeignKey<GeneratedDocument>(g => g.DocumentRequestId);
            b.HasIndex(d => new { d.Status, d.NotBeforeUtc });
            b.HasIndex(d => new { d.RequestedById, d.CreatedAtUtc });
        });

        builder.Entity<GeneratedDocument>(b =>
        {
            b.Property(g => g.FileName).HasMaxLength(260).IsRequired();
            b.Property(g => g.ContentType).HasMaxLength(200).IsRequired();
            // One request stores one document, however many times its job runs.
            b.HasIndex(g => g.DocumentRequestId).IsUnique();
        });
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime we store is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
