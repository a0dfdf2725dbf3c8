using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

// Spreadsheet import: saved column mappings, uploaded batches with their rows, and the background run.
public abstract partial class PortalDbContext
{
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRow> ImportRows => Set<ImportRow>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    private static void ConfigureImports(ModelBuilder builder)
    {
        builder.Entity<ImportMapping>(b =>
        {
            b.Property(m => m.HeaderKey).HasMaxLength(4000).IsRequired();
            b.Property(m => m.UpdatedByName).HasMaxLength(200);
            b.HasIndex(m => m.HeaderKey).IsUnique();
            b.HasOne<Team>().WithMany().HasForeignKey(m => m.DefaultTeamId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<ImportBatch>(b =>
        {
            b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            b.Property(x => x.UploadedById).HasMaxLength(450).IsRequired();
            b.Property(x => x.UploadedByName).HasMaxLength(200);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasOne<Team>().WithMany().HasForeignKey(x => x.DefaultTeamId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(x => x.CreatedAtUtc);
            // The retention purge's search: imported files whose rows are still there.
            b.HasIndex(x => new { x.Stage, x.RowsPurgedAtUtc, x.ImportedAtUtc });
        });
        builder.Entity<ImportRow>(b =>
        {
            b.Property(r => r.OutcomeNote).HasMaxLength(1000);
            b.HasOne<ImportBatch>().WithMany().HasForeignKey(r => r.ImportBatchId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.ImportBatchId, r.Line }).IsUnique();
            b.HasIndex(r => new { r.ImportBatchId, r.Outcome });
        });
        builder.Entity<ImportRun>(b =>
        {
            b.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
            b.Property(r => r.RequestedByName).HasMaxLength(200);
            b.Property(r => r.LastError).HasMaxLength(2000);
            b.Property(r => r.LeaseNode).HasMaxLength(200);
            b.HasOne<ImportBatch>().WithMany().HasForeignKey(r => r.ImportBatchId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => r.ImportBatchId).IsUnique();
            b.HasIndex(r => new { r.Status, r.NotBeforeUtc });
            b.HasIndex(r => new { r.Status, r.LeaseNode });
        });
    }
}
