using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Workshops;
using Portal.Pages.Suivi.Menages;
using Portal.Testing;
using static Portal.Testing.MenagesData;

namespace Portal.Tests.Pages.Suivi.Menages;

[Collection(PortalCollection.Name)]
public class DossierTests(PortalApp app)
{
    private static async Task<int> VersionAsync(PortalApp app, long id) =>
        await app.WithDbAsync(db => db.Households.Where(h => h.Id == id).Select(h => h.Version).SingleAsync());

    [Fact]
    public async Task Confidential_entry_is_masked_for_a_colleague_of_the_team_and_shown_to_referent_and_manager()
    {
        var t = Token();
        var id = await CreateAsync(app, $"SECRET{t} Lina", referentEmail: PortalApp.Worker1);
        var secret = $"Violences conjugales signalées {t}";
        var referent = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{id}";
        var journal = $"{url}/journal";

        var posted = await Forms.PostAsync(referent, journal, new()
        {
            ["Entry.Kind"] = "Interview", ["Entry.OccurredOn"] = Today.ToString("yyyy-MM-dd"), ["Entry.Text"] = secret, ["Entry.IsConfidential"] = "true",
        }, "Journal");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await Forms.PostAsync(referent, journal, new()
        {
            ["Entry.Kind"] = "PhoneCall", ["Entry.OccurredOn"] = Today.ToString("yyyy-MM-dd"), ["Entry.Text"] = $"Appel ordinaire {t}",
        }, "Journal");

        var mine = Text(await (await referent.GetAsync(url)).HtmlAsync());
        Assert.Contains(secret, mine);
        Assert.DoesNotContain(HouseholdFileData.MaskedEntry, mine);

        var (colleagueEmail, _) = await NewWorkerAsync(app, "Nord");
        var colleague = await app.SignedInAsync(colleagueEmail);
        var response = await colleague.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var theirs = Text(await response.HtmlAsync());
        Assert.DoesNotContain(secret, theirs);
        Assert.Contains(HouseholdFileData.MaskedEntry, theirs);
        Assert.Contains("Claire Martin", theirs);
        Assert.Contains($"Appel ordinaire {t}", theirs);
        // The journal page masks it the same way as the overview.
        var theirJournal = Text(await (await colleague.GetAsync(journal)).HtmlAsync());
        Assert.DoesNotContain(secret, theirJournal);
        Assert.Contains(HouseholdFileData.MaskedEntry, theirJournal);
        Assert.Contains(secret, Text(await (await referent.GetAsync(journal)).HtmlAsync()));

        var manager = Text(await (await (await app.SignedInAsync(PortalApp.Manager)).GetAsync(url)).HtmlAsync());
        Assert.Contains(secret, manager);

        // Newest first: the second entry (same day) comes before the first.
        Assert.True(mine.IndexOf($"Appel ordinaire {t}", StringComparison.Ordinal) < mine.IndexOf(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_a_file_is_audited_and_admins_read_the_log_workers_may_not()
    {
        var t = Token();
        var id = await CreateAsync(app, $"AUDIT{t} Rémi");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/suivi/menages/{id}")).StatusCode);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.HouseholdId == id).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.OpenedFile, entry.Action);
        Assert.Equal("Claire Martin", entry.UserName);

        // A household out of reach is not audited as opened, and answers 404.
        var sudWorker = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.NotFound, (await sudWorker.GetAsync($"/suivi/menages/{id}")).StatusCode);
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.HouseholdId == id).ToListAsync()));

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var log = await admin.GetAsync($"/admin/journal?menage={id}");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var html = Text(await log.HtmlAsync());
        Assert.Contains("Claire Martin", html);
        Assert.Contains(AuditActions.OpenedFile, html);
        Assert.Contains($"AUDIT{t} Rémi", html);

