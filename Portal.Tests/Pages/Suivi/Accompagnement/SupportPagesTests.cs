using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Jobs;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Support;
using Portal.Testing;
using static Portal.Testing.SupportData;

namespace Portal.Tests.Pages.Suivi.Accompagnement;

[Collection(PortalCollection.Name)]
public class SupportPagesTests(PortalApp app)
{
    [Fact]
    public async Task Measure_page_shows_the_review_schedule_with_the_late_review_in_red_and_audits_the_opening()
    {
        var h = await HouseholdAsync(app);
        var start = Today.AddMonths(-7);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, start, 12);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        var response = await worker.GetAsync(MeasureUrl(h.HouseholdId, measureId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Mesure ASLL", html);
        // 6-month review overdue, end review upcoming.
        Assert.Matches($"Bilan à 6 mois</th>\\s*<td>{French.Date(start.AddMonths(6))}</td>\\s*<td><span class=\"badge badge-failed review-late\">En retard</span>", html);
        Assert.Matches($"Bilan de fin de mesure \\(12 mois\\)</th>\\s*<td>{French.Date(start.AddMonths(12))}</td>\\s*<td><span class=\"badge badge-running\">À venir</span>", html);
        // The household's measures list shows the next review late too.
        var list = await (await worker.GetAsync($"/suivi/menages/{h.HouseholdId}/accompagnement")).TextAsync();
        Assert.Contains("<span class=\"badge badge-failed review-late\">En retard</span>", list);

        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.HouseholdId == h.HouseholdId && a.Action == AuditActions.OpenedFile).CountAsync());
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task Opening_a_measure_checks_its_length_in_French_then_records_it_with_its_diagnostic()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{h.HouseholdId}/accompagnement";
        Dictionary<string, string> Form(string months) => new()
        {
            ["Open.Kind"] = "Asll", ["Open.Funder"] = "FslDepartment", ["Open.StartsOn"] = Today.ToString("yyyy-MM-dd"),
            ["Open.Months"] = months, ["Open.Diagnostic"] = "Dettes de loyer anciennes, ressources stables.",
        };

