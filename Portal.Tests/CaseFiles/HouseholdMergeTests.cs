using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Testing;

namespace Portal.Tests.CaseFiles;

/// A manager merges two files of the same household from the household file.
[Collection(PortalCollection.Name)]
public class HouseholdMergeTests(PortalApp app)
{
    private static string FusionUrl(long id, long? other = null) => $"/suivi/menages/{id}/fusion" + (other is null ? "" : $"?autre={other}");

    private async Task<(long Person, long Income)> PersonAsync(long householdId, string first, string last, DateOnly? birth, Relationship relationship, decimal? income = null) =>
        await app.WithDbAsync(async db =>
        {
            var person = new HouseholdPerson { HouseholdId = householdId, FirstName = first, LastName = last, BirthDate = birth, Relationship = relationship };
            db.HouseholdPersons.Add(person);
            await db.SaveChangesAsync();
            long incomeId = 0;
            if (income is { } amount)
            {
                var line = new HouseholdIncome { HouseholdId = householdId, HouseholdPersonId = person.Id, Kind = IncomeKind.Salary, MonthlyAmount = amount };
                db.HouseholdIncomes.Add(line);
                await db.SaveChangesAsync();
                incomeId = line.Id;
            }
            return (person.Id, incomeId);
        });

    private async Task<HttpResponseMessage> MergeAsync(HttpClient manager, long id, long other, long keep)
    {
        var versions = await app.WithDbAsync(db => db.Households.Where(h => h.Id == id || h.Id == other).ToDictionaryAsync(h => h.Id, h => h.Version));
        return await Forms.PostAsync(manager, FusionUrl(id, other), new()
        {
            ["autre"] = other.ToString(), ["garder"] = keep.ToString(), ["versionDossier"] = versions[id].ToString(), ["versionAutre"] = versions[other].ToString(),
        }, "Merge");
    }

