using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Privacy;
using Portal.Testing;

namespace Portal.Tests.Privacy;

/// Every read of a personal-data record by staff writes one audit line, and so does every attempt
/// refused on one; the audit log cannot be changed from the application.
[Collection(PortalCollection.Name)]
public class ReadAuditTests(PortalApp app)
{
    private async Task<int> LinesAsync(string userId, string action) =>
        await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == userId && a.Action == action));

    private async Task AssertOneLineAsync(HttpClient client, string userId, string url, string action, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var before = await LinesAsync(userId, action);
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before + 1, await LinesAsync(userId, action));
    }

    [Fact]
    public async Task Reading_a_request_a_stay_a_measure_or_being_refused_a_record_each_writes_one_line()
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var worker = await db.Users.SingleAsync(u => u.Email == PortalApp.Worker1);
            var request = await db.HousingRequests.Where(r => r.TeamId == worker.TeamId && r.Status != RequestStatus.Draft).Select(r => r.Id).FirstAsync();
            var team = db.Households.Where(h => h.TeamId == worker.TeamId).Select(h => h.Id);
            var stay = await db.Stays.Where(s => team.Contains(s.HouseholdId)).Select(s => s.Id).FirstAsync();
            var measure = await db.SupportMeasures.Where(m => team.Contains(m.HouseholdId)).Select(m => new { m.Id, m.HouseholdId }).FirstAsync();
            var otherTeam = await db.Households.Where(h => h.TeamId != worker.TeamId && h.ReferentId != worker.Id).Select(h => h.Id).FirstAsync();
            return (worker.Id, request, stay, measure.Id, measure.HouseholdId, otherTeam);
        });
        var client = await app.SignedInAsync(PortalApp.Worker1);

        await AssertOneLineAsync(client, ids.Item1, $"/suivi/demandes/{ids.request}", "Consultation d'une demande");
        await AssertOneLineAsync(client, ids.Item1, $"/suivi/sejours/{ids.stay}", "Consultation d'un séjour");
        await AssertOneLineAsync(client, ids.Item1, $"/suivi/menages/{ids.HouseholdId}/accompagnement/mesures/{ids.Item4}", "Consultation d'une mesure");
        await AssertOneLineAsync(client, ids.Item1, $"/suivi/menages/{ids.HouseholdId}/accompagnement/mesures/{ids.Item4}/bilans", "Consultation d'une mesure");
        await AssertOneLineAsync(client, ids.Item1, $"/suivi/menages/{ids.otherTeam}", ReadAuditFilter.DeniedAction, HttpStatusCode.NotFound);
        await AssertOneLineAsync(client, ids.Item1, "/suivi/demandes/999999999", ReadAuditFilter.DeniedAction, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_partner_reading_an_orientation_or_the_siao_candidates_and_an_admin_reading_import_rows_each_write_one_line()
    {
        var (_, email) = await Portal.Testing.PartnerData.NewPartnerAsync(app, PartnerKind.Siao);
        var partner = await app.SignedInAsync(email);
        var orientation = await Portal.Testing.PartnerData.OrientedAsync(partner);
        var partnerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await AssertOneLineAsync(partner, partnerId, Portal.Testing.PartnerData.DetailsPath(orientation), "Consultation d'une orientation par un partenaire");
        await AssertOneLineAsync(partner, partnerId, "/partenaire/validations", "Consultation des candidats à valider par le SIAO");
        await AssertOneLineAsync(partner, partnerId, "/partenaire/orientations/999999999", ReadAuditFilter.DeniedAction, HttpStatusCode.NotFound);

        var batch = await app.WithDbAsync(async db =>
        {
            var b = new ImportBatch { FileName = "suivis.csv", UploadedById = "admin", UploadedByName = "Admin", CreatedAtUtc = DateTime.UtcNow, Stage = ImportStage.Preview, Headers = "[\"Nom\"]", Fields = "[\"LastName\"]", RowCount = 1 };
            db.ImportBatches.Add(b);
            await db.SaveChangesAsync();
            db.ImportRows.Add(new ImportRow { ImportBatchId = b.Id, Line = 2, Cells = "[\"LECTURE\"]" });
            await db.SaveChangesAsync();
            return b.Id;
        });
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Admin).Select(u => u.Id).SingleAsync());
        await AssertOneLineAsync(admin, adminId, $"/admin/import/{batch}?vue=toutes", "Consultation des lignes d'un fichier importé");

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var workerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync());
        await AssertOneLineAsync(worker, workerId, "/suivi/menages/999999999/accompagnement/mesures/999999999/bailleur", ReadAuditFilter.DeniedAction, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_audit_log_refuses_changes_and_deletions_from_the_application()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var line = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            line.Detail = "effacé";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
            return await db.SaveChangesAsync();
        }));
    }
}

/// The audit log page: filters by kind and period, and the CSV export of what it shows.
[Collection(PortalCollection.Name)]
public class AuditJournalTests(PortalApp app)
{
    [Fact]
    public async Task The_journal_filters_by_kind_and_period_and_exports_csv_with_formulas_neutralised()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { AtUtc = new DateTime(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc), UserId = "x", UserName = "Agent", Action = $"Essai {tag}", Detail = $"=CMD() {tag}" });
            db.AuditEntries.Add(new AuditEntry { AtUtc = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc), UserId = "x", UserName = "Agent", Action = $"Essai {tag}", Detail = $"ancien {tag}" });
            return await db.SaveChangesAsync();
        });
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var url = $"/admin/journal?nature={Uri.EscapeDataString($"Essai {tag}")}&du=2026-01-01&au=2026-01-31";
        var html = await (await admin.GetAsync(url)).HtmlAsync();
        Assert.Contains($"=CMD() {tag}", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain($"ancien {tag}", html);

        var csv = await admin.GetAsync(url + "&handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("Date;Utilisateur;Action", text);
        Assert.Contains(tag, text);
        Assert.DoesNotContain($";=CMD() {tag}", text);
        Assert.DoesNotContain($"ancien {tag}", text);
    }
}
