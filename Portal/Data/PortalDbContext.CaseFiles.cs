using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Domain.Requests;
using Portal.Domain.Workshops;

namespace Portal.Data;

// Case files (households, journal, audit), the housing stock, stays, committees, support measures
// and workshops. The domain's entities (Portal.Domain.Housing / Support) are mapped as they are:
// private setters and backing fields, their rules stay in the domain.
public abstract partial class PortalDbContext
{
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdPerson> HouseholdPersons => Set<HouseholdPerson>();
    public DbSet<HouseholdIncome> HouseholdIncomes => Set<HouseholdIncome>();
    public DbSet<HouseholdPartner> HouseholdPartners => Set<HouseholdPartner>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Residence> Residences => Set<Residence>();
    public DbSet<Dwelling> Dwellings => Set<Dwelling>();
    public DbSet<Stay> Stays => Set<Stay>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();
    public DbSet<CommitteeSession> CommitteeSessions => Set<CommitteeSession>();
    public DbSet<CommitteeAttendance> CommitteeAttendances => Set<CommitteeAttendance>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<SupportMeasure> SupportMeasures => Set<SupportMeasure>();
    public DbSet<ActionAxis> ActionAxes => Set<ActionAxis>();
    public DbSet<Diagnostic> Diagnostics => Set<Diagnostic>();
    public DbSet<SlidingLease> SlidingLeases => Set<SlidingLease>();
    public DbSet<Exit> Exits => Set<Exit>();
    public DbSet<Mediation> Mediations => Set<Mediation>();
    public DbSet<HousingAidFund> HousingAidFunds => Set<HousingAidFund>();
    public DbSet<AidGrant> AidGrants => Set<AidGrant>();
    public DbSet<WatchListEntry> WatchListEntries => Set<WatchListEntry>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<WorkshopSignup> WorkshopSignups => Set<WorkshopSignup>();

    /// At most one active stay per dwelling, and per household: two allocations of the same
    /// dwelling at once, the second insert fails here (StayStatus.Active = 0).
    public const string ActiveStayPerDwellingIndexName = "IX_Stays_ActivePerDwelling";
    public const string ActiveStayPerHouseholdIndexName = "IX_Stays_ActivePerHousehold";

