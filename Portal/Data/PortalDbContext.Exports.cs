using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public abstract partial class PortalDbContext
{
    public DbSet<ExportDefinition> ExportDefinitions => Set<ExportDefinition>();
    public DbSet<FunderBudget> FunderBudgets => Set<FunderBudget>();

    private static void ConfigureExports(ModelBuilder builder)
    {
        builder.Entity<ExportDefinition>(b =>
        {
            b.Property(d => d.Name).HasMaxLength(120);
            b.Property(d => d.Table).HasMaxLength(40).IsRequired();
            b.Property(d => d.Columns).HasMaxLength(2000).IsRequired();
            b.Property(d => d.CreatedById).HasMaxLength(450).IsRequired();
            b.HasIndex(d => new { d.IsSaved, d.Funder });
        });
        builder.Entity<FunderBudget>(b =>
        {
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.HasIndex(x => new { x.Funder, x.Year }).IsUnique();
        });
    }
}
