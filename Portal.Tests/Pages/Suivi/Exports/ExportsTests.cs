using System.Net;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Exports;
using Portal.Testing;

namespace Portal.Tests.Pages.Suivi.Exports;

/// /suivi/exports: a table, chosen columns, a file made in the background, read back cell by cell.
[Collection(PortalCollection.Name)]
public partial class ExportsTests(PortalApp app)
{
    [GeneratedRegex("name=\"Input.Key\" value=\"([0-9a-f]+)\"")]
    private static partial Regex KeyField();

    private sealed record Seeded(string Tag, long Nord, long Sud);

    /// A household in each team, the Nord one named like a spreadsheet formula.
    private async Task<Seeded> SeedAsync()
    {
        var tag = SuiviData.Token();
        return await app.WithDbAsync(async db =>
        {
            var nord = await db.Teams.SingleAsync(t => t.Name == "Nord");
            var sud = await db.Teams.SingleAsync(t => t.Name == "Sud");
            Household H(string name, int team, decimal income)
            {
                var h = new Household { Name = name, SearchName = name.ToUpperInvariant(), TeamId = team, Town = "Valenciennes",
                    TargetGroups = TargetGroups.Young18To25, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
                h.Persons.Add(new HouseholdPerson { FirstName = "Léa", LastName = tag, BirthDate = new DateOnly(2001, 2, 3), Relationship = Relationship.Applicant });
                h.Persons.Add(new HouseholdPerson { FirstName = "@Enfant", LastName = tag, Relationship = Relationship.Child });
                h.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.Salary, MonthlyAmount = income });
                db.Households.Add(h);
                return h;
            }
            var n = H($"=HYPERLINK(\"http://exemple.test\";\"{tag}\")", nord.Id, 1234.5m);
            var s = H($"SUD {tag}", sud.Id, 800m);
            await db.SaveChangesAsync();
            return new Seeded(tag, n.Id, s.Id);
        });
    }

    private async Task<byte[]> ExportAsync(HttpClient client, string email, Dictionary<string, string> fields, string handler = "Run")
    {
        var page = await (await client.GetAsync("/suivi/exports?table=" + fields["Input.Table"])).HtmlAsync();
        var key = KeyField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key.Split('#')[0], f.Value))
            .Append(KeyValuePair.Create("Input.Key", key))
            .Append(KeyValuePair.Create("__RequestVerificationToken", Forms.Token(page))));
        var posted = await client.PostAsync($"/suivi/exports?handler={handler}", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var request = await app.WithDbAsync(db => db.DocumentRequests.AsNoTracking().SingleAsync(r => r.RequestedById == userId && r.IdempotencyKey == key));
        Assert.Equal(TableExport.KindName, request.Kind);
        await Forms.EventuallyAsync(() => app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()),
            s => s is WorkStatus.Done or WorkStatus.Failed, TimeSpan.FromSeconds(30), "the export");
        var download = await client.GetAsync($"/suivi/documents/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        // The download is audited.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserId == userId && a.Detail != null && a.Detail.StartsWith(request.Title))));
        return await download.Content.ReadAsByteArrayAsync();
    }

    private static List<List<string>> ReadCsv(byte[] bytes)
    {
        var rows = new List<List<string>>();
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', HasHeader = false });
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
        return rows;
    }

    [Fact]
    public async Task A_worker_exports_their_team_households_as_csv_for_french_excel_with_formulas_neutralised()
    {
        var data = await SeedAsync();
        var client = await app.SignedInAsync(PortalApp.Worker1);
        var bytes = await ExportAsync(client, PortalApp.Worker1, new()
        {
            ["Input.Table"] = "menages", ["Input.Format"] = "Csv",
            ["Input.Columns#1"] = "numero", ["Input.Columns#2"] = "nom", ["Input.Columns#3"] = "equipe",
            ["Input.Columns#4"] = "personnes", ["Input.Columns#5"] = "ressources", ["Input.Columns#6"] = "publics",
        });

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ReadCsv(bytes);
        Assert.Equal(["N° de dossier", "Ménage", "Équipe", "Personnes", "Ressources mensuelles", "Publics cibles"], rows[0]);
        var mine = rows.Single(r => r[1].Contains(data.Tag));
        Assert.Equal(data.Nord.ToString(), mine[0]);
        Assert.Equal($"'=HYPERLINK(\"http://exemple.test\";\"{data.Tag}\")", mine[1]);
        Assert.Equal("Nord", mine[2]);
        Assert.Equal("2", mine[3]);
        Assert.Equal("1234,50", mine[4]);
        Assert.Equal("Jeunes de 18 à 25 ans", mine[5]);
        // The worker's scope: nothing of team Sud but the households they are the referent of (other
        // tests of the shared site may have made them one).
        Assert.DoesNotContain(rows, r => r[1] == $"SUD {data.Tag}");
        var followed = await app.WithDbAsync(db => db.Households.Where(h => db.Users.Any(u => u.Id == h.ReferentId && u.Email == PortalApp.Worker1)).Select(h => h.Id.ToString()).ToListAsync());
        Assert.All(rows.Skip(1).Where(r => r[2] == "Sud"), r => Assert.Contains(r[0], followed));
    }

    [Fact]
    public async Task A_manager_exports_persons_as_xlsx_read_back_cell_by_cell()
    {
        var data = await SeedAsync();
        var client = await app.SignedInAsync(PortalApp.Manager);
        var bytes = await ExportAsync(client, PortalApp.Manager, new()
        {
            ["Input.Table"] = "personnes", ["Input.Format"] = "Xlsx",
            ["Input.Columns#1"] = "menage", ["Input.Columns#2"] = "prenom", ["Input.Columns#3"] = "nom", ["Input.Columns#4"] = "naissance",
        });

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Ménage", "Prénom", "Nom", "Date de naissance"], rows[0].Values.Select(v => v?.ToString()));
        var mine = rows.Skip(1).Where(r => r["C"]?.ToString() == data.Tag).ToList();
        Assert.Equal(4, mine.Count);
        var lea = mine.First(r => r["B"]?.ToString() == "Léa" && r["A"]!.ToString()!.Contains("HYPERLINK"));
        Assert.Equal($"'=HYPERLINK(\"http://exemple.test\";\"{data.Tag}\")", lea["A"]);
        Assert.Equal(new DateTime(2001, 2, 3), Assert.IsType<DateTime>(lea["D"]));
        // A first name starting with @ is text too.
        Assert.Contains(mine, r => r["B"]?.ToString() == "'@Enfant" && r["A"]?.ToString() == $"SUD {data.Tag}");
    }

    [Fact]
    public async Task Missing_columns_and_reversed_dates_are_told_at_their_fields_and_nothing_is_asked()
    {
        var client = await app.SignedInAsync(PortalApp.Worker1);
        var page = await (await client.GetAsync("/suivi/exports?table=sorties")).HtmlAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Table"] = "sorties", ["Input.Format"] = "Csv", ["Input.Du"] = "2026-03-31", ["Input.Au"] = "2026-01-01",
            ["Input.Key"] = KeyField().Match(page).Groups[1].Value, ["__RequestVerificationToken"] = Forms.Token(page),
        });
        var answer = await client.PostAsync("/suivi/exports?handler=Run", form);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.HtmlAsync();
        Assert.Contains("Choisissez au moins une colonne.", html);
        Assert.Contains("La date de fin doit être postérieure ou égale à la date de début.", html);
        Assert.Contains("value=\"2026-03-31\"", html);
    }

    [Fact]
    public async Task A_saved_definition_is_listed_under_its_funder_and_runs_again()
    {
        var tag = SuiviData.Token();
        var client = await app.SignedInAsync(PortalApp.Manager);
        var page = await (await client.GetAsync("/suivi/exports?table=mesures")).HtmlAsync();
        var form = new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("Input.Table", "mesures"), new("Input.Format", "Xlsx"), new("Input.Columns", "menage"), new("Input.Columns", "type"),
            new("Input.Financeur", ((int)Funder.Ddets).ToString()), new("Input.Name", $"DDETS {tag}"),
            new("Input.Key", KeyField().Match(page).Groups[1].Value), new("__RequestVerificationToken", Forms.Token(page)),
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/suivi/exports?handler=Save", form)).StatusCode);
        var saved = await app.WithDbAsync(db => db.ExportDefinitions.AsNoTracking().SingleAsync(d => d.Name == $"DDETS {tag}"));
        Assert.Equal(("mesures", "menage,type", Funder.Ddets, true), (saved.Table, saved.Columns, saved.Funder, saved.IsSaved));
        var list = await (await client.GetAsync("/suivi/exports")).HtmlAsync();
        Assert.Contains($"DDETS {tag}", list);
        Assert.Contains("<caption>DDETS</caption>", list);

        var run = await client.PostAsync($"/suivi/exports?handler=RunSaved&id={saved.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["du"] = "2026-01-01", ["au"] = "2026-12-31", ["key"] = Guid.NewGuid().ToString("N"), ["__RequestVerificationToken"] = Forms.Token(list),
        }));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var copy = await app.WithDbAsync(db => db.ExportDefinitions.AsNoTracking().Where(d => !d.IsSaved && d.Table == "mesures" && d.Columns == "menage,type")
            .OrderByDescending(d => d.Id).FirstAsync());
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Funder.Ddets), (copy.From!.Value, copy.To!.Value, copy.Funder!.Value));
    }
}
