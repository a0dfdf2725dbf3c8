using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

/// The support demo data on a database of its own, with the households the case-file seed leaves.
public class DemoSupportTests
{
    [Fact]
    public async Task Demo_support_data_fills_a_late_review_a_lease_with_arrears_history_and_the_fund_once()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(connection))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.EnsureCreatedAsync();
            // Nothing to do without households.
            await DemoSupport.SeedAsync(scope.ServiceProvider);
            Assert.False(await db.SupportMeasures.AnyAsync());

            db.Users.Add(new PortalUser { Id = "w1", UserName = "travailleur1@demo.passerelle.fr", Email = "travailleur1@demo.passerelle.fr", FullName = "Claire Martin" });
            for (var i = 0; i < 6; i++)
                db.Households.Add(new Household { Name = $"MÉNAGE {i}", SearchName = $"MENAGE {i}", ReferentId = "w1" });
            await db.SaveChangesAsync();
            await DemoSupport.SeedAsync(scope.ServiceProvider);
            await DemoSupport.SeedAsync(scope.ServiceProvider);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var today = DateOnly.FromDateTime(French.ToParis(DateTime.UtcNow));
            var measures = await db.SupportMeasures.Include(m => m.Axes).ThenInclude(a => a.Notes).Include(m => m.RecordedReviews).Include(m => m.Renewals).ToListAsync();
            Assert.Equal(3, measures.Count);
            var iml = measures.Single(m => m.Kind == SupportKind.Iml);
            Assert.Equal(3, iml.Axes.Count);
            Assert.Single(iml.RecordedReviews);
            var lease = await db.SlidingLeases.Include(l => l.Payments).SingleAsync();
            Assert.True(lease.Payments.Count >= 6);
            Assert.Contains(lease.Statement(today), l => l.BalanceAtEnd > 0);
            Assert.Single(ReviewSchedule.Late(measures.Where(m => m.Kind == SupportKind.Asll), today));
            Assert.Equal(2, await db.HousingAidFunds.CountAsync());
            Assert.Equal(2, await db.AidGrants.CountAsync());
            Assert.Single(await db.WatchListEntries.ToListAsync());
            Assert.True((await db.Incidents.SingleAsync()).AwaitsFollowUp);
        }
    }
}
