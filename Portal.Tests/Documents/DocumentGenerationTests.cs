using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Documents.Templates;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Testing;
using Portal.Tests.Documents.Templates;

namespace Portal.Tests.Documents;

/// Documents generated from the screens: the request, the background job, the status polled in
/// place, the download, versions, sharing with the person, and who may see what.
[Collection(PortalCollection.Name)]
public partial class DocumentGenerationTests(PortalApp app)
{
    private sealed record Case(long HouseholdId, string Name, long MeasureId, long SessionId, long OtherHouseholdId);

    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    /// A household of worker 1's team, whose account is resident 1's, with an IML measure, its
    /// axes and 6-month review, a sliding lease with payments and a committee session that examined it.
    private async Task<Case> CreateCaseAsync(string tag)
    {
        return await app.WithDbAsync(async db =>
        {
            var worker = await db.Users.SingleAsync(u => u.Email == PortalApp.Worker1);
            var resident = await db.Users.SingleAsync(u => u.Email == PortalApp.Resident1);
            var now = DateTime.UtcNow;
            var name = $"{AllKindsTests.Hostile} {tag}";
            var household = new Household
            {
                Name = name, SearchName = name.ToUpperInvariant(), TeamId = worker.TeamId, ReferentId = worker.Id, ResidentId = resident.Id,
                Situation = CurrentSituation.HostedByThirdParty, SituationDetails = "Note : <script>alert(1)</script> & {{situation}}",
                TargetGroups = TargetGroups.Young18To25, CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            household.Persons.Add(new HouseholdPerson { FirstName = "Inès", LastName = $"Test{tag}", Relationship = Relationship.Applicant, BirthDate = new DateOnly(1999, 5, 4) });
            household.Persons.Add(new HouseholdPerson { FirstName = "Noé", LastName = $"Test{tag}", Relationship = Relationship.Child, Position = 1 });
            household.Incomes.Add(new HouseholdIncome { Kind = IncomeKind.Salary, MonthlyAmount = 1234.5m });
            var other = new Household { Name = $"AUTRE {tag}", SearchName = $"AUTRE {tag}", TeamId = worker.TeamId, CreatedAtUtc = now, UpdatedAtUtc = now };
            var committee = new Committee($"Commission documents {tag}", CommitteeKind.DecisionBody);
            db.AddRange(household, other, committee);
            await db.SaveChangesAsync();

            var start = DateOnly.FromDateTime(now).AddMonths(-8);
            var measure = SupportMeasure.Open(household.Id, SupportKind.Iml, Funder.Ddets, start, 12);
            measure.AddAxis(ActionArea.Budget, $"Solder la dette {tag}", "Dossier FSL\nÉchéancier").AddNote(start.AddMonths(1), worker.Id, "Dossier déposé");
            measure.AddAxis(ActionArea.RightsAccess, "Ouvrir les droits APL", null);
            var member = new CommitteeMember { CommitteeId = committee.Id, Name = $"Présidente {tag}", Organisation = "CCAS", Role = "Présidente" };
            var session = new CommitteeSession(committee.Id, start.AddDays(-10));
            var item = session.AddItem(AgendaSubject.Household, household.Id, worker.Id, "Situation");
            session.Postpone(item, "Pièces à compléter");
            db.AddRange(measure, member, session);
            await db.SaveChangesAsync();
            var lease = new SlidingLease(household.Id, measure.Id, $"Bailleur {tag}", start, 420m, 60m);
            lease.RecordPayment(start.AddDays(5), 480m, "virement");
            lease.RecordPayment(start.AddMonths(1).AddDays(3), 300m, "virement");
            db.Add(lease);
            db.Add(new CommitteeAttendance { CommitteeSessionId = session.Id, CommitteeMemberId = member.Id });
            measure.RecordReview(6, start.AddMonths(6), ReviewDecision.Continue, "Avancée nette <b>& {{bilan}}</b>");
            await db.SaveChangesAsync();
            return new Case(household.Id, name, measure.Id, session.Id, other.Id);
        });
    }

    [GeneratedRegex("RequestVerificationToken(?:&quot;|\")\\s*:\\s*(?:&quot;|\")([^&\"]+)")]
    private static partial Regex LayoutTokenPattern();

    /// The antiforgery token the layout gives htmx (every page has it, with or without a form).
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await (await client.GetAsync("/suivi/documents")).HtmlAsync();
        return LayoutTokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no token");
    }