        var tooLong = await (await Forms.PostAsync(worker, url, Form("30"))).TextAsync();
        Assert.Contains("Une mesure ASLL dure de 6 à 12 mois : 30 mois n'est pas possible.", tooLong);
        var notNumber = await (await Forms.PostAsync(worker, url, Form("douze"))).TextAsync();
        Assert.Contains(SupportFiles.InvalidNumber, notNumber);
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.HouseholdId == h.HouseholdId)));

        var ok = await Forms.PostAsync(worker, url, Form("12"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var measure = await app.WithDbAsync(db => db.SupportMeasures.SingleAsync(m => m.HouseholdId == h.HouseholdId));
        Assert.Equal(Today.AddMonths(12), measure.EndsOn);
        var page = await (await worker.GetAsync(ok.Headers.Location!.OriginalString)).TextAsync();
        Assert.Contains("Dettes de loyer anciennes, ressources stables.", page);
    }

    [Fact]
    public async Task The_lease_does_not_slide_with_one_euro_of_arrears_and_slides_once_paid()
    {
        var h = await HouseholdAsync(app);
        var start = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-13);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Iml, start, 12);
        await LeaseAsync(app, h.HouseholdId, measureId, start, lease =>
        {
            for (var month = start; month <= Today; month = month.AddMonths(1))
                lease.RecordPayment(month, month.AddMonths(1) > Today ? 479m : 480m);
        });
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = MeasureUrl(h.HouseholdId, measureId);
        var review = new Dictionary<string, string>
        {
            ["Review.Months"] = "12", ["Review.HeldOn"] = Today.ToString("yyyy-MM-dd"), ["Review.Situation"] = "Ménage autonome, loyer réglé.",
            ["Review.Decision"] = "SlideLease", ["Review.Stable"] = "true",
        };

        var refused = await (await Forms.PostAsync(worker, $"{url}/bilans", review)).TextAsync();
        Assert.Contains($"Le bail ne peut pas glisser : un impayé de 1,00\u00A0€ reste dû au {French.Date(Today)}.", refused);
        Assert.Contains("Impayé de 1,00\u00A0€", refused);
        Assert.Equal(LeaseStatus.Sublet, await app.WithDbAsync(db => db.SlidingLeases.Where(l => l.SupportMeasureId == measureId).Select(l => l.Status).SingleAsync()));

        var paid = await Forms.PostAsync(worker, $"{url}/bail", new() { ["Payment.PaidOn"] = Today.ToString("yyyy-MM-dd"), ["Payment.Amount"] = "1,00", ["Payment.Reference"] = "Solde" }, "Payment");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);

        // Judged unstable: refused at the checkbox.
        var unstable = new Dictionary<string, string>(review) { ["Review.Stable"] = "" };
        var notStable = await (await Forms.PostAsync(worker, $"{url}/bilans", unstable)).TextAsync();
        Assert.Contains("Le bail ne peut glisser que si le bilan juge la situation du ménage stable.", notStable);
        // At the checkbox, with what was typed kept.
        Assert.Matches("data-valmsg-for=\"Review.Stable\"[^>]*>Le bail ne peut glisser que si le bilan juge la situation du ménage stable.<", notStable);
        Assert.Contains("Ménage autonome, loyer réglé.</textarea>", notStable);

        var slid = await Forms.PostAsync(worker, $"{url}/bilans", review);
        Assert.Equal(HttpStatusCode.Redirect, slid.StatusCode);
        var (lease, measures) = await app.WithDbAsync(async db => (
            await db.SlidingLeases.SingleAsync(l => l.SupportMeasureId == measureId),
            await db.SupportMeasures.Where(m => m.HouseholdId == h.HouseholdId).OrderBy(m => m.Id).ToListAsync()));
        Assert.Equal(LeaseStatus.DirectLease, lease.Status);
        Assert.Equal(Today, lease.SlidOn);
        Assert.Equal(MeasureEndReason.LeaseSlid, measures[0].EndReason);
        Assert.Equal(SupportKind.TenancySustainment, measures[1].Kind);
        Assert.Equal(measureId, measures[1].PreviousMeasureId);
        var page = await (await worker.GetAsync(url)).TextAsync();
        Assert.Contains("Bail direct", page);
    }

    [Fact]
    public async Task The_exit_shows_what_it_closes_then_closes_the_stay_and_the_measures()
    {
        var h = await HouseholdAsync(app);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Avdl, Today.AddMonths(-3), 12);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{h.HouseholdId}/sortie";
        var form = new Dictionary<string, string>
        {
            ["Input.ExitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Destination"] = "SocialLandlord", ["Input.Details"] = "T3 chez Partenord",
        };

        var preview = await (await Forms.PostAsync(worker, url, form)).TextAsync();
        Assert.Contains("Ce que la sortie va clôturer", preview);
        Assert.Contains("Séjour dans Résidence", preview);
        Assert.Contains("Mesure AVDL", preview);
        Assert.Equal(HouseholdStatus.Active, await app.WithDbAsync(db => db.Households.Where(x => x.Id == h.HouseholdId).Select(x => x.Status).SingleAsync()));

        var done = await Forms.PostAsync(worker, url, form, "Record");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (household, stay, measure, exit) = await app.WithDbAsync(async db => (
            await db.Households.SingleAsync(x => x.Id == h.HouseholdId),
            await db.Stays.SingleAsync(s => s.Id == h.StayId),
            await db.SupportMeasures.SingleAsync(m => m.Id == measureId),
            await db.Exits.SingleAsync(e => e.HouseholdId == h.HouseholdId)));
        Assert.Equal(HouseholdStatus.Exited, household.Status);
        Assert.Equal(Today, household.ExitedOn);
        Assert.Equal(StayStatus.Ended, stay.Status);
        Assert.Equal(MeasureEndReason.Exit, measure.EndReason);
        Assert.Equal(ExitDestination.SocialLandlord, exit.Destination);
        var page = await (await worker.GetAsync($"/suivi/menages/{h.HouseholdId}/accompagnement")).TextAsync();
        Assert.Contains("Destination : <strong>ESH / bailleur social</strong> — T3 chez Partenord", page);

        // Twice: refused, nothing changes.
        var again = await worker.GetAsync(url);
        Assert.DoesNotContain("Voir ce que la sortie va clôturer", await again.TextAsync());
    }

    [Fact]
    public async Task An_exit_more_than_a_month_ahead_is_refused_at_its_date_and_closes_nothing()
    {
        var h = await HouseholdAsync(app);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = $"/suivi/menages/{h.HouseholdId}/sortie";
        var form = new Dictionary<string, string>
        {
            ["Input.ExitedOn"] = Today.AddMonths(1).AddDays(1).ToString("yyyy-MM-dd"), ["Input.Destination"] = "SocialLandlord",
        };

        foreach (var handler in new string?[] { null, "Record" })
        {
            var html = await (await Forms.PostAsync(worker, url, form, handler)).TextAsync();
            Assert.Matches("data-valmsg-for=\"Input.ExitedOn\"[^>]*>La sortie s'enregistre au plus tôt un mois avant la date prévue.<", html);
            Assert.DoesNotContain("Ce que la sortie va clôturer", html);
        }
        Assert.Equal(HouseholdStatus.Active, await app.WithDbAsync(db => db.Households.Where(x => x.Id == h.HouseholdId).Select(x => x.Status).SingleAsync()));
        Assert.Equal(StayStatus.Active, await app.WithDbAsync(db => db.Stays.Where(s => s.Id == h.StayId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_aid_fund_refuses_a_grant_above_what_is_left_in_French()
    {
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var h = await HouseholdAsync(app, withStay: false);
        const int year = 2077;
        var created = await Forms.PostAsync(manager, $"/suivi/fonds-aide?year={year}", new() { ["fundYear"] = $"{year}", ["budget"] = "1 000" }, "CreateFund");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        Dictionary<string, string> Grant(string amount) => new()
        {
            ["householdId"] = h.HouseholdId.ToString(), ["monthlyAmount"] = amount, ["months"] = "4", ["startMonth"] = $"{year}-03",
        };
        var tooMuch = await (await Forms.PostAsync(manager, $"/suivi/fonds-aide?year={year}", Grant("300"), "Grant")).TextAsync();
        Assert.Contains($"Le fonds d'aide ne peut pas engager 1\u202F200,00\u00A0€ sur {year} : il reste 1\u202F000,00\u00A0€ sur le budget de l'année.", tooMuch);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, $"/suivi/fonds-aide?year={year}", Grant("200"), "Grant")).StatusCode);
        var page = await (await manager.GetAsync($"/suivi/fonds-aide?year={year}")).TextAsync();
        Assert.Contains("<dd id=\"reste\">200,00\u00A0€</dd>", page);
        // The budget cannot go below what is committed.
        var lower = await (await Forms.PostAsync(manager, $"/suivi/fonds-aide?year={year}", new() { ["fundYear"] = $"{year}", ["budget"] = "500" }, "SetBudget")).TextAsync();
        Assert.Contains($"Les aides accordées engagent déjà 800,00\u00A0€ sur {year} : le budget ne peut pas être inférieur.", lower);

        // Workers read the fund but do not change it.
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var read = await (await worker.GetAsync($"/suivi/fonds-aide?year={year}")).TextAsync();
        Assert.Contains("<dd id=\"reste\">200,00\u00A0€</dd>", read);
        Assert.DoesNotContain("Enregistrer l'aide", read);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(worker, "/suivi/fonds-aide", Grant("10"), "Grant")).StatusCode);
    }

    [Fact]
    public async Task The_watch_list_flags_notes_and_lifts_a_household()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var flagged = await Forms.PostAsync(worker, "/suivi/veille", new() { ["householdId"] = h.HouseholdId.ToString(), ["reason"] = "Isolement et impayés" }, "Flag");
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        var entryId = await app.WithDbAsync(db => db.WatchListEntries.Where(w => w.HouseholdId == h.HouseholdId).Select(w => w.Id).SingleAsync());

        var page = await (await worker.GetAsync("/suivi/veille")).TextAsync();
        Assert.Contains($"<a href=\"#veille-{entryId}\">{h.Name}</a>", page);

        var noted = await Forms.PostAsync(worker, $"/suivi/veille?entryId={entryId}", new() { ["text"] = "Visite faite, situation apaisée" }, "Note");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        page = await (await worker.GetAsync("/suivi/veille")).TextAsync();
        Assert.Contains("Visite faite, situation apaisée", page);
        Assert.DoesNotContain($"<a href=\"#veille-{entryId}\">", page);

        var empty = await (await Forms.PostAsync(worker, $"/suivi/veille?entryId={entryId}", new() { ["reason"] = "" }, "Lift")).TextAsync();
        Assert.Contains("Indiquez pourquoi la veille est levée.", empty);
        var lifted = await Forms.PostAsync(worker, $"/suivi/veille?entryId={entryId}", new() { ["reason"] = "Situation stabilisée" }, "Lift");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.WatchListEntries.Where(w => w.Id == entryId).Select(w => w.LiftedOn).SingleAsync()));
        Assert.DoesNotContain($"id=\"veille-{entryId}\"", await (await worker.GetAsync("/suivi/veille")).TextAsync());

        // Another team's worker cannot note it.
        var other = await app.SignedInAsync(PortalApp.Worker2);
        var refused = await (await Forms.PostAsync(other, $"/suivi/veille?entryId={entryId}", new() { ["text"] = "x" }, "Note")).TextAsync();
        Assert.Contains("Ce ménage n'est pas dans votre veille.", refused);
    }

    [Fact]
    public async Task Incidents_wait_for_their_follow_up()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var description = $"Agression dans le hall {Unique("I")}";
        var created = await Forms.PostAsync(worker, "/suivi/veille", new()
        {
            ["kind"] = "Assault", ["occurredOn"] = Today.ToString("yyyy-MM-dd"), ["description"] = description, ["householdId"] = h.HouseholdId.ToString(),
        }, "Incident");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Incidents.Where(i => i.Description == description).Select(i => i.Id).SingleAsync());
        var page = await (await worker.GetAsync("/suivi/veille")).TextAsync();
        Assert.Contains($"id=\"incident-{id}\"", page);

        var followed = await Forms.PostAsync(worker, $"/suivi/veille?incidentId={id}", new() { ["followUp"] = "Cellule d'écoute proposée aux résidents" }, "FollowUp");
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        page = await (await worker.GetAsync("/suivi/veille")).TextAsync();
        Assert.DoesNotContain($"id=\"incident-{id}\"", page);
        Assert.Contains("Cellule d'écoute proposée aux résidents", page);
    }

    [Fact]
    public async Task Another_teams_worker_gets_404_and_a_manager_opens_the_file()
    {
        var h = await HouseholdAsync(app, team: "Nord");
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Masp, Today, 12);
        var other = await app.SignedInAsync(PortalApp.Worker2);
        foreach (var url in new[] { $"/suivi/menages/{h.HouseholdId}/accompagnement", MeasureUrl(h.HouseholdId, measureId), $"/suivi/menages/{h.HouseholdId}/sortie" }
            .Concat(MeasureSections.Select(section => $"{MeasureUrl(h.HouseholdId, measureId)}/{section}")))
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        // A post with a valid token from a page they can open: still 404, nothing recorded.
        var token = Forms.Token(await (await other.GetAsync("/suivi/veille")).Content.ReadAsStringAsync());
        var post = await other.PostAsync(MeasureUrl(h.HouseholdId, measureId) + "?handler=AddAxis", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["NewAxis.Area"] = "Budget", ["NewAxis.Objective"] = "x",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var direct = await other.PostAsync(MeasureUrl(h.HouseholdId, measureId) + "/plan?handler=AddAxis", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["NewAxis.Area"] = "Budget", ["NewAxis.Objective"] = "x",
        }));
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measureId).SelectMany(m => m.Axes).CountAsync()));
        // A measure of another household through this household's address: 404.
        var mine = await HouseholdAsync(app, team: "Sud", referentEmail: PortalApp.Worker2, withStay: false);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(MeasureUrl(mine.HouseholdId, measureId))).StatusCode);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(MeasureUrl(h.HouseholdId, measureId))).StatusCode);
        foreach (var section in MeasureSections)
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{MeasureUrl(h.HouseholdId, measureId)}/{section}")).StatusCode);
    }

    [Fact]
    public async Task The_diagnostic_is_written_once_on_its_page_and_an_empty_one_is_refused_at_its_field()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-1), 12);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = MeasureUrl(h.HouseholdId, measureId) + "/diagnostic";

        var empty = await (await Forms.PostAsync(worker, url, new() { ["Diag.Text"] = "   " })).TextAsync();
        Assert.Matches("data-valmsg-for=\"Diag.Text\"[^>]*>Écrivez le diagnostic.<", empty);
        var written = await Forms.PostAsync(worker, url, new() { ["Diag.Text"] = "Dettes de loyer anciennes ; ressources stables." });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var page = await (await worker.GetAsync(url)).TextAsync();
        Assert.Contains("Le diagnostic initial est enregistré.", page);
        Assert.Contains("Dettes de loyer anciennes ; ressources stables.", page);
        Assert.DoesNotContain("Enregistrer le diagnostic", page);
        Assert.Contains("Dettes de loyer anciennes ; ressources stables.", await (await worker.GetAsync(MeasureUrl(h.HouseholdId, measureId))).TextAsync());
    }

    private static readonly string[] MeasureSections = ["diagnostic", "plan", "bilans", "renouvellement", "bail"];

    [Fact]
    public async Task A_form_posted_from_the_measure_page_before_its_split_goes_on_to_its_section()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-1), 12);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = MeasureUrl(h.HouseholdId, measureId);

        var moved = await Forms.PostAsync(worker, url, new() { ["Renewal.Months"] = "3", ["Renewal.DecidedOn"] = Today.ToString("yyyy-MM-dd") }, "Renew");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, moved.StatusCode);
        Assert.Equal($"{url}/renouvellement", moved.Headers.Location!.OriginalString);
        var axis = await Forms.PostAsync(worker, $"{url}?axisId=42", new() { ["NewAxis.Area"] = "Budget" }, "AxisNote");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, axis.StatusCode);
        Assert.Equal($"{url}/plan?axisId=42&handler=AxisNote", axis.Headers.Location!.OriginalString);
        // A handler the page never had: back to the page.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, url, [], "Nope")).StatusCode);
    }

    [Fact]
    public async Task Action_plan_axes_take_notes_and_statuses()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-1), 12);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var url = MeasureUrl(h.HouseholdId, measureId) + "/plan";
        var added = await Forms.PostAsync(worker, url, new()
        {
            ["NewAxis.Area"] = "Budget", ["NewAxis.Objective"] = "Tenir un budget", ["NewAxis.Actions"] = "Point mensuel", ["NewAxis.Who"] = "La CESF",
        }, "AddAxis");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var twice = await (await Forms.PostAsync(worker, url, new() { ["NewAxis.Area"] = "Budget", ["NewAxis.Objective"] = "Encore" }, "AddAxis")).TextAsync();
        Assert.Contains("Le plan d'action a déjà un axe « Gestion du budget ».", twice);
        var axisId = await app.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measureId).SelectMany(m => m.Axes).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, $"{url}?axisId={axisId}", new() { ["ChangeStatus.Status"] = "InProgress" }, "AxisStatus")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, $"{url}?axisId={axisId}", new() { ["Note.Text"] = "Premier point fait", ["Note.WrittenOn"] = Today.ToString("yyyy-MM-dd") }, "AxisNote")).StatusCode);
        var back = await (await Forms.PostAsync(worker, $"{url}?axisId={axisId}", new() { ["ChangeStatus.Status"] = "ToStart" }, "AxisStatus")).TextAsync();
        Assert.Contains("Un axe « En cours » ne peut pas revenir « À engager ».", back);
        Assert.Contains($"id=\"axe-{axisId}-statut-error\" class=\"field-error\">Un axe « En cours » ne peut pas revenir « À engager ».</span>", back);
        var tooLong = await (await Forms.PostAsync(worker, $"{url}?axisId={axisId}", new() { ["Note.Text"] = new string('n', 4001) + "fin" }, "AxisNote")).TextAsync();
        Assert.Contains($"id=\"axe-{axisId}-note-error\" class=\"field-error\">La note ne doit pas dépasser 4 000 caractères.</span>", tooLong);
        Assert.Contains(new string('n', 4001) + "fin</textarea>", tooLong);
        var page = await (await worker.GetAsync(url)).TextAsync();
        Assert.Contains("Point mensuel\nQui : La CESF", page);
        Assert.Contains("Premier point fait", page);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "Review")]
    [InlineData("", "Payment")]
    [InlineData("", "AxisStatus")]
    [InlineData("", "Nope")]
    [InlineData("/diagnostic", "")]
    [InlineData("/diagnostic", "Nope")]
    [InlineData("/plan", "AddAxis")]
    [InlineData("/plan", "AxisStatus")]
    [InlineData("/plan", "AxisNote")]
    [InlineData("/plan", "Nope")]
    [InlineData("/bilans", "")]
    [InlineData("/renouvellement", "")]
    [InlineData("/bail", "Payment")]
    [InlineData("/bail", "CreateLease")]
    [InlineData("/bail", "")]
    public async Task Garbage_posts_to_the_measure_pages_never_fail(string section, string handler)
    {
        var h = await HouseholdAsync(app);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Iml, Today.AddMonths(-2), 12);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var garbage = new Dictionary<string, string>
        {
            ["Review.Months"] = "x'; --", ["Review.HeldOn"] = "31/02/2026", ["Review.Decision"] = "99", ["Review.Progress[abc]"] = "\0",
            ["Review.RenewalMonths"] = "-5", ["Review.Stable"] = "peut-être", ["Renewal.Months"] = "9999999999", ["Renewal.DecidedOn"] = "hier",
            ["Payment.PaidOn"] = "0000-00-00", ["Payment.Amount"] = "-1e30", ["NewLease.Rent"] = "abc", ["NewLease.DwellingId"] = "-1",
            ["NewLease.StartsOn"] = "2026-13-01", ["NewAxis.Area"] = "42", ["ChangeStatus.Status"] = "Bogus", ["Note.WrittenOn"] = "x", ["Note.Text"] = new string('a', 5000),
            ["Diag.Text"] = "\u0001",
        };
        var url = MeasureUrl(h.HouseholdId, measureId) + section;
        var response = await Forms.PostAsync(worker, $"{url}?axisId=999999", garbage, handler.Length == 0 ? null : handler);
        Assert.True((int)response.StatusCode < 500, $"{section} {handler}: {(int)response.StatusCode}");
        var empty = await Forms.PostAsync(worker, url, [], handler.Length == 0 ? null : handler);
        Assert.True((int)empty.StatusCode < 500, $"{section} {handler} (empty): {(int)empty.StatusCode}");
    }

    [Theory]
    [InlineData("/suivi/veille", "Flag")]
    [InlineData("/suivi/veille", "Note")]
    [InlineData("/suivi/veille", "Lift")]
    [InlineData("/suivi/veille", "Incident")]
    [InlineData("/suivi/veille", "FollowUp")]
    [InlineData("/suivi/fonds-aide", "CreateFund")]
    [InlineData("/suivi/fonds-aide", "SetBudget")]
    [InlineData("/suivi/fonds-aide", "Grant")]
    [InlineData("ACCOMPAGNEMENT", null)]
    [InlineData("SORTIE", null)]
    [InlineData("SORTIE", "Record")]
    public async Task Garbage_posts_to_the_other_pages_never_fail(string url, string? handler)
    {
        var h = await HouseholdAsync(app, withStay: false);
        url = url switch
        {
            "ACCOMPAGNEMENT" => $"/suivi/menages/{h.HouseholdId}/accompagnement",
            "SORTIE" => $"/suivi/menages/{h.HouseholdId}/sortie",
            _ => url,
        };
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var garbage = new Dictionary<string, string>
        {
            ["householdId"] = "abc", ["reason"] = new string('r', 3000), ["text"] = "\0", ["kind"] = "12", ["occurredOn"] = "32/13/2020",
            ["description"] = "", ["residenceId"] = "-4", ["followUp"] = "", ["fundYear"] = "99999999999", ["budget"] = "1e40",
            ["monthlyAmount"] = "NaN", ["months"] = "-3", ["startMonth"] = "2026-00", ["Open.Kind"] = "7", ["Open.Funder"] = "x",
            ["Open.StartsOn"] = "demain", ["Open.Months"] = "2147483648", ["Input.ExitedOn"] = "0001-01-01", ["Input.Destination"] = "-1",
            ["Input.Details"] = "\u0002",
        };
        var response = await Forms.PostAsync(manager, $"{url}?entryId=abc&incidentId=-1", garbage, handler);
        Assert.True((int)response.StatusCode < 500, $"{url} {handler}: {(int)response.StatusCode}");
        var empty = await Forms.PostAsync(manager, url, [], handler);
        Assert.True((int)empty.StatusCode < 500, $"{url} {handler} (empty): {(int)empty.StatusCode}");
    }

    [Fact]
    public async Task The_daily_job_warns_the_referent_once_about_a_late_review()
    {
        var h = await HouseholdAsync(app);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-7), 12);
        await using (var scope = app.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<ReviewWarningJob>(scope.ServiceProvider);
            await job.RunAsync(CancellationToken.None);
        }
        await using (var scope = app.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<ReviewWarningJob>(scope.ServiceProvider);
            await job.RunAsync(CancellationToken.None);
        }
        var emails = await app.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject.Contains(h.Name)).ToListAsync());
        var email = Assert.Single(emails);
        Assert.Equal(PortalApp.Worker1, email.ToAddress);
        Assert.StartsWith("Bilan en retard", email.Subject);
        Assert.Contains($"/suivi/menages/{h.HouseholdId}/accompagnement/mesures/{measureId}", email.TextBody);
        Assert.Equal(Today.AddMonths(-7).AddMonths(6), await app.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measureId).Select(m => m.ReviewsWarnedUntil).SingleAsync()));
    }
}

[Collection(PortalCollection.Name)]
public class SupportDashboardTests(PortalApp app)
{
    [Fact]
    public async Task Late_reviews_are_listed_for_the_team_only()
    {
        var h = await HouseholdAsync(app, withStay: false);
        var measureId = await MeasureAsync(app, h.HouseholdId, SupportKind.Asll, Today.AddMonths(-7), 12);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var worker1 = await db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => new { u.Id, u.TeamId }).SingleAsync();
        var worker2 = await db.Users.Where(u => u.Email == PortalApp.Worker2).Select(u => new { u.Id, u.TeamId }).SingleAsync();

        var (late, _) = await SupportDashboard.ReviewsAsync(db, new StaffScope(worker1.Id, "Claire Martin", false, worker1.TeamId), Today);
        var row = Assert.Single(late, r => r.MeasureId == measureId);
        Assert.Equal(h.Name, row.HouseholdName);
        Assert.Equal(6, row.Review.MonthsFromStart);
        var (otherLate, _) = await SupportDashboard.ReviewsAsync(db, new StaffScope(worker2.Id, "Karim Benali", false, worker2.TeamId), Today);
        Assert.DoesNotContain(otherLate, r => r.MeasureId == measureId);
    }
}
