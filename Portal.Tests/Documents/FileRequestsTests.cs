using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Documents;
using Portal.Domain.Work;
using Portal.Testing;

namespace Portal.Tests.Documents;

/// The same click twice makes one file request, whichever web node takes each click: the database
/// refuses the second row, not a dictionary in one process.
[Collection(PortalCollection.Name)]
public class FileRequestsTests(PortalApp app)
{
    private async Task<string> WorkerIdAsync() =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Two_nodes_asking_with_the_same_key_get_one_request()
    {
        var me = await WorkerIdAsync();
        var subject = $"test:{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString("N");
        // Two contexts stand for two web nodes: neither sees the other's row before inserting.
        var asks = Enumerable.Range(0, 2).Select(async i =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            return (await FileRequests.AskAsync(db, clock, new FileOrder("Essai", subject, "Essai", me, null, false, key), null, default)).Id;
        }).ToArray();
        var ids = await Task.WhenAll(asks);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, await app.WithDbAsync(db => db.DocumentRequests.CountAsync(r => r.SubjectKey == subject)));
    }

    [Fact]
    public async Task The_database_refuses_a_second_file_of_the_same_kind_and_subject_in_progress()
    {
        var me = await WorkerIdAsync();
        var subject = $"test:{Guid.NewGuid():N}";
        DocumentRequest Row(WorkStatus status) => new()
        {
            Kind = "Essai", Title = "Essai", RequestedById = me, SubjectKey = subject, Status = status, CreatedAtUtc = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db => { db.DocumentRequests.AddRange(Row(WorkStatus.Done), Row(WorkStatus.Pending)); return await db.SaveChangesAsync(); });
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            app.WithDbAsync(async db => { db.DocumentRequests.Add(Row(WorkStatus.Running)); return await db.SaveChangesAsync(); }));
    }
}