    private static void ConfigureCaseFiles(ModelBuilder builder)
    {
        builder.Entity<Household>(b =>
        {
            b.ToTable(t => t.HasTrigger(HouseholdScopeCopy.HouseholdUpdateTrigger));
            b.Property(h => h.Name).HasMaxLength(250).IsRequired();
            b.Property(h => h.SearchName).HasMaxLength(250).IsRequired();
            b.Property(h => h.Phone).HasMaxLength(30);
            b.Property(h => h.Email).HasMaxLength(256);
            b.Property(h => h.Address).HasMaxLength(500);
            b.Property(h => h.Town).HasMaxLength(120);
            b.Property(h => h.SituationDetails).HasMaxLength(4000);
            b.Property(h => h.CurrentRent).HasPrecision(10, 2);
            b.Property(h => h.CurrentCharges).HasPrecision(10, 2);
            b.Property(h => h.Version).IsConcurrencyToken();
            // The domain keeps the ids only: queries join Teams, Users and HousingRequests on them.
            b.HasOne<Team>().WithMany().HasForeignKey(h => h.TeamId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.ReferentId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.ResidentId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<HousingRequest>().WithMany().HasForeignKey(h => h.HousingRequestId).OnDelete(DeleteBehavior.SetNull);
            // Search by name prefix with keyset paging (SearchName, Id), over all or over a team.
            b.HasIndex(h => new { h.SearchName, h.Id });
            b.HasIndex(h => new { h.TeamId, h.SearchName, h.Id });
            b.HasIndex(h => new { h.ReferentId, h.Status });
            // A worker's own caseload outside their team, in search order.
            b.HasIndex(h => new { h.ReferentId, h.SearchName, h.Id });
            b.HasIndex(h => h.HousingRequestId).IsUnique();
            b.HasIndex(h => h.ResidentId);
            b.HasMany(h => h.Persons).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(h => h.Incomes).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(h => h.Partners).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(h => h.Journal).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HouseholdPerson>(b =>
        {
            b.Property(p => p.FirstName).HasMaxLength(100).IsRequired();
            b.Property(p => p.LastName).HasMaxLength(100).IsRequired();
            b.Ignore(p => p.FullName);
        });
        builder.Entity<HouseholdIncome>(b =>
        {
            b.Property(i => i.MonthlyAmount).HasPrecision(10, 2);
            b.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.HouseholdPersonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HouseholdPartner>(b =>
        {
            b.Property(p => p.Organisation).HasMaxLength(200).IsRequired();
            b.Property(p => p.ContactName).HasMaxLength(200);
            b.Property(p => p.Phone).HasMaxLength(30);
            b.Property(p => p.Email).HasMaxLength(256);
            b.Property(p => p.Notes).HasMaxLength(2000);
        });
        builder.Entity<JournalEntry>(b =>
        {
            b.Property(j => j.AuthorId).HasMaxLength(450).IsRequired();
            b.Property(j => j.AuthorName).HasMaxLength(200);
            b.Property(j => j.Text).HasMaxLength(10000).IsRequired();
            b.HasIndex(j => new { j.HouseholdId, j.OccurredOn });
            // An honoured appointment is written to the journal once, even by two clicks at once.
            b.HasIndex(j => j.AppointmentId).IsUnique().HasFilter("\"AppointmentId\" IS NOT NULL");
        });
        builder.Entity<AuditEntry>(b =>
        {
            b.Property(a => a.UserId).HasMaxLength(450).IsRequired();
            b.Property(a => a.UserName).HasMaxLength(200);
            b.Property(a => a.Action).HasMaxLength(200).IsRequired();
            b.Property(a => a.Detail).HasMaxLength(1000);
            b.HasIndex(a => a.AtUtc);
            b.HasIndex(a => new { a.HouseholdId, a.AtUtc });
            b.HasIndex(a => new { a.UserId, a.AtUtc });
        });

        builder.Entity<Residence>(b =>
        {
            b.Property(r => r.Name).HasMaxLength(200).IsRequired();
            b.Property(r => r.Address).HasMaxLength(500);
            b.Property(r => r.Town).HasMaxLength(120);
            b.HasIndex(r => r.Name).IsUnique();
        });
        builder.Entity<Dwelling>(b =>
        {
            b.Property(d => d.Label).HasMaxLength(100).IsRequired();
            b.Property(d => d.Address).HasMaxLength(500);
            b.Property(d => d.Landlord).HasMaxLength(200);
            b.Property(d => d.Rent).HasPrecision(10, 2);
            b.Property(d => d.Charges).HasPrecision(10, 2);
            b.HasOne<Residence>().WithMany().HasForeignKey(d => d.ResidenceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(d => new { d.ResidenceId, d.Label }).IsUnique();
        });
        builder.Entity<Stay>(b =>
        {
            b.Ignore(s => s.Occupation);
            b.HasOne<Household>().WithMany().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Dwelling>().WithMany().HasForeignKey(s => s.DwellingId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => s.DwellingId).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName(ActiveStayPerDwellingIndexName);
            b.HasIndex(s => s.HouseholdId).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName(ActiveStayPerHouseholdIndexName);
            b.HasIndex(s => new { s.Status, s.EndsOn });
            b.HasMany(s => s.Renewals).WithOne().HasForeignKey("StayId").OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<StayRenewal>(b => b.ToTable("StayRenewals"));

        builder.Entity<Committee>(b =>
        {
            b.Property(c => c.Name).HasMaxLength(200).IsRequired();
            b.HasIndex(c => c.Name).IsUnique();
        });
        builder.Entity<CommitteeMember>(b =>
        {
            b.Property(m => m.Name).HasMaxLength(200).IsRequired();
            b.Property(m => m.Organisation).HasMaxLength(200);
            b.Property(m => m.Role).HasMaxLength(200);
            b.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(m => new { m.CommitteeId, m.UserId });
        });
        builder.Entity<CommitteeSession>(b =>
        {
            b.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => new { s.CommitteeId, s.HeldOn });
            b.HasIndex(s => s.HeldOn);
            b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.CommitteeSessionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CommitteeAttendance>(b =>
        {
            b.HasKey(a => new { a.CommitteeSessionId, a.CommitteeMemberId });
            b.HasOne<CommitteeSession>().WithMany().HasForeignKey(a => a.CommitteeSessionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.CommitteeMemberId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AgendaItem>(b =>
        {
            b.Property(i => i.PresentedById).HasMaxLength(450).IsRequired();
            b.Property(i => i.Summary).HasMaxLength(4000);
            b.Ignore(i => i.NewReferentId);
            b.HasIndex(i => new { i.Subject, i.SubjectId });
            b.OwnsOne(i => i.Decision, d =>
            {
                d.Property(x => x.Reason).HasMaxLength(2000);
                d.Property(x => x.MonthlyAmount).HasPrecision(10, 2);
            });
        });

        builder.Entity<SupportMeasure>(b =>
        {
            b.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            // The household's team, referent and status, copied onto each measure by the database
            // (HouseholdScopeCopy): the dashboard counts a scope's reviews without looking up each
            // measure's household. The site never writes them.
            foreach (var copy in new IMutableProperty[]
            {
                b.Property<int?>(HouseholdScopeCopy.TeamId).Metadata,
                b.Property<string?>(HouseholdScopeCopy.ReferentId).HasMaxLength(450).Metadata,
                b.Property<HouseholdStatus?>(HouseholdScopeCopy.Status).Metadata,
            })
            {
                copy.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
                copy.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
            }
            b.ToTable(t =>
            {
                t.HasTrigger(HouseholdScopeCopy.MeasureInsertTrigger);
                t.HasTrigger(HouseholdScopeCopy.MeasureMoveTrigger);
            });
            b.HasIndex(m => new { m.HouseholdId, m.Status });
            b.HasIndex(m => new { m.Status, m.EndsOn });
            // The reviews to count or warn about: the running measures by the date of their next
            // review, with what the dashboard reads of them (household scope, kind, dates) in the
            // index itself, so that it reads no measure row.
            b.HasIndex(nameof(SupportMeasure.Status), nameof(SupportMeasure.NextReviewOn), HouseholdScopeCopy.Status, HouseholdScopeCopy.TeamId,
                    HouseholdScopeCopy.ReferentId, nameof(SupportMeasure.Kind), nameof(SupportMeasure.StartsOn), nameof(SupportMeasure.TotalMonths))
                .HasDatabaseName("IX_SupportMeasures_NextReview");
            b.HasMany(m => m.Renewals).WithOne().HasForeignKey("SupportMeasureId").OnDelete(DeleteBehavior.Cascade);
            b.HasMany(m => m.Axes).WithOne().HasForeignKey(a => a.SupportMeasureId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(m => m.RecordedReviews).WithOne().HasForeignKey("SupportMeasureId").OnDelete(DeleteBehavior.Cascade);
            b.Navigation(m => m.RecordedReviews).HasField("_reviews");
            b.HasOne(m => m.Diagnostic).WithOne().HasForeignKey<Diagnostic>(d => d.SupportMeasureId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Diagnostic>(b =>
        {
            b.ToTable("Diagnostics");
            b.Property(d => d.AuthorId).HasMaxLength(450).IsRequired();
            b.Property(d => d.AuthorName).HasMaxLength(200).IsRequired();
            b.Property(d => d.Text).HasMaxLength(Diagnostic.MaxLength).IsRequired();
            b.HasIndex(d => d.AuthorId);
        });
        builder.Entity<MeasureRenewal>(b => b.ToTable("MeasureRenewals"));
        builder.Entity<Review>(b =>
        {
            b.ToTable("Reviews");
            b.Property(r => r.Summary).HasMaxLength(10000);
            // Also serves the measure's foreign key; the dashboard reads the months held from it alone.
            b.HasIndex("SupportMeasureId", nameof(Review.MonthsFromStart));
        });
        builder.Entity<ActionAxis>(b =>
        {
            b.Property(a => a.Objective).HasMaxLength(2000).IsRequired();
            b.Property(a => a.Actions).HasMaxLength(4000);
            b.HasMany(a => a.Notes).WithOne().HasForeignKey("ActionAxisId").OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AxisNote>(b =>
        {
            b.ToTable("AxisNotes");
            b.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
            b.Property(n => n.Text).HasMaxLength(4000).IsRequired();
        });
        builder.Entity<SlidingLease>(b =>
        {
            b.Property(l => l.Landlord).HasMaxLength(200).IsRequired();
            b.Property(l => l.Rent).HasPrecision(10, 2);
            b.Property(l => l.Charges).HasPrecision(10, 2);
            b.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<SupportMeasure>().WithMany().HasForeignKey(l => l.SupportMeasureId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<Dwelling>().WithMany().HasForeignKey(l => l.DwellingId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(l => new { l.HouseholdId, l.Status });
            b.HasMany(l => l.Payments).WithOne().HasForeignKey("SlidingLeaseId").OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RentPayment>(b =>
        {
            b.ToTable("RentPayments");
            b.Property(p => p.Amount).HasPrecision(10, 2);
            b.Property(p => p.Reference).HasMaxLength(200);
        });
        builder.Entity<Mediation>(b =>
        {
            b.Property(m => m.Landlord).HasMaxLength(200).IsRequired();
            b.Property(m => m.Details).HasMaxLength(Mediation.MaxText);
            b.Property(m => m.OutcomeDetails).HasMaxLength(Mediation.MaxText);
            b.Ignore(m => m.IsOpen);
            b.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<HouseholdPartner>().WithMany().HasForeignKey(m => m.LandlordPartnerId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(m => new { m.HouseholdId, m.StartedOn });
            b.HasIndex(m => m.StartedOn);
        });
        builder.Entity<Exit>(b =>
        {
            b.Property(e => e.Details).HasMaxLength(2000);
            b.HasOne<Household>().WithMany().HasForeignKey(e => e.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(e => e.HouseholdId);
            b.HasIndex(e => e.ExitedOn);
        });
        builder.Entity<HousingAidFund>(b =>
        {
            b.Property(f => f.Budget).HasPrecision(12, 2);
            b.HasIndex(f => f.Year).IsUnique();
        });
        builder.Entity<AidGrant>(b =>
        {
            b.Property(g => g.MonthlyAmount).HasPrecision(10, 2);
            b.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(g => g.HouseholdId);
            b.HasIndex(g => g.StartMonth);
        });
        builder.Entity<WatchListEntry>(b =>
        {
            b.Property(w => w.FlaggedById).HasMaxLength(450).IsRequired();
            b.Property(w => w.Reason).HasMaxLength(2000).IsRequired();
            b.Property(w => w.LiftReason).HasMaxLength(2000);
            b.HasOne<Household>().WithMany().HasForeignKey(w => w.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(w => new { w.HouseholdId, w.LiftedOn });
            b.HasMany(w => w.Notes).WithOne().HasForeignKey("WatchListEntryId").OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<WatchNote>(b =>
        {
            b.ToTable("WatchNotes");
            b.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
            b.Property(n => n.Text).HasMaxLength(4000).IsRequired();
        });
        builder.Entity<Incident>(b =>
        {
            b.Property(i => i.Description).HasMaxLength(4000).IsRequired();
            b.Property(i => i.FollowUp).HasMaxLength(4000);
            b.HasOne<Household>().WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Residence>().WithMany().HasForeignKey(i => i.ResidenceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(i => i.OccurredOn);
        });

        builder.Entity<Workshop>(b =>
        {
            b.Property(w => w.Theme).HasMaxLength(200).IsRequired();
            b.Property(w => w.Description).HasMaxLength(2000);
            b.Property(w => w.LeaderId).HasMaxLength(450).IsRequired();
            b.Property(w => w.Version).IsConcurrencyToken();
            b.Ignore(w => w.EndsAtUtc);
            b.Ignore(w => w.Schedule);
            // The domain keeps the ids only: queries join Places, Users and Teams on them.
            b.HasOne<Place>().WithMany().HasForeignKey(w => w.PlaceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(w => w.LeaderId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Team>().WithMany().HasForeignKey(w => w.TeamId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(w => w.StartsAtUtc);
            b.HasMany(w => w.Signups).WithOne().HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(w => w.Signups).HasField("_signups").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<WorkshopSignup>(b =>
        {
            b.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(s => s.HouseholdPerson).WithMany().HasForeignKey(s => s.HouseholdPersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(s => new { s.WorkshopId, s.PersonId }).IsUnique();
            b.HasIndex(s => new { s.WorkshopId, s.HouseholdPersonId }).IsUnique();
            b.HasIndex(s => s.HouseholdPersonId);
            b.Ignore(s => s.ParticipantKey);
            b.HasIndex(s => new { s.PersonId, s.Status });
            b.HasIndex(s => new { s.Status, s.OfferExpiresAtUtc });
        });

        builder.Entity<DocumentRequest>(b =>
        {
            b.Property(d => d.SubjectKey).HasMaxLength(100);
            b.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(d => new { d.HouseholdId, d.CreatedAtUtc });
            b.HasIndex(d => new { d.Kind, d.SubjectKey });
        });
    }
}