    [Fact]
    public async Task Merging_keeps_persons_journal_measures_documents_and_holds_and_the_audit_says_who_merged_what()
    {
        var kept = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1);
        var gone = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1, withStay: false);
        var last = kept.Name.Split(' ')[0];
        var (keptHead, _) = await PersonAsync(kept.HouseholdId, "Camille", last, null, Relationship.Applicant);
        // The same person in the other file (accents and case aside), with an income, and her child.
        var (_, income) = await PersonAsync(gone.HouseholdId, "CAMILLE", last.ToLowerInvariant(), new DateOnly(1984, 2, 3), Relationship.Applicant, 950m);
        var (child, _) = await PersonAsync(gone.HouseholdId, "Noé", last, new DateOnly(2015, 9, 1), Relationship.Child);
        var measure = await SupportData.MeasureAsync(app, gone.HouseholdId, SupportKind.Asll, SupportData.Today.AddMonths(-3), 12);
        var (entry, document, hold) = await app.WithDbAsync(async db =>
        {
            var worker = await db.Users.SingleAsync(u => u.Email == PortalApp.Worker1);
            var j = new JournalEntry { HouseholdId = gone.HouseholdId, Kind = JournalKind.Interview, OccurredOn = SupportData.Today, AuthorId = worker.Id, AuthorName = worker.FullName, Text = "Entretien d'accueil", CreatedAtUtc = DateTime.UtcNow };
            var d = new DocumentRequest { Kind = DocumentKinds.TestSheet, Title = "Fiche", RequestedById = worker.Id, HouseholdId = gone.HouseholdId, CreatedAtUtc = DateTime.UtcNow, Status = Portal.Domain.Work.WorkStatus.Done };
            var l = new LegalHold { HouseholdId = gone.HouseholdId, Reason = "Contentieux", PlacedById = worker.Id, PlacedByName = worker.FullName, PlacedAtUtc = DateTime.UtcNow };
            db.AddRange(j, d, l);
            await db.SaveChangesAsync();
            return (j.Id, d.Id, l.Id);
        });
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var compare = WebUtility.HtmlDecode(await (await manager.GetAsync(FusionUrl(kept.HouseholdId, gone.HouseholdId))).HtmlAsync());
        Assert.Contains($"(n° {gone.HouseholdId})", compare);
        Assert.Contains("Noé", compare);
        var response = await MergeAsync(manager, kept.HouseholdId, gone.HouseholdId, kept.HouseholdId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/suivi/menages/{kept.HouseholdId}", response.Headers.Location!.OriginalString);
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Households.AnyAsync(h => h.Id == gone.HouseholdId));
            var persons = await db.HouseholdPersons.Where(p => p.HouseholdId == kept.HouseholdId).ToListAsync();
            Assert.Equal(2, persons.Count);
            Assert.Equal(new DateOnly(1984, 2, 3), persons.Single(p => p.Id == keptHead).BirthDate);
            Assert.Contains(persons, p => p.Id == child);
            Assert.Equal(keptHead, (await db.HouseholdIncomes.SingleAsync(i => i.Id == income)).HouseholdPersonId);
            Assert.Equal(kept.HouseholdId, (await db.SupportMeasures.SingleAsync(m => m.Id == measure)).HouseholdId);
            Assert.Equal(kept.HouseholdId, (await db.JournalEntries.SingleAsync(j => j.Id == entry)).HouseholdId);
            Assert.Equal(kept.HouseholdId, (await db.DocumentRequests.SingleAsync(d => d.Id == document)).HouseholdId);
            Assert.Equal(kept.HouseholdId, (await db.LegalHolds.SingleAsync(l => l.Id == hold)).HouseholdId);
            var audit = await db.AuditEntries.Where(a => a.Action == HouseholdMerge.MergeAction && (a.HouseholdId == kept.HouseholdId || a.HouseholdId == gone.HouseholdId)).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.StartsWith($"Le dossier n° {gone.HouseholdId} « {gone.Name} » (2\u00A0personnes, dont 1 déjà présente(s), 1 note(s) de journal, 1 mesure(s)", a.Detail));
            Assert.All(audit, a => Assert.Contains($"fusionné dans le dossier n° {kept.HouseholdId} « {kept.Name} »", a.Detail));
            var managerId = await db.Users.Where(u => u.Email == PortalApp.Manager).Select(u => u.Id).SingleAsync();
            Assert.All(audit, a => Assert.Equal(managerId, a.UserId));
            Assert.All(audit, a => Assert.EndsWith($"par {a.UserName}.", a.Detail));
            Assert.Contains(await db.JournalEntries.Where(j => j.HouseholdId == kept.HouseholdId).Select(j => j.Text).ToListAsync(), t => t.Contains("a été fusionné dans le dossier"));
            return 0;
        });
        var file = WebUtility.HtmlDecode(await (await manager.GetAsync($"/suivi/menages/{kept.HouseholdId}")).HtmlAsync());
        Assert.Contains($"Le dossier « {gone.Name} » a été fusionné dans celui-ci", file);
    }

    [Fact]
    public async Task Two_files_each_with_a_stay_in_progress_are_not_merged_and_the_manager_is_told_why()
    {
        var a = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1);
        var b = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1);
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var page = WebUtility.HtmlDecode(await (await manager.GetAsync(FusionUrl(a.HouseholdId, b.HouseholdId))).HtmlAsync());
        var response = await MergeAsync(manager, a.HouseholdId, b.HouseholdId, a.HouseholdId);

        Assert.Contains("ont chacun un séjour en cours", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ont chacun un séjour en cours", WebUtility.HtmlDecode(await response.HtmlAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Households.CountAsync(h => h.Id == a.HouseholdId || h.Id == b.HouseholdId)));
    }

    [Fact]
    public async Task Only_managers_merge_files_and_only_they_see_the_link_on_the_household_file()
    {
        var a = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1, withStay: false);
        var b = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1, withStay: false);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var manager = await app.SignedInAsync(PortalApp.Manager);

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(FusionUrl(a.HouseholdId, b.HouseholdId))).StatusCode);
        Assert.DoesNotContain("/fusion", await (await worker.GetAsync($"/suivi/menages/{a.HouseholdId}")).HtmlAsync());
        Assert.Contains($"/suivi/menages/{a.HouseholdId}/fusion", await (await manager.GetAsync($"/suivi/menages/{a.HouseholdId}")).HtmlAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(FusionUrl(a.HouseholdId, long.MaxValue - 5))).StatusCode);
    }

    [Fact]
    public async Task The_probable_duplicates_of_a_file_are_offered_across_accents_and_word_order()
    {
        var token = SupportData.Unique("F");
        var ids = await app.WithDbAsync(async db =>
        {
            var team = await db.Teams.Where(t => t.Name == "Nord").Select(t => t.Id).SingleAsync();
            Household Make(string first, string last)
            {
                var h = new Household { Name = $"{last} {first}", SearchName = HouseholdFactory.SearchKey($"{last} {first}"), TeamId = team, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
                h.Persons.Add(new HouseholdPerson { FirstName = first, LastName = last, Relationship = Relationship.Applicant });
                db.Households.Add(h);
                return h;
            }
            var one = Make("Hélène", $"GAUTIER-{token}");
            var two = Make($"Gautier {token}", "HELENE");
            await db.SaveChangesAsync();
            return (one.Id, two.Id);
        });
        var manager = await app.SignedInAsync(PortalApp.Manager);

        var html = await (await manager.GetAsync(FusionUrl(ids.Item1))).HtmlAsync();

        Assert.Contains($"fusion?autre={ids.Item2}\"", html);
    }

    [Fact]
    public void Every_foreign_key_to_a_household_is_repointed_by_a_merge()
    {
        using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var tables = HouseholdMerge.HouseholdReferences(db.Model).Select(r => r.Table).ToList();

        Assert.Superset(new HashSet<string> { "HouseholdPersons", "HouseholdIncomes", "HouseholdPartners", "JournalEntries", "SupportMeasures", "Stays",
            "SlidingLeases", "Exits", "AidGrants", "WatchListEntries", "Incidents", "DocumentRequests" }, tables.ToHashSet());
    }
}
