using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.SuiviData;

namespace Portal.Tests.Pages.Suivi.Demandes;

[Collection(PortalCollection.Name)]
public class DetailsTests(PortalApp app)
{
    private const string WorkerName = "Claire Martin";

    private static void Household(HousingRequest r, decimal rent, decimal charges, params (IncomeKind Kind, decimal Amount)[] incomes)
    {
        r.DescribeWishes(r.Typologies, r.Towns, r.Accessibility, r.AccessibilityDetails, rent, charges);
        r.DeclareIncomes([.. r.Incomes, .. incomes.Select(i => new IncomeLine(i.Kind, i.Amount))]);
    }

    /// The thread has its own page beside the request's; every other action is on the request's page.
    private static string PageOf(Created c, string handler) => handler == "Message" ? $"{c.Url}/messages" : c.Url;

    private static Task<HttpResponseMessage> Post(HttpClient client, Created c, string handler, Dictionary<string, string>? fields = null) =>
        Forms.PostAsync(client, PageOf(c, handler), fields ?? [], handler);

    [Fact]
    public async Task Page_shows_the_household_resources_and_a_rent_burden_above_30_percent()
    {
        var c = await CreateAsync(app, "Nord", "Inès", Token(), r =>
        {
            SuiviData.Household(r, new MemberDetails(null, "Noé", "Petit", new DateOnly(2018, 2, 1), Relationship.Child));
            r.DescribeSituation(CurrentSituation.HostedByThirdParty, "Hébergée chez une amie.", r.TargetGroups, r.IsDalo, r.DaloDecisionDate, DateOnly.FromDateTime(DateTime.UtcNow));
            r.DescribeWishes(r.Typologies, "Lille, Roubaix", r.Accessibility, r.AccessibilityDetails, r.AffordableRent, r.AffordableCharges);
            Household(r, 500m, 50m, (IncomeKind.Salary, 1000m), (IncomeKind.FamilyAllowance, 200m), (IncomeKind.HousingBenefit, 150m));
        });
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await worker.GetAsync(c.Url);
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(c.Reference, html);
        Assert.Contains("Noé Petit", html);
        Assert.Contains("Hébergée chez une amie.", html);
        Assert.Contains("Lille, Roubaix", html);
        // (500 + 50 − 150) ÷ (1 000 + 200) = 33,3 %; the benefit is not a resource.
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<dd id=\"ressources-total\">1\u202F200,00\u00A0€</dd>", text);
        Assert.Contains("<span>33,3\u00A0%</span>", text);
        Assert.Contains("Au-dessus de 30 %", html);
        Assert.Contains("le fonds d'aide au logement peut être sollicité", html);
    }

    [Fact]
    public async Task Rent_burden_below_30_percent_is_not_flagged()
    {
        var c = await CreateAsync(app, "Nord", "Jules", Token(), r => Household(r, 300m, 0m, (IncomeKind.Salary, 1200m), (IncomeKind.HousingBenefit, 150m)));
        var html = WebUtility.HtmlDecode(await (await (await app.SignedInAsync(PortalApp.Worker1)).GetAsync(c.Url)).HtmlAsync());
        Assert.Contains("<span>12,5\u00A0%</span>", html);
        Assert.DoesNotContain("Au-dessus de 30 %", html);
    }

    [Fact]
    public async Task Worker_of_another_team_gets_404_everywhere()
    {
        var c = await CreateAsync(app, "Sud", "Karine", Token());
        var documentId = await AddDocumentAsync(c.Id);
        var worker = await app.SignedInAsync(PortalApp.Worker1);

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(c.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{c.Url}?handler=Document&documentId={documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{c.Url}?handler=Document&documentId={documentId}&download=true")).StatusCode);
        foreach (var handler in new[] { "TakeInCharge", "RequestDocuments", "Committee", "Close", "Message", "AssignTeam" })
        {
            var response = await PostWithQueueTokenAsync(worker, $"{PageOf(c, handler)}?handler={handler}", new()
            {
                ["Ask.Kinds"] = "TaxNotice", ["Closing.Reason"] = "x", ["Message.Body"] = "x", ["Assign.TeamId"] = "1",
            });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler} answered {(int)response.StatusCode}");
        }
        var unchanged = await LoadAsync(app, c.Id);
        Assert.Equal(RequestStatus.Submitted, unchanged.Status);
        Assert.Empty(unchanged.Messages);

        // Their own colleagues and the manager open it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(PortalApp.Worker2)).GetAsync(c.Url)).StatusCode);
        var manager = await app.SignedInAsync(PortalApp.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(c.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{c.Url}?handler=Document&documentId={documentId}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_or_mismatched_ids_are_404()
    {
        var c = await CreateAsync(app, "Nord", "Laure", Token());
        var other = await CreateAsync(app, "Nord", "Marc", Token());
        var documentId = await AddDocumentAsync(other.Id);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync("/suivi/demandes/999999999")).StatusCode);
        // A document of another request is not reachable through this one.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{c.Url}?handler=Document&documentId={documentId}")).StatusCode);
    }

    [Fact]
    public async Task Documents_open_inline_or_download_with_their_sniffed_type()
    {
        var c = await CreateAsync(app, "Nord", "Nina", Token());
        var documentId = await AddDocumentAsync(c.Id);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var html = await (await worker.GetAsync(c.Url)).HtmlAsync();
        Assert.Contains("avis imposition é.pdf", html);

        var inline = await worker.GetAsync($"{c.Url}?handler=Document&documentId={documentId}");
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", inline.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF-", await inline.Content.ReadAsStringAsync());

        var download = await worker.GetAsync($"{c.Url}?handler=Document&documentId={documentId}&download=true");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("avis imposition é.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task Take_in_charge_moves_to_under_review_names_the_referent_and_emails_the_person()
    {
        var c = await CreateAsync(app, "Nord", "Olga", Token());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await Post(worker, c, "TakeInCharge");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await LoadAsync(app, c.Id);
        Assert.Equal(RequestStatus.UnderReview, saved.Status);
        var me = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == PortalApp.Worker1));
        Assert.Equal(me.Id, saved.ReferentId);
        var e = saved.Events.Single(e => e.ToStatus == RequestStatus.UnderReview);
        Assert.Equal(WorkerName, e.ActorName);
        Assert.Equal(me.Id, e.ActorId);

        var page = await (await worker.GetAsync(response.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Contains("Vous avez pris en charge la demande", page);
        Assert.Contains($"par <span class=\"timeline__actor\">{WorkerName}</span>", page);
        Assert.Contains("Déposée → <strong>En instruction</strong>", page);

        var mail = await app.Mail.WaitForAsync(c.Email);
        Assert.Contains(c.Reference, mail.Subject);
        Assert.Contains("En instruction", mail.Subject);
    }

    [Fact]
    public async Task Asking_for_two_documents_records_them_and_emails_the_list()
    {
        var c = await CreateAsync(app, "Nord", "Pierre", Token(), then: RequestAction.TakeInCharge);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var html = await (await worker.GetAsync(c.Url)).HtmlAsync();
        Assert.Contains("<legend>Pièces à demander</legend>", html);
        Assert.Contains("name=\"Ask.Kinds\" value=\"TaxNotice\"", html);

        var response = await Forms.PostAsync(worker, c.Url, [], "RequestDocuments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cochez au moins une pièce à demander.", await response.HtmlAsync());
        Assert.Equal(RequestStatus.UnderReview, (await LoadAsync(app, c.Id)).Status);

        var content = new List<KeyValuePair<string, string>>
        {
            new("Ask.Kinds", "TaxNotice"), new("Ask.Kinds", "CafCertificate"), new("Ask.Note", "Les trois derniers mois."),
        };
        var token = Forms.Token(await (await worker.GetAsync(c.Url)).HtmlAsync());
        content.Add(new("__RequestVerificationToken", token));
        response = await worker.PostAsync($"{c.Url}?handler=RequestDocuments", new FormUrlEncodedContent(content));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await LoadAsync(app, c.Id);
        Assert.Equal(RequestStatus.DocumentsRequested, saved.Status);
        Assert.Equal(new[] { SupportingDocumentKind.TaxNotice, SupportingDocumentKind.CafCertificate }.Order(),
            saved.RequestedDocuments.Select(d => d.Kind).Order());
        Assert.All(saved.RequestedDocuments, d => Assert.Equal("Les trois derniers mois.", d.Note));
        Assert.Contains(saved.Events, e => e.ToStatus == RequestStatus.DocumentsRequested && e.ActorName == WorkerName);

        var mail = await app.Mail.WaitForAsync(c.Email);
        Assert.Contains("pièces à fournir", mail.Subject);
        Assert.Contains("Avis d'imposition", mail.Text);
        Assert.Contains("Attestation CAF", mail.Text);
        Assert.Contains("Les trois derniers mois.", mail.Text);
    }

    [Fact]
    public async Task Marking_ready_for_the_committee_moves_it_and_emails_the_person()
    {
        var c = await CreateAsync(app, "Nord", "Quentin", Token(), then: RequestAction.TakeInCharge);
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.Contains("Marquer prête pour la commission", await (await worker.GetAsync(c.Url)).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(worker, c, "Committee")).StatusCode);
        Assert.Equal(RequestStatus.PresentedToCommittee, (await LoadAsync(app, c.Id)).Status);
        var mail = await app.Mail.WaitForAsync(c.Email);
        Assert.Contains("Présentée en commission", mail.Subject);
    }

    [Fact]
    public async Task An_action_the_rules_refuse_shows_a_french_message_and_changes_nothing()
    {
        var c = await CreateAsync(app, "Nord", "Rémi", Token());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        Assert.DoesNotContain("Marquer prête pour la commission", await (await worker.GetAsync(c.Url)).HtmlAsync());
        var response = await Post(worker, c, "Committee");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Action impossible : une demande « Déposée » ne peut pas être présentée en commission.", await response.HtmlAsync());
        var saved = await LoadAsync(app, c.Id);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        Assert.Equal(2, saved.Events.Count);
    }

    [Fact]
    public async Task Closing_needs_a_reason_which_is_emailed()
    {
        var c = await CreateAsync(app, "Nord", "Sarah", Token());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var response = await Post(worker, c, "Close", new() { ["Closing.Reason"] = "   " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Indiquez le motif de la clôture : il sera communiqué à la personne.", await response.HtmlAsync());
        Assert.Equal(RequestStatus.Submitted, (await LoadAsync(app, c.Id)).Status);

        const string reason = "Vous avez trouvé un logement : nous clôturons la demande. Bonne installation !";
        response = await Post(worker, c, "Close", new() { ["Closing.Reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await LoadAsync(app, c.Id);
        Assert.Equal(RequestStatus.Closed, saved.Status);
        Assert.Equal(reason, saved.ClosingReason);
        var mail = await app.Mail.WaitForAsync(c.Email);
        Assert.Contains("Clôturée", mail.Subject);
        Assert.Contains(reason, mail.Text);
        var page = await (await worker.GetAsync(c.Url)).HtmlAsync();
        Assert.Contains("Aucune action n'est possible", page);
    }

    [Fact]
    public async Task A_change_made_meanwhile_by_someone_else_is_reported()
    {
        var c = await CreateAsync(app, "Nord", "Thierry", Token());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var seenVersion = (await LoadAsync(app, c.Id)).Version;
        await app.WithDbAsync(async db =>
        {
            var r = await db.HousingRequests.SingleAsync(x => x.Id == c.Id);
            r.Move(RequestAction.TakeInCharge, null, "Collègue", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var response = await Post(worker, c, "Close", new() { ["version"] = seenVersion.ToString(), ["Closing.Reason"] = "Doublon" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cette demande vient d'être modifiée par quelqu'un d'autre ; rechargez la page.", WebUtility.HtmlDecode(await response.HtmlAsync()));
        Assert.Equal(RequestStatus.UnderReview, (await LoadAsync(app, c.Id)).Status);
    }

    [Fact]
    public async Task Hostile_text_comes_back_exactly_as_typed_and_never_runs()
    {
        const string first = "<script>alert('x')</script>";
        const string last = "O'Brien & \"Zoé\" 🏠 \u200Fمرحبا\u202E";
        var c = await CreateAsync(app, "Nord", first, last, r => r.DescribeSituation(r.Situation, "<img src=x onerror=alert(1)> & co", r.TargetGroups, r.IsDalo, r.DaloDecisionDate, DateOnly.FromDateTime(DateTime.UtcNow)));
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        const string prefix = "<b>gras</b> & « guillemets » \u202E";
        var hostileBody = prefix + new string('é', 5000 - prefix.Length);
        var posted = await Post(worker, c, "Message", new() { ["Message.Body"] = hostileBody });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(hostileBody, (await LoadAsync(app, c.Id)).Messages.Single().Body);

        foreach (var url in new[] { c.Url, "/suivi/demandes?q=" + Uri.EscapeDataString(c.Reference) })
        {
            var html = await (await worker.GetAsync(url)).HtmlAsync();
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            var text = WebUtility.HtmlDecode(html);
            Assert.Contains($"{first} {last}", text);
            if (url == c.Url)
            {
                Assert.DoesNotContain("<b>gras</b>", html);
                Assert.Contains(hostileBody, text);
                Assert.Contains("<img src=x onerror=alert(1)> & co", text);
            }
        }
    }

    [Fact]
    public async Task A_message_joins_the_thread_in_place_and_emails_the_person()
    {
        var c = await CreateAsync(app, "Nord", "Ursula", Token());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        var page = await (await worker.GetAsync(c.Url)).HtmlAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{c.Url}/messages?handler=Message")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Message.Body"] = "Pouvez-vous passer jeudi à 10 h ?",
                ["__RequestVerificationToken"] = Forms.Token(page),
            }),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await worker.SendAsync(request);
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html);
        Assert.StartsWith("<section class=\"card\" id=\"fil\"", html.TrimStart());
        Assert.Contains("Pouvez-vous passer jeudi à 10 h ?", html);
        Assert.Contains("Votre message est envoyé.", html);

        var saved = (await LoadAsync(app, c.Id)).Messages.Single();
        Assert.True(saved.FromStaff);
        Assert.Equal(WorkerName, saved.AuthorName);
        var mail = await app.Mail.WaitForAsync(c.Email);
        Assert.Contains("nouveau message", mail.Subject);
        Assert.DoesNotContain("jeudi", mail.Text);

        var empty = await Post(worker, c, "Message", new() { ["Message.Body"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Écrivez votre message.", await empty.HtmlAsync());
    }

    [Fact]
    public async Task A_message_form_left_open_from_before_the_thread_page_still_reaches_it()
    {
        var c = await CreateAsync(app, "Nord", "Xavier", Token());
        var worker = await app.SignedInAsync(PortalApp.Worker1);
        foreach (var (handler, page) in new[] { ("Message", "messages"), ("OpenHousehold", "dossier-menage") })
        {
            var forwarded = await Forms.PostAsync(worker, c.Url, new() { ["Message.Body"] = "Bonjour" }, handler);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, forwarded.StatusCode);
            Assert.Equal($"{c.Url}/{page}?handler={handler}", forwarded.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, c.Url, [], "Inconnu")).StatusCode);
        Assert.Empty((await LoadAsync(app, c.Id)).Messages);
    }

    [Fact]
    public async Task Manager_assigns_a_team_to_a_request_no_team_covers()
    {
        var c = await CreateAsync(app, null, "Victor", Token());
        var sudId = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Sud").Select(t => t.Id).SingleAsync());
        var worker = await app.SignedInAsync(PortalApp.Worker2);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(c.Url)).StatusCode);

        var manager = await app.SignedInAsync(PortalApp.Manager);
        Assert.Contains("Attribuer à une équipe", await (await manager.GetAsync(c.Url)).HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await Post(manager, c, "AssignTeam", new() { ["Assign.TeamId"] = "" })).StatusCode);
        var response = await Post(manager, c, "AssignTeam", new() { ["Assign.TeamId"] = sudId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await LoadAsync(app, c.Id);
        Assert.Equal(sudId, saved.TeamId);
        var e = saved.Events.Single(e => e.Kind == RequestEventKind.TeamAssigned);
        Assert.False(e.VisibleToApplicant);
        Assert.Equal("Romain Responsable", e.ActorName);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync(c.Url)).StatusCode);
        // Now in a team's hands, a social worker of that team cannot reassign it.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(worker, c, "AssignTeam", new() { ["Assign.TeamId"] = sudId.ToString() })).StatusCode);
    }

    [Theory]
    [InlineData("TakeInCharge")]
    [InlineData("RequestDocuments")]
    [InlineData("Committee")]
    [InlineData("Close")]
    [InlineData("Message")]
    [InlineData("AssignTeam")]
    [InlineData("Inconnu")]
    public async Task Empty_and_garbage_posts_never_fail(string handler)
    {
        var c = await CreateAsync(app, "Nord", "Wanda", Token(), then: RequestAction.TakeInCharge);
        var huge = new string('é', 6000);
        var garbage = new Dictionary<string, string>[]
        {
            [],
            new() { ["version"] = "abc", ["Ask.Kinds"] = "zzz", ["Ask.Note"] = huge, ["Closing.Reason"] = huge, ["Message.Body"] = huge, ["Assign.TeamId"] = "abc" },
            new() { ["version"] = "99999999999", ["Ask.Kinds"] = "99", ["Closing.Reason"] = "\u0000", ["Message.Body"] = "\u0000", ["Assign.TeamId"] = "2147483647" },
            new() { ["version"] = "-1", ["Ask.Kinds"] = "TaxNotice", ["Closing.Reason"] = "<script>", ["Message.Body"] = "<script>", ["Assign.TeamId"] = "-5" },
        };
        foreach (var who in new[] { PortalApp.Worker1, PortalApp.Manager })
        {
            var client = await app.SignedInAsync(who);
            foreach (var fields in garbage)
            {
                var response = await Post(client, c, handler, fields);
                Assert.True((int)response.StatusCode < 500, $"{handler} answered {(int)response.StatusCode}");
                Assert.DoesNotContain("<script>", (await response.HtmlAsync()).Replace("<script src=", ""));
            }
        }
    }

    private async Task<long> AddDocumentAsync(long requestId) => await app.WithDbAsync(async db =>
    {
        var request = await db.HousingRequests.SingleAsync(r => r.Id == requestId);
        var doc = new RequestDocument(SupportingDocumentKind.TaxNotice, "avis imposition é.pdf", "application/pdf", "%PDF-1.4\n%test\n"u8.ToArray(),
            request.ApplicantId, DateTime.UtcNow);
        request.AddDocument(doc, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return doc.Id;
    });
}
