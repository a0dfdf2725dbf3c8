using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Privacy;
using Portal.Testing;
using Portal.Domain.Requests;

namespace Portal.Tests.Pages.Suivi.Conservation;

/// Managers see what the purge will take in the next 30 days and can keep a file with a stated
/// reason; the privacy page and the records of processing say the same periods the purge applies.
[Collection(PortalCollection.Name)]
public class ConservationTests(PortalApp app)
{
    [Fact]
    public async Task A_manager_sees_a_request_about_to_be_purged_and_holds_it_with_a_reason()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await app.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Email == PortalApp.Resident2);
            var request = HousingRequest.NewDraft(person.Id, person.FullName, person.PhoneNumber, DateTime.UtcNow.AddYears(-2).AddDays(10));
            request.ShowApplicantAs($"Oubli{tag}", $"Oubli{tag}");
            db.HousingRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var page = await (await manager.GetAsync("/suivi/conservation")).HtmlAsync();
        Assert.Contains($"Brouillon de Oubli{tag}", page);

        var refused = await Forms.PostAsync(manager, "/suivi/conservation", new() { ["Input.RequestId"] = id.ToString(), ["Input.Reason"] = " " }, "Hold");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Indiquez pourquoi ce dossier doit être gardé.", await refused.HtmlAsync());

        var held = await Forms.PostAsync(manager, "/suivi/conservation", new() { ["Input.RequestId"] = id.ToString(), ["Input.Reason"] = "Recours devant le tribunal" }, "Hold");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.LegalHolds.AnyAsync(h => h.HousingRequestId == id && h.LiftedAtUtc == null && h.Reason == "Recours devant le tribunal")));
        Assert.Contains("Recours devant le tribunal", await (await manager.GetAsync("/suivi/conservation")).HtmlAsync());
    }

    [Fact]
    public async Task Only_managers_open_the_retention_page()
    {
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await worker.GetAsync("/suivi/conservation");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_privacy_page_and_the_records_of_processing_show_the_periods_the_purge_applies()
    {
        var privacy = WebUtility.HtmlDecode(await (await app.Client().GetAsync("/confidentialite")).HtmlAsync());
        foreach (var rule in RetentionPolicy.Rules) Assert.Contains($"{rule.PeriodLabel} après {rule.Start}, puis {rule.OutcomeLabel}", privacy);

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var records = WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/traitements")).HtmlAsync());
        foreach (var activity in RetentionPolicy.Activities) Assert.Contains(activity.LegalBasis, records);
        var csv = await (await admin.GetAsync("/admin/traitements?handler=Csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.Contains("Traitement;Finalité;Base légale", System.Text.Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public async Task The_privacy_page_and_the_records_of_processing_say_import_files_lose_their_rows_after_thirty_days()
    {
        var privacy = WebUtility.HtmlDecode(await (await app.Client().GetAsync("/confidentialite")).HtmlAsync());
        Assert.Contains("Tableurs importés par l'administration", privacy);
        Assert.Contains("30 jours après la fin de l'import, ou le dépôt pour un fichier jamais importé, puis suppression", privacy);

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var records = WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/traitements")).HtmlAsync());
        var section = records[records.IndexOf("Reprise des tableaux de l'association", StringComparison.Ordinal)..];
        Assert.Contains("Tableurs importés par l'administration (lignes du fichier, corrections, doublons proposés) : 30 jours après la fin de l'import", section);
        var csv = System.Text.Encoding.UTF8.GetString(await (await admin.GetAsync("/admin/traitements?handler=Csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Reprise des tableaux de l'association", csv);
    }
}