        var byUser = Text(await (await admin.GetAsync($"/admin/journal?utilisateur=karim&menage={id}")).HtmlAsync());
        Assert.DoesNotContain($"AUDIT{t} Rémi", byUser);

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/admin/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(PortalApp.Manager)).GetAsync("/admin/journal")).StatusCode);
    }

    [Fact]
    public async Task Rent_burden_comes_from_the_stay_and_is_flagged_above_30_percent()
    {
        var t = Token();
        var id = await CreateAsync(app, $"EFFORT{t} Nadia", configure: h =>
        {
            h.CurrentRent = 900m; // ignored: the household lives in our dwelling
            h.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.Rsa, MonthlyAmount = 800m });
            h.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.FamilyAllowance, MonthlyAmount = 200m });
            h.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.HousingBenefit, MonthlyAmount = 150m });
        });
        await AddStayAsync(app, id, Today.AddMonths(-2), 6, 450m, 50m);
        var html = Text(await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync($"/suivi/menages/{id}")).HtmlAsync());
        // (450 + 50 − 150) ÷ (800 + 200) = 35,0 %
        Assert.Contains("35,0\u00A0%", html);
        Assert.Contains("Au-dessus de 30 %", html);
        Assert.Contains("le fonds d'aide au logement peut être sollicité", html);
        Assert.Contains("séjour en cours", html);
    }

    [Fact]
    public async Task Rent_burden_from_the_declared_rent_below_30_percent_is_not_flagged()
    {
        var t = Token();
        var id = await CreateAsync(app, $"EFFORT{t} Marc", configure: h =>
        {
            h.CurrentRent = 200m;
            h.CurrentCharges = 40m;
            h.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.Salary, MonthlyAmount = 1200m });
        });
        var html = Text(await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync($"/suivi/menages/{id}")).HtmlAsync());
        Assert.Contains("20,0\u00A0%", html);
        Assert.DoesNotContain("Au-dessus de 30 %", html);
        Assert.Contains("loyer actuel déclaré", html);
    }

    [Fact]
    public async Task Resources_are_added_and_removed_and_the_rate_follows()
    {
        var t = Token();
        var id = await CreateAsync(app, $"RESS{t} Olga", configure: h => h.CurrentRent = 300m);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{id}";
        var resources = $"{url}/ressources";
        var personId = await app.WithDbAsync(db => db.HouseholdPersons.Where(p => p.HouseholdId == id).Select(p => p.Id).SingleAsync());

        var added = await Forms.PostAsync(worker, resources, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["Income.PersonId"] = personId.ToString(), ["Income.Kind"] = "Salary", ["Income.MonthlyAmount"] = "1 000,00",
        }, "AddIncome");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = Text(await (await worker.GetAsync(url)).HtmlAsync());
        Assert.Contains("30,0\u00A0%", html);
        Assert.DoesNotContain("Au-dessus de 30 %", html);

        var incomeId = await app.WithDbAsync(db => db.HouseholdIncomes.Where(i => i.HouseholdId == id).Select(i => i.Id).SingleAsync());
        var removed = await Forms.PostAsync(worker, resources, new() { ["version"] = (await VersionAsync(app, id)).ToString(), ["incomeId"] = incomeId.ToString() }, "RemoveIncome");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.HouseholdIncomes.Where(i => i.HouseholdId == id).ToListAsync()));

        var bad = await Forms.PostAsync(worker, resources, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["Income.Kind"] = "Salary", ["Income.MonthlyAmount"] = "beaucoup",
        }, "AddIncome");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        html = Text(await bad.HtmlAsync());
        Assert.Contains("Ce montant n'est pas valide", html);
        Assert.Contains("value=\"beaucoup\"", html);
    }

    [Fact]
    public async Task Partners_are_added_edited_and_removed()
    {
        var t = Token();
        var id = await CreateAsync(app, $"PART{t} Yves");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{id}/partenaires";
        var added = await Forms.PostAsync(worker, url, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["Partner.Kind"] = "Ccas", ["Partner.Organisation"] = $"CCAS de Lille {t}", ["Partner.ContactName"] = "Mme Roux",
        }, "AddPartner");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var partnerId = await app.WithDbAsync(db => db.HouseholdPartners.Where(p => p.HouseholdId == id).Select(p => p.Id).SingleAsync());

        var invalid = await Forms.PostAsync(worker, url, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["partnerId"] = partnerId.ToString(), ["EditPartner.Kind"] = "Caf", ["EditPartner.Organisation"] = "", ["EditPartner.Email"] = "pas-une-adresse",
        }, "EditPartner");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = Text(await invalid.HtmlAsync());
        Assert.Contains("Indiquez l'organisme", html);
        Assert.Contains("Cette adresse électronique n'est pas valide", html);
        Assert.Contains("value=\"pas-une-adresse\"", html);

        var edited = await Forms.PostAsync(worker, url, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["partnerId"] = partnerId.ToString(), ["EditPartner.Kind"] = "Caf", ["EditPartner.Organisation"] = $"CAF du Nord {t}",
        }, "EditPartner");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        html = Text(await (await worker.GetAsync(url)).HtmlAsync());
        Assert.Contains($"CAF du Nord {t}", html);
        Assert.DoesNotContain($"CCAS de Lille {t}", html);

        var removed = await Forms.PostAsync(worker, url, new() { ["version"] = (await VersionAsync(app, id)).ToString(), ["partnerId"] = partnerId.ToString() }, "RemovePartner");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.HouseholdPartners.Where(p => p.HouseholdId == id).ToListAsync()));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_french_message_and_the_typed_values_kept()
    {
        var t = Token();
        var id = await CreateAsync(app, $"CONC{t} Jean");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{id}/identite";
        var seen = await VersionAsync(app, id);
        // Someone else saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, url, new()
        {
            ["version"] = seen.ToString(), ["Identity.Name"] = $"CONC{t} Jean", ["Identity.Town"] = "Roubaix",
        }, "Identity")).StatusCode);

        var late = await Forms.PostAsync(worker, url, new()
        {
            ["version"] = seen.ToString(), ["Identity.Name"] = $"CONC{t} Jean", ["Identity.Town"] = $"Tourcoing {t}",
        }, "Identity");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = Text(await late.HtmlAsync());
        Assert.Contains(DossierModel.ConcurrencyMessage, html);
        Assert.Contains($"value=\"Tourcoing {t}\"", html);
        Assert.Equal("Roubaix", await app.WithDbAsync(db => db.Households.Where(h => h.Id == id).Select(h => h.Town).SingleAsync()));
    }

    [Fact]
    public async Task Managers_change_team_and_referent_workers_may_not()
    {
        var t = Token();
        var id = await CreateAsync(app, $"ASSIGN{t} Zoé");
        var url = $"/suivi/menages/{id}";
        var sud = await TeamIdAsync(app, "Sud");
        var karim = await UserIdAsync(app, PortalApp.Worker2);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var refused = await Forms.PostAsync(worker, url, new() { ["version"] = (await VersionAsync(app, id)).ToString(), ["Assign.TeamId"] = sud.ToString(), ["Assign.ReferentId"] = karim }, "Assign");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        var done = await Forms.PostAsync(manager, url, new() { ["version"] = (await VersionAsync(app, id)).ToString(), ["Assign.TeamId"] = sud.ToString(), ["Assign.ReferentId"] = karim }, "Assign");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var household = await app.WithDbAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.Id == id));
        Assert.Equal((int?)sud, household.TeamId);
        Assert.Equal(karim, household.ReferentId);
        // The Nord worker lost the file; the Sud referent has it.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(PortalApp.Worker2)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Journal_entry_errors_are_in_french_at_each_field()
    {
        var t = Token();
        var id = await CreateAsync(app, $"JOUR{t} Eva");
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await Forms.PostAsync(worker, $"/suivi/menages/{id}/journal", new()
        {
            ["Entry.Kind"] = "", ["Entry.OccurredOn"] = Today.AddDays(3).ToString("yyyy-MM-dd"), ["Entry.Text"] = "",
        }, "Journal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.HtmlAsync());
        Assert.Contains("Choisissez le type d'entrée.", html);
        Assert.Contains("La date ne peut pas être dans le futur", html);
        Assert.Contains("Écrivez le contenu de l'entrée.", html);
        Assert.Empty(await app.WithDbAsync(db => db.JournalEntries.Where(j => j.HouseholdId == id).ToListAsync()));
    }

    [Fact]
    public async Task Members_are_added_with_french_errors_and_removed_and_attended_workshops_are_listed()
    {
        var t = Token();
        var resident = await UserIdAsync(app, PortalApp.Resident2);
        var id = await CreateAsync(app, $"MEMB{t} Sami", configure: h => h.ResidentId = resident);
        var theme = $"Mon logement et moi {t}";
        await app.WithDbAsync(async db =>
        {
            var place = await db.Places.FirstAsync();
            var leader = await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync();
            var attended = WorkshopData.Planned(place.Id, leader, DateTime.UtcNow.AddDays(-20), theme);
            var missed = WorkshopData.Planned(place.Id, leader, DateTime.UtcNow.AddDays(-10), $"Économies d'énergie {t}");
            attended.Line(resident, RegistrationStatus.Registered, DateTime.UtcNow.AddDays(-30));
            missed.Line(resident, RegistrationStatus.Registered, DateTime.UtcNow.AddDays(-30));
            attended.Attended(resident, true);
            missed.Attended(resident, false);
            db.Workshops.AddRange(attended, missed);
            return await db.SaveChangesAsync();
        });
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{id}";

        var page = Text(await (await worker.GetAsync(url)).HtmlAsync());
        Assert.Contains(theme, page);
        Assert.DoesNotContain($"Économies d'énergie {t}", page);
        Assert.DoesNotContain("<details open", page);

        var persons = $"{url}/personnes";
        var bad = await Forms.PostAsync(worker, persons, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["Person.FirstName"] = $"Nour{t}", ["Person.BirthDate"] = "2099-01-01",
        }, "AddPerson");
        var html = Text(await bad.HtmlAsync());
        Assert.Contains("Indiquez le nom de cette personne.", html);
        Assert.Contains("La date de naissance ne peut pas être dans le futur.", html);
        Assert.Contains("Indiquez le lien de cette personne avec le ménage.", html);
        Assert.Contains($"value=\"Nour{t}\"", html);

        var added = await Forms.PostAsync(worker, persons, new()
        {
            ["version"] = (await VersionAsync(app, id)).ToString(), ["Person.FirstName"] = $"Nour{t}", ["Person.LastName"] = "Haddad", ["Person.BirthDate"] = "12/05/2015", ["Person.Relationship"] = "Child",
        }, "AddPerson");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var person = await app.WithDbAsync(db => db.HouseholdPersons.AsNoTracking().SingleAsync(p => p.HouseholdId == id && p.FirstName == $"Nour{t}"));
        Assert.Equal(new DateOnly(2015, 5, 12), person.BirthDate);

        var removed = await Forms.PostAsync(worker, persons, new() { ["version"] = (await VersionAsync(app, id)).ToString(), ["personId"] = person.Id.ToString() }, "RemovePerson");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.HouseholdPersons.AnyAsync(p => p.Id == person.Id)));
    }

    /// Each handler of the file and the section page that has it ("" for the overview).
    public static TheoryData<string, string> Handlers => new()
    {
        { "Identity", "/identite" }, { "AddPerson", "/personnes" }, { "Civility", "/personnes" }, { "RemovePerson", "/personnes" },
        { "AddIncome", "/ressources" }, { "RemoveIncome", "/ressources" },
        { "AddPartner", "/partenaires" }, { "EditPartner", "/partenaires" }, { "RemovePartner", "/partenaires" },
        { "Assign", "" }, { "Journal", "/journal" }, { "Inconnu", "" },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Empty_and_garbage_posts_never_fail(string handler, string section)
    {
        var id = await CreateAsync(app, $"GARB{Token()} Ali");
        var url = $"/suivi/menages/{id}{section}";
        var huge = new string('é', 12000);
        var forms = new Dictionary<string, string>[]
        {
            [],
            new()
            {
                ["version"] = "abc", ["personId"] = "x", ["civility"] = "2", ["incomeId"] = "-1", ["partnerId"] = "99999999999999999999",
                ["Identity.Name"] = "\u0000", ["Identity.TargetGroups"] = "Tout", ["Identity.CurrentRent"] = "1e999", ["Identity.Situation"] = "42",
                ["Person.BirthDate"] = "31/02/2020", ["Person.Relationship"] = "Cousin", ["Income.Kind"] = "7777", ["Income.MonthlyAmount"] = "-3", ["Income.PersonId"] = "abc",
                ["Partner.Kind"] = "Mairie", ["EditPartner.Kind"] = "", ["Assign.TeamId"] = "zzz", ["Assign.ReferentId"] = huge,
                ["Entry.Kind"] = "Appointment", ["Entry.OccurredOn"] = "hier", ["Entry.Text"] = huge, ["Entry.IsConfidential"] = "peut-être",
            },
            new()
            {
                ["version"] = (await VersionAsync(app, id)).ToString(), ["personId"] = "1", ["incomeId"] = "1", ["partnerId"] = "1", ["civility"] = "Madame",
                ["Identity.Name"] = huge, ["Identity.Email"] = "@@", ["Identity.Phone"] = huge, ["Person.FirstName"] = huge, ["Person.LastName"] = "<script>",
                ["Partner.Organisation"] = huge, ["Assign.TeamId"] = "99999999999", ["Entry.Text"] = "  ", ["Entry.OccurredOn"] = "1800-01-01",
            },
        };
        foreach (var who in new[] { PortalApp.Worker1, PortalApp.Manager })
        {
            var client = await app.SignedInAsync(who);
            foreach (var fields in forms)
            {
                var response = await Forms.PostAsync(client, url, fields, handler);
                Assert.True((int)response.StatusCode < 500, $"{handler} answered {(int)response.StatusCode}");
            }
        }
        // Out of scope, a post answers 404 whatever it carries.
        var sud = await app.SignedInAsync(PortalApp.Worker2);
        // (A NUL character makes the framework answer 400 before any page runs: the third form has none.)
        var outside = await PostWithListTokenAsync(sud, $"{url}?handler={handler}", forms[2]);
        Assert.Equal(handler == "Inconnu" ? HttpStatusCode.Redirect : HttpStatusCode.NotFound, outside.StatusCode);
    }
}
