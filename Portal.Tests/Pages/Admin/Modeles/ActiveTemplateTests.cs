using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Documents.Templates;
using Portal.Testing;

namespace Portal.Tests.Pages.Admin.Modeles;

[Collection(PortalCollection.Name)]
public class ActiveTemplateTests(PortalApp app)
{
    [Fact]
    public async Task Database_refuses_two_active_versions_of_one_kind()
    {
        var kind = $"Essai{Guid.NewGuid():N}"[..30];
        await app.WithDbAsync(async db =>
        {
            var admin = await db.Users.Where(u => u.Email == PortalApp.Admin).Select(u => u.Id).SingleAsync();
            db.DocumentTemplates.AddRange(
                DocumentTemplate.Uploaded(kind, 1, "a.docx", [1], admin, DateTime.UtcNow, null),
                DocumentTemplate.Uploaded(kind, 2, "b.docx", [2], admin, DateTime.UtcNow, null));
            await db.SaveChangesAsync();

            Assert.True(await TemplateStore.ActivateAsync(db, kind, 1));
            Assert.True(await TemplateStore.ActivateAsync(db, kind, 2));
            Assert.Equal([2], await db.DocumentTemplates.Where(t => t.Kind == kind && t.IsActive).Select(t => t.Version).ToListAsync());
            Assert.False(await TemplateStore.ActivateAsync(db, kind, 3));
            Assert.Equal([2], await db.DocumentTemplates.Where(t => t.Kind == kind && t.IsActive).Select(t => t.Version).ToListAsync());

            await Assert.ThrowsAnyAsync<Exception>(() =>
                db.DocumentTemplates.Where(t => t.Kind == kind).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, true)));
            return 0;
        });
    }
}
