using Microsoft.EntityFrameworkCore;
using Portal.Domain.Requests;

namespace Portal.Data;

public abstract partial class PortalDbContext
{
    public DbSet<PartnerOrganisation> PartnerOrganisations => Set<PartnerOrganisation>();
    public DbSet<SiaoValidation> SiaoValidations => Set<SiaoValidation>();
    public DbSet<LeaseReviewInvitation> LeaseReviewInvitations => Set<LeaseReviewInvitation>();

    private static void ConfigurePartners(ModelBuilder builder)
    {
        builder.Entity<PartnerOrganisation>(b =>
        {
            b.Property(o => o.Name).HasMaxLength(200).IsRequired();
            b.Property(o => o.Town).HasMaxLength(120);
            b.Property(o => o.Email).HasMaxLength(256);
            b.Property(o => o.Phone).HasMaxLength(30);
            b.HasIndex(o => o.Name).IsUnique();
            b.HasMany(o => o.Members).WithOne(u => u.PartnerOrganisation).HasForeignKey(u => u.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<HousingRequest>(b =>
        {
            b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(r => r.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.OrientedById).OnDelete(DeleteBehavior.SetNull);
            b.Ignore(r => r.IsOrientation);
            b.Ignore(r => r.AwaitsPersonAccount);
            // A partner's list: their organisation's orientations, newest first.
            b.HasIndex(r => new { r.PartnerOrganisationId, r.SubmittedAtUtc });
        });
        builder.Entity<SiaoValidation>(b =>
        {
            b.Property(v => v.CandidateName).HasMaxLength(250).IsRequired();
            b.Property(v => v.Presentation).HasMaxLength(4000);
            b.Property(v => v.RequestedById).HasMaxLength(450).IsRequired();
            b.Property(v => v.RequestedByName).HasMaxLength(200).IsRequired();
            b.Property(v => v.DecidedByName).HasMaxLength(200);
            b.Property(v => v.DecisionNote).HasMaxLength(2000);
            b.HasOne(v => v.PartnerOrganisation).WithMany().HasForeignKey(v => v.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<HousingRequest>().WithMany().HasForeignKey(v => v.HousingRequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(v => new { v.PartnerOrganisationId, v.Status });
            b.HasIndex(v => v.HousingRequestId);
            b.HasIndex(v => v.HouseholdId);
        });
        builder.Entity<LeaseReviewInvitation>(b =>
        {
            b.Property(i => i.HouseholdName).HasMaxLength(250).IsRequired();
            b.Property(i => i.ReviewLabel).HasMaxLength(100).IsRequired();
            b.Property(i => i.InvitedById).HasMaxLength(450).IsRequired();
            b.Property(i => i.InvitedByName).HasMaxLength(200).IsRequired();
            b.Property(i => i.SharedSummary).HasMaxLength(4000);
            b.Property(i => i.SlideConfirmedByName).HasMaxLength(200);
            b.HasOne(i => i.PartnerOrganisation).WithMany().HasForeignKey(i => i.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Household>().WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(i => new { i.PartnerOrganisationId, i.ReviewOn });
            b.HasIndex(i => i.SupportMeasureId);
        });
    }
}
