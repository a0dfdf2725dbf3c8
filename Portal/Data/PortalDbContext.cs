using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Appointments;
using Portal.Domain.Requests;

namespace Portal.Data;

/// The application's data. Each provider has its own subclass so that each keeps its own migration
/// set (Data/Migrations/Sqlite, Data/Migrations/Postgres); the rest of the code only sees this type.
public abstract partial class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<RequestCount> RequestCounts => Set<RequestCount>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<GeneratedDocument> GeneratedDocuments => Set<GeneratedDocument>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<HousingRequest> HousingRequests => Set<HousingRequest>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<IncomeLine> IncomeLines => Set<IncomeLine>();
    public DbSet<RequestDocument> RequestDocuments => Set<RequestDocument>();
    public DbSet<RequestedDocument> RequestedDocuments => Set<RequestedDocument>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestMessage> RequestMessages => Set<RequestMessage>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<AppointmentMotif> AppointmentMotifs => Set<AppointmentMotif>();
    public DbSet<WorkerOpening> WorkerOpenings => Set<WorkerOpening>();
    public DbSet<WorkerAbsence> WorkerAbsences => Set<WorkerAbsence>();
    public DbSet<WorkerExtraOpening> WorkerExtraOpenings => Set<WorkerExtraOpening>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<DocumentTemplate> DocumentTemplates => Set<DocumentTemplate>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();

    /// The account whose session this request's check has just read (name and team, from the same
    /// query), so that working out a staff member's scope does not read them a second time. Set only
    /// by the session check of a web request; a context of a job has none and reads the account.
    public SignedInAccount? SignedIn { get; set; }

    /// Work rows saved by this context and not yet enqueued (`Jobs/WorkDispatchInterceptor`).
    public PendingWork PendingWork { get; } = new();

    /// Contexts are pooled: each scope takes one from the pool (`DatabaseSetup.AddPortalDatabase`)
    /// and EF resets its own state when it goes back. What this class adds is reset here, when the
    /// context is handed out, so nothing of a request reaches the next one.
    public void BeginLease()
    {
        SignedIn = null;
        PendingWork.Clear();
    }

    /// Identity's part of the model depends on its schema version, read from the application's
    /// services; EF keeps models per context type in a cache that contexts configured alike share. The
    /// version is part of the key, so a context built without the site's services (version 1) never
    /// hands its model to the site (version 3: passkeys).
    /// The site sets it in the pooled contexts' options (`DatabaseSetup`: a pooled context may not
    /// change its options here); a context built by hand (tests, benches) gets it here.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var replaced = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ReplacedServices;
        if (replaced is null || !replaced.Keys.Any(k => k.Item1 == typeof(IModelCacheKeyFactory)))
            UseSchemaAwareModelCache(optionsBuilder);
    }

    public static DbContextOptionsBuilder UseSchemaAwareModelCache(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, IdentitySchemaModelCacheKey>();

    private sealed class IdentitySchemaModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), designTime, context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
                .GetService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()?.Value.Stores.SchemaVersion);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(b =>
        {
            b.Property(u => u.FullName).HasMaxLength(200);
            b.HasOne(u => u.Team).WithMany(t => t.Members).HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<UserSession>(b =>
        {
            b.Property(s => s.Id).HasMaxLength(32);
            b.Property(s => s.UserAgent).HasMaxLength(400);
            b.Property(s => s.IpAddress).HasMaxLength(64);
            b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(s => new { s.UserId, s.LastSeenAtUtc });
        });

        builder.Entity<ErasureRequest>(b =>
        {
            b.Property(e => e.Message).HasMaxLength(2000);
            b.Property(e => e.DecidedByName).HasMaxLength(200);
            b.Property(e => e.RefusalReason).HasMaxLength(2000);
            b.Property(e => e.Outcome).HasMaxLength(2000);
            b.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(e => new { e.Status, e.RequestedAtUtc });
            b.HasIndex(e => e.UserId);
        });

        builder.Entity<Team>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(100).IsRequired();
            b.Property(t => t.Towns).HasMaxLength(2000);
            b.HasIndex(t => t.Name).IsUnique();
        });

        builder.Entity<OutboundEmail>(b =>
        {
            b.Property(e => e.ToAddress).HasMaxLength(256).IsRequired();
            b.Property(e => e.ToName).HasMaxLength(200);
            b.Property(e => e.Subject).HasMaxLength(300).IsRequired();
            b.Property(e => e.MessageId).HasMaxLength(200).IsRequired();
            b.Property(e => e.LastError).HasMaxLength(2000);
            b.Property(e => e.LeaseNode).HasMaxLength(200);
            b.HasIndex(e => new { e.Status, e.NotBeforeUtc });
            b.HasIndex(e => new { e.Status, e.LeaseNode });
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
            b.Property(d => d.LeaseNode).HasMaxLength(200);
            b.HasIndex(d => new { d.Status, d.LeaseNode });
            // « The same click twice » is one request, whichever web node takes each click: one row per
            // form key, and at most one file of a kind and subject being made for a person at a time
            // (WorkStatus Pending = 0, Running = 1). Both filters read the same in SQLite and PostgreSQL.
            b.Property(d => d.IdempotencyKey).HasMaxLength(100);
            b.HasIndex(d => new { d.RequestedById, d.IdempotencyKey }).IsUnique()
                .HasFilter("\"IdempotencyKey\" IS NOT NULL").HasDatabaseName(SameKeyIndexName);
            b.HasIndex(d => new { d.RequestedById, d.Kind, d.SubjectKey }).IsUnique()
                .HasFilter("\"Status\" IN (0, 1)").HasDatabaseName(InProgressIndexName);
        });

        builder.Entity<RequestCount>(b =>
        {
            b.HasKey(c => new { c.TeamKey, c.Status });
            b.Property(c => c.TeamKey).ValueGeneratedNever();
            b.Property(c => c.Status).ValueGeneratedNever();
        });

        builder.Entity<HousingRequest>(b =>
        {
            // Triggers keep RequestCounts (EF must not read inserted values back with RETURNING on SQLite).
            b.ToTable(t =>
            {
                t.HasTrigger(RequestCount.InsertTrigger);
                t.HasTrigger(RequestCount.UpdateTrigger);
                t.HasTrigger(RequestCount.DeleteTrigger);
            });
            b.Property(r => r.Reference).HasMaxLength(20);
            b.HasIndex(r => r.Reference).IsUnique();
            b.Property(r => r.Version).IsConcurrencyToken();
            // The people and the team are kept by id (the domain knows no accounts); queries join them.
            b.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ApplicantId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ReferentId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.SetNull);
            b.Ignore(r => r.IsEditableByApplicant);
            b.Ignore(r => r.AcceptsDocuments);
            b.Property(r => r.Phone).HasMaxLength(30);
            b.Property(r => r.CurrentAddress).HasMaxLength(500);
            b.Property(r => r.CurrentTown).HasMaxLength(120);
            b.Property(r => r.SituationDetails).HasMaxLength(4000);
            b.Property(r => r.Towns).HasMaxLength(500);
            b.Property(r => r.AccessibilityDetails).HasMaxLength(1000);
            b.Property(r => r.ClosingReason).HasMaxLength(1000);
            b.Property(r => r.ApplicantName).HasMaxLength(250);
            b.Property(r => r.SearchName).HasMaxLength(250);
            b.Property(r => r.AffordableRent).HasPrecision(10, 2);
            b.Property(r => r.AffordableCharges).HasPrecision(10, 2);
            // The staff queue: by status and date, by team, by name; the person's own list.
            b.HasIndex(r => new { r.Status, r.SubmittedAtUtc });
            b.HasIndex(r => new { r.TeamId, r.Status, r.SubmittedAtUtc });
            // A social worker's queue, newest first: read in index order and stopped after a page
            // (the index above made the database sort the whole team's requests for each page).
            b.HasIndex(r => new { r.TeamId, r.SubmittedAtUtc, r.Id });
            b.HasIndex(r => r.SubmittedAtUtc);
            b.HasIndex(r => r.SearchName);
            b.HasIndex(r => new { r.ApplicantId, r.CreatedAtUtc });
            b.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Incomes).WithOne().HasForeignKey(m => m.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Documents).WithOne().HasForeignKey(m => m.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.RequestedDocuments).WithOne().HasForeignKey(m => m.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Events).WithOne().HasForeignKey(m => m.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HouseholdMember>(b =>
        {
            b.Property(m => m.FirstName).HasMaxLength(100).IsRequired();
            b.Property(m => m.LastName).HasMaxLength(100).IsRequired();
            b.Ignore(m => m.FullName);
        });
        builder.Entity<IncomeLine>(b =>
        {
            b.Property(i => i.MonthlyAmount).HasPrecision(10, 2);
            b.HasOne(i => i.Member).WithMany().HasForeignKey(i => i.HouseholdMemberId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RequestDocument>(b =>
        {
            b.Property(d => d.FileName).HasMaxLength(260).IsRequired();
            b.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        });
        builder.Entity<RequestedDocument>(b => b.Property(d => d.Note).HasMaxLength(1000));
        builder.Entity<RequestEvent>(b =>
        {
            b.Property(e => e.ActorName).HasMaxLength(200);
            b.Property(e => e.Note).HasMaxLength(4000);
            b.HasIndex(e => new { e.HousingRequestId, e.AtUtc });
        });
        builder.Entity<RequestMessage>(b =>
        {
            b.Property(m => m.AuthorName).HasMaxLength(200);
            b.Property(m => m.Body).HasMaxLength(5000).IsRequired();
            b.HasIndex(m => new { m.HousingRequestId, m.SentAtUtc });
        });

        builder.Entity<GeneratedDocument>(b =>
        {
            b.Property(g => g.FileName).HasMaxLength(260).IsRequired();
            b.Property(g => g.ContentType).HasMaxLength(200).IsRequired();
            // One request stores one document, however many times its job runs.
            b.HasIndex(g => g.DocumentRequestId).IsUnique();
        });

        builder.Entity<LegalHold>(b =>
        {
            b.Property(h => h.Reason).HasMaxLength(1000).IsRequired();
            b.Property(h => h.PlacedById).HasMaxLength(450).IsRequired();
            b.Property(h => h.PlacedByName).HasMaxLength(200).IsRequired();
            b.HasIndex(h => h.HousingRequestId);
            b.HasIndex(h => h.HouseholdId);
        });

        ConfigureAppointments(builder);
        ConfigureTemplates(builder);
        ConfigureCaseFiles(builder);
        ConfigureExports(builder);
        ConfigureImports(builder);
        ConfigurePartners(builder);
    }

    private static void ConfigureTemplates(ModelBuilder builder)
    {
        builder.Entity<DocumentTemplate>(b =>
        {
            b.Property(t => t.Kind).HasMaxLength(50).IsRequired();
            b.Property(t => t.FileName).HasMaxLength(DocumentTemplate.MaxFileNameLength).IsRequired();
            b.Property(t => t.Comment).HasMaxLength(DocumentTemplate.MaxCommentLength);
            b.Property(t => t.UploadedById).HasMaxLength(450).IsRequired();
            b.HasOne(t => t.UploadedBy).WithMany().HasForeignKey(t => t.UploadedById).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(t => new { t.Kind, t.Version }).IsUnique();
            // At most one active version per kind, even if two admins activate at once. A bare
            // boolean column reads as a condition in both SQLite and PostgreSQL.
            b.HasIndex(t => t.Kind).IsUnique().HasFilter("\"IsActive\"").HasDatabaseName(ActiveTemplateIndexName);
        });
    }

    public const string SameKeyIndexName = "IX_DocumentRequests_SameKey";
    public const string InProgressIndexName = "IX_DocumentRequests_InProgress";

    public const string ActiveTemplateIndexName = "IX_DocumentTemplates_Active";

    private static void ConfigureAppointments(ModelBuilder builder)
    {
        builder.Entity<Place>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(200).IsRequired();
            b.Property(p => p.Address).HasMaxLength(500);
            b.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(p => p.Name).IsUnique();
        });
        builder.Entity<AppointmentMotif>(b =>
        {
            b.Property(m => m.Name).HasMaxLength(200).IsRequired();
            b.HasIndex(m => m.Name).IsUnique();
        });
        builder.Entity<WorkerOpening>(b =>
        {
            b.HasOne(o => o.Worker).WithMany().HasForeignKey(o => o.WorkerId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(o => o.Place).WithMany().HasForeignKey(o => o.PlaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(o => new { o.WorkerId, o.Day });
        });
        builder.Entity<WorkerAbsence>(b =>
        {
            b.Property(a => a.Reason).HasMaxLength(500);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Place>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => new { a.WorkerId, a.EndLocal });
            b.Property(a => a.StartLocal).HasConversion(ParisWallClock);
            b.Property(a => a.EndLocal).HasConversion(ParisWallClock);
        });
        builder.Entity<WorkerExtraOpening>(b =>
        {
            b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Place>().WithMany().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.WorkerId, x.StartLocal });
            b.Property(x => x.StartLocal).HasConversion(ParisWallClock);
            b.Property(x => x.EndLocal).HasConversion(ParisWallClock);
        });
        builder.Entity<Appointment>(b =>
        {
            b.Property(a => a.Notes).HasMaxLength(2000);
            b.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
            b.Ignore(a => a.EndUtc);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Place>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<AppointmentMotif>().WithMany().HasForeignKey(a => a.MotifId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<HousingRequest>().WithMany().HasForeignKey(a => a.HousingRequestId).OnDelete(DeleteBehavior.SetNull);
            // One slot, one booking: two people confirming the same slot at once, the second insert
            // fails here. A cancelled appointment frees its slot. The filter reads the same in SQLite
            // and PostgreSQL (AppointmentStatus.Cancelled = 3).
            b.HasIndex(a => new { a.WorkerId, a.StartUtc }).IsUnique().HasFilter("\"Status\" <> 3").HasDatabaseName(SlotIndexName);
            b.HasIndex(a => new { a.PersonId, a.StartUtc });
            b.HasIndex(a => new { a.Status, a.StartUtc });
        });
    }

    // Paris wall-clock times (absences, extra openings) are no instants: stored as they are, never
    // shifted to UTC (PostgreSQL keeps them in "timestamp without time zone").
    private static readonly ValueConverter<DateTime, DateTime> ParisWallClock = new(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));

    /// The unique index that refuses a second booking of the same worker's slot.
    public const string SlotIndexName = "IX_Appointments_ActiveSlot";
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime we store is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    // Internal, not private: the compiled model (Data/CompiledModels/Sqlite) creates it by name.
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The queue searches names by an index range on this upper-case, accent-free key: compare it
        // by code point whatever the database's locale (fr_FR would order it differently).
        builder.Entity<HousingRequest>().Property(r => r.SearchName).UseCollation("C");
        builder.Entity<Household>().Property(h => h.SearchName).UseCollation("C");
        foreach (var type in new[] { typeof(WorkerAbsence), typeof(WorkerExtraOpening) })
            foreach (var name in new[] { "StartLocal", "EndLocal" })
                builder.Entity(type).Property(name).HasColumnType("timestamp without time zone");
    }
}