    private static async Task<HttpResponseMessage> GenerateAsync(HttpClient client, string token, string kind, string subject, string key, bool share = false, bool htmx = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Kind"] = kind, ["Subject"] = subject, ["Key"] = key,
            ["Target"] = DocumentDesk.SafeId($"docgen-{kind}-{subject}"),
        };
        if (share) fields["Share"] = "true";
        var post = new HttpRequestMessage(HttpMethod.Post, "/suivi/documents?handler=Generate") { Content = new FormUrlEncodedContent(fields) };
        if (htmx) post.Headers.Add("HX-Request", "true");
        return await client.SendAsync(post);
    }

    private static long RequestId(string fragment) =>
        long.Parse(Regex.Match(fragment, "id=\"docstatus-(\\d+)\"").Groups[1].Value);

    private static async Task<string> ReadyAsync(HttpClient client, long id) =>
        await Forms.EventuallyAsync(
            async () => await (await client.GetAsync($"/suivi/documents?handler=Status&id={id}")).HtmlAsync(),
            html => html.Contains("Télécharger") || html.Contains("échoué"), TimeSpan.FromSeconds(60), $"document {id}");

    [Fact]
    public async Task Each_kind_is_generated_from_the_database_polled_in_place_and_downloads_a_valid_document_with_the_data()
    {
        var c = await CreateCaseAsync("GEN" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var workerToken = await TokenAsync(worker);
        var managerToken = await TokenAsync(manager);
        var year = DateTime.UtcNow.Year;
        var cleanName = c.Name.Replace("\u0001", "");
        var jobs = new (HttpClient Client, string Token, string Kind, string Subject, string[] Expected)[]
        {
            (worker, workerToken, ContratTripartite.Kind, DocumentSubject.MeasureKey(c.MeasureId), [cleanName, "Dossier FSL", "Gestion du budget", "IML sortie de structures", "Inès"]),
            (worker, workerToken, ContratAccompagnement.Kind, DocumentSubject.MeasureKey(c.MeasureId), [cleanName, "Bilan à 6 mois", "Ouvrir les droits APL"]),
            (worker, workerToken, BilanMesure.Kind, DocumentSubject.ReviewKey(c.MeasureId, 6), [cleanName, "Avancée nette <b>& {{bilan}}</b>", "Poursuite de la mesure", "Note : <script>alert(1)</script> & {{situation}}", "Dossier déposé"]),
            (worker, workerToken, FicheBilanEtat.Kind, DocumentSubject.ReviewKey(c.MeasureId, 10), [cleanName, "Bailleur", "480,00"]),
            (worker, workerToken, ProcesVerbal.Kind, DocumentSubject.SessionKey(c.SessionId), [cleanName, "Présidente", "Ajournement", "Pièces à compléter"]),
            (manager, managerToken, BilanActivite.Kind, DocumentSubject.YearKey(year, Funder.Ddets), ["IML sortie de structures", "Accompagnement individuel", "Hébergé(e) chez un tiers"]),
        };
        var dir = Directory.CreateTempSubdirectory("docx-gen-").FullName;
        try
        {
            var names = new List<(string File, string Kind)>();
            foreach (var (client, token, kind, subject, expected) in jobs)
            {
                var response = await GenerateAsync(client, token, kind, subject, Guid.NewGuid().ToString("N"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var fragment = await response.HtmlAsync();
                // Ready within the short wait (link at once), or still polled in place every second.
                Assert.True(fragment.Contains("every 1s") || fragment.Contains("Télécharger"), fragment);
                Assert.Contains("hx-swap-oob", fragment); // a fresh key for the next click
                var id = RequestId(fragment);
                var ready = await ReadyAsync(client, id);
                Assert.Contains("Télécharger", ready);
                Assert.DoesNotContain("every 1s", ready);

                var download = await client.GetAsync($"/suivi/documents/{id}");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(DocumentRenderer.DocxContentType, download.Content.Headers.ContentType!.MediaType);
                var bytes = await download.Content.ReadAsByteArrayAsync();
                using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
                {
                    Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => e.Description));
                    var text = doc.MainDocumentPart!.Document!.Body!.InnerText.Replace('\u202F', ' ').Replace('\u00A0', ' ');
                    foreach (var e in expected) Assert.True(text.Contains(e, StringComparison.Ordinal), $"{kind}: « {e} » missing");
                }
                var file = Path.Combine(dir, $"{kind}.docx");
                await File.WriteAllBytesAsync(file, bytes);
                names.Add((file, kind));
            }

            await Docx.Run("soffice", $"--headless --norestore -env:UserInstallation=file://{dir}/profile --convert-to pdf --outdir {dir} {string.Join(' ', names.Select(n => n.File))}");
            foreach (var (file, kind) in names)
            {
                var text = await Docx.Run("pdftotext", $"-layout {Path.ChangeExtension(file, ".pdf")} -");
                var expected = kind switch
                {
                    BilanActivite.Kind => "IML sortie de structures", // no household in a yearly report
                    ProcesVerbal.Kind => "Zoé <b>&amp;", // the name wraps in its narrow column
                    _ => AllKindsTests.HostileInPdf,
                };
                Assert.True(text.Contains(expected), $"{kind}: PDF text lacks « {expected} »");
                if (kind == ProcesVerbal.Kind) Assert.Contains("Ajournement", text);
            }

            var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.HouseholdId == c.HouseholdId).Select(a => a.Action).ToListAsync());
            Assert.Contains(AuditActions.ExportedDocument, audits);
            Assert.Contains(DocumentDesk.DownloadedAction, audits);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_same_form_posted_twice_stores_one_document_and_a_new_click_makes_the_next_version()
    {
        var c = await CreateCaseAsync("VER" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var token = await TokenAsync(worker);
        var subject = DocumentSubject.MeasureKey(c.MeasureId);
        var key = Guid.NewGuid().ToString("N");

        var both = await Task.WhenAll(
            GenerateAsync(worker, token, ContratAccompagnement.Kind, subject, key),
            GenerateAsync(worker, token, ContratAccompagnement.Kind, subject, key));
        var ids = await Task.WhenAll(both.Select(async r => RequestId(await r.HtmlAsync())));
        Assert.Equal(ids[0], ids[1]);
        await ReadyAsync(worker, ids[0]);
        var again = RequestId(await (await GenerateAsync(worker, token, ContratAccompagnement.Kind, subject, key)).HtmlAsync());
        Assert.Equal(ids[0], again);

        var second = RequestId(await (await GenerateAsync(worker, token, ContratAccompagnement.Kind, subject, Guid.NewGuid().ToString("N"))).HtmlAsync());
        Assert.NotEqual(ids[0], second);
        var ready = await ReadyAsync(worker, second);
        Assert.Contains("version 2", ready);

        var workerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == PortalApp.Worker1).Select(u => u.Id).SingleAsync());
        var docs = await app.WithDbAsync(db => db.GeneratedDocuments
            .Where(g => g.DocumentRequest!.Kind == ContratAccompagnement.Kind && g.DocumentRequest.SubjectKey == subject)
            .OrderBy(g => g.Version).Select(g => new { g.DocumentRequestId, g.Version, g.AuthorId }).ToListAsync());
        Assert.Equal([(ids[0], 1), (second, 2)], docs.Select(d => (d.DocumentRequestId, d.Version)).ToList());
        Assert.All(docs, d => Assert.Equal(workerId, d.AuthorId));
        Assert.Equal(2, await app.WithDbAsync(db => db.DocumentRequests.CountAsync(r => r.SubjectKey == subject && r.Kind == ContratAccompagnement.Kind)));

        var list = await (await worker.GetAsync("/suivi/documents")).HtmlAsync();
        Assert.Contains($"/suivi/documents/{second}", list);
    }

    [Fact]
    public async Task The_person_sees_and_downloads_only_the_documents_shared_with_their_own_household()
    {
        var c = await CreateCaseAsync("RES" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var token = await TokenAsync(worker);
        var shared = RequestId(await (await GenerateAsync(worker, token, ContratAccompagnement.Kind, DocumentSubject.MeasureKey(c.MeasureId), Guid.NewGuid().ToString("N"), share: true)).HtmlAsync());
        var notShared = RequestId(await (await GenerateAsync(worker, token, BilanMesure.Kind, DocumentSubject.ReviewKey(c.MeasureId, 6), Guid.NewGuid().ToString("N"))).HtmlAsync());
        Assert.Contains("Partagé avec la personne", await ReadyAsync(worker, shared));
        await ReadyAsync(worker, notShared);

        var resident = await app.SignedInAsync(PortalApp.Resident1);
        var page = await (await resident.GetAsync("/espace/documents")).HtmlAsync();
        Assert.Contains($"/espace/documents/{shared}", page);
        Assert.DoesNotContain($"/espace/documents/{notShared}", page);
        var download = await resident.GetAsync($"/espace/documents/{shared}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DocumentRenderer.DocxContentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/espace/documents/{notShared}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/espace/documents/987654321")).StatusCode);

        var stranger = await app.SignedInAsync(PortalApp.Resident2);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/espace/documents/{shared}")).StatusCode);
        Assert.DoesNotContain($"/espace/documents/{shared}", await (await stranger.GetAsync("/espace/documents")).HtmlAsync());
        // Residents never reach the staff side.
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync($"/suivi/documents/{shared}")).StatusCode);
    }

    [Fact]
    public async Task Staff_of_another_team_get_a_404_for_generating_polling_and_downloading()
    {
        var c = await CreateCaseAsync("TEAM" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var id = RequestId(await (await GenerateAsync(worker, await TokenAsync(worker), ContratTripartite.Kind, DocumentSubject.MeasureKey(c.MeasureId), Guid.NewGuid().ToString("N"))).HtmlAsync());
        await ReadyAsync(worker, id);

        var other = await app.SignedInAsync(PortalApp.Worker2);
        var token = await TokenAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await GenerateAsync(other, token, ContratTripartite.Kind, DocumentSubject.MeasureKey(c.MeasureId), Guid.NewGuid().ToString("N"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/suivi/documents?handler=Status&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/suivi/documents/{id}")).StatusCode);
        Assert.DoesNotContain($"/suivi/documents/{id}\"", await (await other.GetAsync("/suivi/documents")).HtmlAsync());
        // The minutes are about no household: only who asked for them and managers.
        var pv = RequestId(await (await GenerateAsync(worker, await TokenAsync(worker), ProcesVerbal.Kind, DocumentSubject.SessionKey(c.SessionId), Guid.NewGuid().ToString("N"))).HtmlAsync());
        await ReadyAsync(worker, pv);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/suivi/documents/{pv}")).StatusCode);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/suivi/documents/{pv}")).StatusCode);
        // The yearly report is for managers.
        Assert.Equal(HttpStatusCode.NotFound, (await GenerateAsync(worker, await TokenAsync(worker), BilanActivite.Kind, DocumentSubject.YearKey(2026, null), Guid.NewGuid().ToString("N"))).StatusCode);
    }

    [Fact]
    public async Task Minutes_naming_another_team_s_household_are_neither_generated_nor_downloaded_by_a_worker()
    {
        var c = await CreateCaseAsync("PV" + Guid.NewGuid().ToString("N")[..6]);
        // A household of team Sud, refused with a reason, on the same session as worker 1's household.
        var secret = $"SUD SECRET {Guid.NewGuid():N}"[..20];
        await app.WithDbAsync(async db =>
        {
            var south = await db.Users.SingleAsync(u => u.Email == PortalApp.Worker2);
            var household = new Household { Name = secret, SearchName = secret, TeamId = south.TeamId, ReferentId = south.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.Add(household);
            await db.SaveChangesAsync();
            var session = await db.CommitteeSessions.Include(s => s.Items).SingleAsync(s => s.Id == c.SessionId);
            session.AddItem(AgendaSubject.Household, household.Id, south.Id, "Situation");
            await db.SaveChangesAsync();
            return 0;
        });
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var subject = DocumentSubject.SessionKey(c.SessionId);

        var asked = await GenerateAsync(worker, await TokenAsync(worker), ProcesVerbal.Kind, subject, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);

        // Minutes made by a manager stay out of the worker's reach: list, status and download.
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var pv = RequestId(await (await GenerateAsync(manager, await TokenAsync(manager), ProcesVerbal.Kind, subject, Guid.NewGuid().ToString("N"))).HtmlAsync());
        await ReadyAsync(manager, pv);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/suivi/documents/{pv}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/suivi/documents/{pv}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/suivi/documents?handler=Status&id={pv}")).StatusCode);
        Assert.DoesNotContain($"/suivi/documents/{pv}\"", await (await worker.GetAsync("/suivi/documents")).HtmlAsync());
    }

    [Fact]
    public async Task Minutes_a_worker_made_before_another_team_s_item_was_added_are_no_longer_theirs()
    {
        var c = await CreateCaseAsync("PW" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var pv = RequestId(await (await GenerateAsync(worker, await TokenAsync(worker), ProcesVerbal.Kind, DocumentSubject.SessionKey(c.SessionId), Guid.NewGuid().ToString("N"))).HtmlAsync());
        await ReadyAsync(worker, pv);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/suivi/documents/{pv}")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var south = await db.Users.SingleAsync(u => u.Email == PortalApp.Worker2);
            var household = new Household { Name = "SUD AJOUT", SearchName = "SUD AJOUT", TeamId = south.TeamId, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.Add(household);
            await db.SaveChangesAsync();
            var session = await db.CommitteeSessions.Include(s => s.Items).SingleAsync(s => s.Id == c.SessionId);
            session.AddItem(AgendaSubject.Household, household.Id, south.Id, "Situation");
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/suivi/documents/{pv}")).StatusCode);
    }

    [Fact]
    public async Task Garbage_never_makes_a_500()
    {
        var c = await CreateCaseAsync("BAD" + Guid.NewGuid().ToString("N")[..6]);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var token = await TokenAsync(worker);
        var cases = new (string Kind, string Subject)[]
        {
            ("", ""), ("Inconnu", "measure:1"), (ContratTripartite.Kind, "measure:abc"), (ContratTripartite.Kind, "measure:-1"),
            (ContratTripartite.Kind, DocumentSubject.SessionKey(c.SessionId)), (BilanMesure.Kind, $"review:{c.MeasureId}:0"),
            (BilanMesure.Kind, $"review:{c.MeasureId}:7"), (BilanMesure.Kind, $"review:{c.MeasureId}"), (ProcesVerbal.Kind, "session:99999999"),
            (BilanActivite.Kind, "year:1999:funder:all"), (BilanActivite.Kind, "year:2026:funder:99"), (ContratTripartite.Kind, new string('9', 500)),
            (ContratTripartite.Kind, "measure:99999999999999999999999"), (DocumentKinds.TestSheet, "measure:1"), ("<script>", "{{x}}\u0001"),
        };
        foreach (var (kind, subject) in cases)
        {
            var response = await GenerateAsync(worker, token, kind, subject, new string('k', 300));
            // A control character is refused before the page runs (a 400 on every page), the rest is "not found".
            var expected = subject.Contains('\u0001') ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
            Assert.True(response.StatusCode == expected, $"{kind} / {subject}: {(int)response.StatusCode}");
        }
        var bare = await worker.PostAsync("/suivi/documents?handler=Generate", new FormUrlEncodedContent(new Dictionary<string, string> { ["Share"] = "peut-être" }));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var odd = await worker.PostAsync("/suivi/documents?handler=Generate", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["Share"] = "peut-être", ["Target"] = "\"><script>", ["Kind"] = ContratTripartite.Kind, ["Subject"] = DocumentSubject.MeasureKey(c.MeasureId) }));
        Assert.True(odd.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{(int)odd.StatusCode}");
        foreach (var url in new[] { "/suivi/documents?handler=Status&id=abc", "/suivi/documents?handler=Status", "/suivi/documents/0", "/suivi/documents/abc",
                     "/suivi/rapports?year=abc&funder=zzz", "/suivi/rapports?year=99999&funder=-1", "/espace/documents/abc" })
        {
            var client = url.StartsWith("/espace") ? await app.SignedInAsync(PortalApp.Resident1) : worker;
            var status = (await client.GetAsync(url)).StatusCode;
            Assert.True(status != HttpStatusCode.InternalServerError, $"{url}: 500");
        }
    }

    [Fact]
    public async Task Managers_read_the_year_figures_and_generate_the_report_there_workers_are_told_it_is_for_managers()
    {
        var c = await CreateCaseAsync("RAP" + Guid.NewGuid().ToString("N")[..6]);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        var year = DateTime.UtcNow.Year;
        var page = await (await manager.GetAsync($"/suivi/rapports?year={year}&funder={(int)Funder.Ddets}")).HtmlAsync();
        Assert.Contains("Ménages suivis", page);
        Assert.Contains("IML sortie de structures", page);
        Assert.Contains("Accompagnement individuel", page);
        Assert.Contains("1 500,00", page.Replace('\u202F', ' ').Replace('\u00A0', ' ').Replace("&#x202F;", " ").Replace("&#xA0;", " "));
        Assert.Contains($"value=\"{DocumentSubject.YearKey(year, Funder.Ddets)}\"", page);
        Assert.Contains("hx-post=\"/suivi/documents?handler=Generate\"", page);

        var report = await app.WithDbAsync(async db =>
        {
            await using var scope = app.Scope();
            return await new DocumentSources(db, TimeProvider.System, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).ActivityAsync(year, Funder.Ddets);
        });
        Assert.True(report.HouseholdsFollowed >= 1);
        Assert.Contains(report.Measures, m => m.Label == SupportKind.Iml.Label());
        Assert.Equal(ActivityCosts.YearlySupport, report.Costs.Single(l => l.Item == "Accompagnement individuel").UnitCost);

        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var workerPage = await (await worker.GetAsync("/suivi/rapports")).HtmlAsync();
        Assert.Contains("réservés aux responsables", workerPage);
        Assert.DoesNotContain("Ménages suivis", workerPage);
        _ = c;
    }

    [Fact]
    public async Task Admin_templates_page_offers_all_six_kinds_and_their_shipped_templates()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var index = await (await admin.GetAsync("/admin/modeles")).HtmlAsync();
        foreach (var kind in TemplateKinds.All)
        {
            Assert.Contains(WebUtility.HtmlEncode(kind.Title).Replace("&#x27;", "&#x27;"), WebUtility.HtmlEncode(WebUtility.HtmlDecode(index)));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/modeles/{kind.Slug}")).StatusCode);
            var shipped = await admin.GetAsync($"/admin/modeles/{kind.Slug}?handler=Default");
            Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
            Assert.Empty(TemplateCheck.Check(await shipped.Content.ReadAsByteArrayAsync(), kind.Dictionary));
        }
        Assert.Equal(6, TemplateKinds.All.Count);
    }
}
