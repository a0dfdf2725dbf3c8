using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Testing;

namespace Portal.Tests.Pages.Admin.Import;

/// An admin imports a spreadsheet: upload, columns, preview with problems at their cell, corrections
/// in place, a duplicate decided, the background import and its report.
[Collection(PortalCollection.Name)]
public class ImportPagesTests(PortalApp app)
{
    private static string Header(string token) => $"Nom;Prénom;Né(e) le;Équipe;Téléphone;Réf {token}";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] bytes, string fileName)
    {
        var token = Forms.Token(await (await admin.GetAsync("/admin/import")).HtmlAsync());
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(bytes), "Upload.File", fileName);
        return await admin.PostAsync("/admin/import?handler=Upload", form);
    }

    private static long BatchId(HttpResponseMessage redirect) =>
        long.Parse(redirect.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);

    private async Task<long> ExistingAsync(string lastName, string firstName, DateOnly birth)
    {
        var name = $"{lastName} {firstName}";
        return await app.WithDbAsync(async db =>
        {
            var h = new Household
            {
                Name = name, SearchName = HouseholdFactory.SearchKey(name), TeamId = await db.Teams.Where(t => t.Name == "Sud").Select(t => t.Id).SingleAsync(),
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Phone = "06 11 22 33 44",
            };
            h.Persons.Add(new HouseholdPerson { LastName = lastName, FirstName = firstName, BirthDate = birth, Relationship = Relationship.Applicant });
            db.Households.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });
    }

    /// Uploads the file and matches its six columns; returns the batch.
    private async Task<(HttpClient Admin, long Batch)> PreviewAsync(string token, string csv)
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var upload = await UploadAsync(admin, Encoding.GetEncoding(1252).GetBytes(csv), $"menages-{token}.csv");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.EndsWith("/colonnes", upload.Headers.Location!.OriginalString);
        var batch = BatchId(upload);
        var nord = await MenagesData.TeamIdAsync(app, "Nord");
        var mapped = await Forms.PostAsync(admin, $"/admin/import/{batch}/colonnes", new()
        {
            ["Fields[0]"] = "LastName", ["Fields[1]"] = "FirstName", ["Fields[2]"] = "BirthDate", ["Fields[3]"] = "Team", ["Fields[4]"] = "Phone",
            ["Fields[5]"] = "Ignored", ["DefaultTeamId"] = nord.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        return (admin, batch);
    }

    private async Task<Dictionary<int, ImportRow>> RowsAsync(long batch) =>
        await app.WithDbAsync(db => db.ImportRows.AsNoTracking().Where(r => r.ImportBatchId == batch).ToDictionaryAsync(r => r.Line));

    static ImportPagesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task The_preview_shows_each_problem_in_its_cell_and_a_correction_in_place_clears_it()
    {
        var token = SupportData.Unique("I");
        var (admin, batch) = await PreviewAsync(token,
            $"{Header(token)}\r\nLEROY{token};Paul;12/06/1985;Nord;0612345678;\r\n;Karim;01/01/1990;Sud;;\r\nBENALI{token};Sara;31/13/1990;Est;06 12;\r\n");
        var rows = await RowsAsync(batch);

        var html = WebUtility.HtmlDecode(await (await admin.GetAsync($"/admin/import/{batch}")).HtmlAsync());

        Assert.Contains($"id=\"err-{rows[3].Id}-0\" class=\"field-error\">Nom manquant", html);
        Assert.Contains($"id=\"err-{rows[4].Id}-2\" class=\"field-error\">Date non reconnue « 31/13/1990 »", html);
        Assert.Contains($"id=\"err-{rows[4].Id}-3\" class=\"field-error\">Équipe « Est » inconnue", html);
        Assert.Contains($"id=\"err-{rows[4].Id}-4\" class=\"field-error\">Téléphone « 06 12 » non valide", html);
        Assert.DoesNotContain($"err-{rows[2].Id}-", html);
        Assert.DoesNotContain($"err-{rows[3].Id}-1", html);

        // With htmx, the corrected row comes back alone, without its problem.
        var page = await admin.GetAsync($"/admin/import/{batch}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/import/{batch}?handler=Cell")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(await page.HtmlAsync()), ["rowId"] = rows[3].Id.ToString(), ["column"] = "0", ["value"] = $"HADDAD{token}",
            }),
        };
        request.Headers.Add("HX-Request", "true");
        var fragment = WebUtility.HtmlDecode(await (await admin.SendAsync(request)).HtmlAsync());
        Assert.StartsWith($"<tbody id=\"ligne-{rows[3].Id}\"", fragment.Trim());
        Assert.Contains($"HADDAD{token}", fragment);
        Assert.DoesNotContain("cell-problem", fragment);
        Assert.Contains("Prête", fragment);

        // Without JavaScript, the same form posts and comes back to the row.
        var plain = await Forms.PostAsync(admin, $"/admin/import/{batch}?vue=toutes", new() { ["rowId"] = rows[4].Id.ToString(), ["column"] = "2", ["value"] = "31/12/1990" }, "Cell");
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.EndsWith($"#ligne-{rows[4].Id}", plain.Headers.Location!.OriginalString);
        var after = await RowsAsync(batch);
        Assert.False(after[3].HasErrors);
        Assert.DoesNotContain("\"Column\":2", after[4].Problems);
        Assert.True(after[4].HasErrors);
    }

    [Fact]
    public async Task A_person_already_followed_is_found_across_accents_and_word_order_then_merged_by_the_import()
    {
        var token = SupportData.Unique("D");
        var existing = await ExistingAsync($"ZÉPHYRIN-{token}", "Anaïs", new DateOnly(1985, 6, 12));
        var (admin, batch) = await PreviewAsync(token,
            $"{Header(token)}\r\nanais;zephyrin {token.ToLowerInvariant()};12/06/1985;;06 99 88 77 66;\r\nMOREAU{token};Léa;;Sud;;\r\n");
        var rows = await RowsAsync(batch);
        Assert.Equal(existing, rows[2].DuplicateHouseholdId);
        Assert.Null(rows[3].DuplicateHouseholdId);

        var html = WebUtility.HtmlDecode(await (await admin.GetAsync($"/admin/import/{batch}")).HtmlAsync());
        Assert.Contains($"Déjà suivie : ménage « ZÉPHYRIN-{token} Anaïs » (n° {existing})", html);
        Assert.Contains("Doublon probable : à trancher", html);

        var decided = await Forms.PostAsync(admin, $"/admin/import/{batch}", new() { ["rowId"] = rows[2].Id.ToString(), ["decision"] = "Merge" }, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var launched = await Forms.PostAsync(admin, $"/admin/import/{batch}", new(), "Import");
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);

        var done = await Forms.EventuallyAsync(() => app.WithDbAsync(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batch)),
            b => b.Stage == ImportStage.Imported, TimeSpan.FromSeconds(60), "the import");
        Assert.Equal((1, 1, 0, 1), (done.CreatedCount, done.MergedCount, done.SkippedCount, done.HouseholdsCreated));
        await app.WithDbAsync(async db =>
        {
            var merged = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == existing);
            Assert.Single(merged.Persons);
            Assert.Equal("06 11 22 33 44", merged.Phone);
            var created = await db.Households.Include(h => h.Persons).SingleAsync(h => h.SearchName == $"MOREAU{token} LEA");
            Assert.Equal("Sud", await db.Teams.Where(t => t.Id == created.TeamId).Select(t => t.Name).SingleAsync());
            Assert.Equal(Relationship.Applicant, Assert.Single(created.Persons).Relationship);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.HouseholdId == existing && a.Action == Portal.Import.Importer.CompletedAction));
            return 0;
        });
        var report = WebUtility.HtmlDecode(await (await admin.GetAsync($"/admin/import/{batch}?vue=toutes")).HtmlAsync());
        Assert.Contains("Compte rendu de l'import", report);
        Assert.Contains("Fusionnée avec Anaïs ZÉPHYRIN-", report);
    }

    [Fact]
    public async Task Rows_in_error_and_undecided_duplicates_are_skipped_and_the_report_says_why()
    {
        var token = SupportData.Unique("S");
        await ExistingAsync($"ROUX{token}", "Inès", new DateOnly(1979, 1, 2));
        var (admin, batch) = await PreviewAsync(token, $"{Header(token)}\r\nRoux{token};Ines;02/01/1979;;;\r\n;Sans nom;;;;\r\n");

        await Forms.PostAsync(admin, $"/admin/import/{batch}", new(), "Import");
        var done = await Forms.EventuallyAsync(() => app.WithDbAsync(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batch)),
            b => b.Stage == ImportStage.Imported, TimeSpan.FromSeconds(60), "the import");

        Assert.Equal((0, 0, 2), (done.CreatedCount, done.MergedCount, done.SkippedCount));
        var report = WebUtility.HtmlDecode(await (await admin.GetAsync($"/admin/import/{batch}")).HtmlAsync());
        Assert.Contains("Doublon probable d'une personne déjà suivie : aucun choix n'a été fait", report);
        Assert.Contains("Ligne en erreur : Nom manquant", report);
    }

    [Fact]
    public async Task The_columns_matched_once_are_offered_again_for_a_file_of_the_same_layout()
    {
        var token = SupportData.Unique("M");
        var (admin, _) = await PreviewAsync(token, $"{Header(token)}\r\nBLANC{token};Jules;;;;\r\n");

        var again = await UploadAsync(admin, Encoding.UTF8.GetBytes($"{Header(token).ToUpperInvariant()}\nNOIR{token};Zoé;;;;\n"), "suite.csv");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.DoesNotContain("colonnes", again.Headers.Location!.OriginalString);
        var rows = await RowsAsync(BatchId(again));
        Assert.False(rows[2].HasErrors);
    }

    [Fact]
    public async Task A_file_that_is_no_spreadsheet_is_refused_at_the_field_and_nothing_is_stored()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var before = await app.WithDbAsync(db => db.ImportBatches.CountAsync());

        var response = await UploadAsync(admin, "%PDF-1.7 fichier"u8.ToArray(), "menages.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est ni un classeur Excel (.xlsx) ni un fichier CSV", WebUtility.HtmlDecode(await response.HtmlAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task The_report_says_when_the_files_rows_go_and_once_gone_shows_the_counts_without_them()
    {
        var now = DateTime.UtcNow;
        var (kept, purged) = await app.WithDbAsync(async db =>
        {
            ImportBatch Batch(DateTime? purgedAt) => new()
            {
                FileName = "suivis.csv", UploadedById = "admin", UploadedByName = "Admin", CreatedAtUtc = now.AddDays(-40), ImportedAtUtc = now.AddDays(-40),
                Stage = ImportStage.Imported, Headers = "[\"Nom\"]", Fields = "[\"LastName\"]", RowCount = 12, CreatedCount = 9, SkippedCount = 3, RowsPurgedAtUtc = purgedAt,
            };
            var a = Batch(null);
            var b = Batch(now.AddDays(-9));
            db.ImportBatches.AddRange(a, b);
            await db.SaveChangesAsync();
            db.ImportRows.Add(new ImportRow { ImportBatchId = a.Id, Line = 2, Cells = "[\"GARDEE\"]", Outcome = ImportOutcome.Skipped, OutcomeNote = "Ligne en erreur" });
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var admin = await app.SignedInAsync(PortalApp.Admin);

        var waiting = WebUtility.HtmlDecode(await (await admin.GetAsync($"/admin/import/{kept}")).HtmlAsync());
        Assert.Contains("Les lignes du fichier seront effacées après le", waiting);
        Assert.Contains("GARDEE", waiting);

        var gone = WebUtility.HtmlDecode(await (await admin.GetAsync($"/admin/import/{purged}")).HtmlAsync());
        Assert.Contains("Les lignes du fichier ont été effacées le", gone);
        Assert.Contains("12\u00A0lignes", gone);
        Assert.Contains("<dt>Lignes non importées</dt><dd>3</dd>", gone);
        Assert.DoesNotContain("Lignes du fichier</h2>", gone);
    }
}
