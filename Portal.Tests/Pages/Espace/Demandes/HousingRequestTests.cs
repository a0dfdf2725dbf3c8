using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Requests;
using Portal.Testing;
using static Portal.Testing.RequestDrafts;

namespace Portal.Tests.Pages.Espace.Demandes;

/// The applicant's side of a housing request: the six steps, sending, the request page.
[Collection(PortalCollection.Name)]
public class HousingRequestTests(PortalApp app)
{
    [Fact]
    public async Task A_resident_fills_the_six_steps_sends_and_gets_a_reference_and_a_receipt()
    {
        var client = await app.SignedInAsync(PortalApp.Resident1);
        var id = await StartAsync(client);

        var step1 = await (await client.GetAsync(Step(id, 1))).HtmlAsync();
        Assert.Contains("Votre ménage", step1);
        Assert.Contains("Enregistrer et continuer", step1);

        await FillAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, Step(id, 5), "IdentityDocument", "carte d'identité.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, Step(id, 5), "CafCertificate", "attestation-caf.png", Png, "image/png")).StatusCode);
        await Expect(SaveAsync(client, id, 5, []), Step(id, 6));

        var summary = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(Step(id, 6))).HtmlAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains("Sophie Durand", summary);
        Assert.Contains("Noé Durand", summary);
        Assert.Contains("1 234,56", summary);
        Assert.Contains("Hébergé(e) chez un tiers", summary);
        Assert.Contains("Lille, Roubaix", summary);
        Assert.Contains("attestation-caf.png", summary);
        Assert.Contains("Envoyer ma demande", summary);
        Assert.Contains("href=\"/confidentialite\"", summary);

        await Expect(SendAsync(client, id), $"/espace/demandes/{id}");

        var request = await app.WithDbAsync(db => db.HousingRequests.SingleAsync(r => r.Id == id));
        var teamName = await app.WithDbAsync(db => db.Teams.Where(t => t.Id == request.TeamId).Select(t => t.Name).SingleOrDefaultAsync());
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Matches(@"^DL-\d{4}-\d{6}$", request.Reference);
        Assert.Equal($"DL-{request.SubmittedAtUtc!.Value.Year}-{id:D6}", request.Reference);
        Assert.Equal("Sophie DURAND", request.ApplicantName);
        Assert.Equal("DURAND SOPHIE", request.SearchName);
        Assert.Equal("Nord", teamName);
        Assert.NotNull(request.PrivacyAcceptedAtUtc);

        var details = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/espace/demandes/{id}")).HtmlAsync());
        Assert.Contains(request.Reference!, details);
        Assert.Contains("Déposée", details);
        Assert.Contains(RequestStatus.Submitted.Explanation(), details);
        Assert.Contains("id=\"pieces\"", details);
        Assert.Contains("id=\"messages\"", details);
        Assert.Contains("Présentée en commission", details); // among the steps ahead

        var mail = await app.Mail.WaitForAsync(PortalApp.Resident1, where: m => m.Subject.Contains(request.Reference!));
        Assert.Contains($"/espace/demandes/{id}", MailDev.LinkIn(mail, $"/espace/demandes/{id}"));

        var list = await (await client.GetAsync("/espace/demandes")).HtmlAsync();
        Assert.Contains(request.Reference!, list);
        var space = await (await client.GetAsync("/espace")).HtmlAsync();
        Assert.Contains("Mes demandes de logement", space);
    }

    [Fact]
    public async Task A_draft_is_kept_and_found_again_from_another_device()
    {
        var email = await NewResidentAsync(app);
        var phone = await app.SignedInAsync(email);
        var id = await StartAsync(phone);
        await Expect(SaveAsync(phone, id, 1, Household("Inès", "Benali")), Step(id, 2));
        await Expect(SaveAsync(phone, id, 3, new() { ["Input.Situation"] = "EmergencyShelter", ["Input.IsDalo"] = "true" }, go: "quit"), "/espace/demandes");
        await phone.PostAsync("/compte/deconnexion", null);

        var computer = await app.SignedInAsync(email);
        Assert.Equal(id, await StartAsync(computer));
        var step1 = await (await computer.GetAsync(Step(id, 1))).HtmlAsync();
        Assert.Contains("value=\"Inès\"", step1);
        Assert.Contains("value=\"Noé\"", step1);
        Assert.Contains("value=\"2016-07-14\"", step1);
        var step3 = await (await computer.GetAsync(Step(id, 3))).HtmlAsync();
        Assert.Matches("id=\"situation-EmergencyShelter\"[^>]*checked", step3);
        Assert.Matches("id=\"Input_IsDalo\"[^>]*checked", step3);
        var list = await (await computer.GetAsync("/espace/demandes")).HtmlAsync();
        Assert.Contains("Brouillon", list);
        Assert.Contains("Reprendre", list);
    }

    [Fact]
    public async Task A_refused_upload_says_why_at_the_field_and_keeps_the_draft()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        await Expect(SaveAsync(client, id, 1, Household("Paul", "Lemoine")), Step(id, 2));

        var fake = await UploadAsync(client, Step(id, 5), "TaxNotice", "avis.pdf", "ceci n'est pas un PDF"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        var html = await fake.HtmlAsync();
        Assert.Contains("n'est ni un PDF, ni une image JPEG ou PNG", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("id=\"upload-file-error\" class=\"field-error\">Ce fichier", html);

        var big = new byte[10_500_000];
        Pdf.CopyTo(big, 0);
        var tooBig = await UploadAsync(client, Step(id, 5), "TaxNotice", "gros.pdf", big);
        Assert.Equal(HttpStatusCode.OK, tooBig.StatusCode);
        Assert.Contains("la taille maximale est de 10 Mo", System.Net.WebUtility.HtmlDecode(await tooBig.HtmlAsync()));

        var noKind = await UploadAsync(client, Step(id, 5), "", "ok.pdf", Pdf);
        Assert.Contains("Choisissez le type de document.", System.Net.WebUtility.HtmlDecode(await noKind.HtmlAsync()));

        Assert.Equal(0, await app.WithDbAsync(db => db.RequestDocuments.CountAsync(d => d.HousingRequestId == id)));
        var step1 = await (await client.GetAsync(Step(id, 1))).HtmlAsync();
        Assert.Contains("value=\"Paul\"", step1);
        Assert.Contains("value=\"Lemoine\"", step1);
    }

    [Fact]
    public async Task Accepted_documents_keep_the_name_for_display_with_the_extension_and_type_found_in_the_content()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        var response = await UploadAsync(client, Step(id, 5), "IncomeProof", @"C:\Users\moi\..\bulletin <mars>.exe", Pdf, "application/x-msdownload");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await app.WithDbAsync(db => db.RequestDocuments.SingleAsync(d => d.HousingRequestId == id));
        Assert.Equal("bulletin <mars>.pdf", doc.FileName);
        Assert.Equal("application/pdf", doc.ContentType);
        Assert.Equal(Pdf.Length, doc.Size);

        var download = await client.GetAsync($"/espace/demandes/{id}/documents/{doc.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var inline = await client.GetAsync($"/espace/demandes/{id}/documents/{doc.Id}?inline=1");
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);

        var step5 = await (await client.GetAsync(Step(id, 5))).HtmlAsync();
        Assert.Contains("bulletin &lt;mars&gt;.pdf", step5);
        var delete = await Forms.PostAsync(client, Step(id, 5) + $"?documentId={doc.Id}", [], "DeleteDocument");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestDocuments.CountAsync(d => d.HousingRequestId == id)));
    }

    [Fact]
    public async Task Sending_is_refused_until_the_required_parts_are_there_each_with_a_link_to_its_step()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        var response = await Forms.PostAsync(client, Step(id, 6), [], "Send");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.HtmlAsync());
        Assert.Contains("Votre demande ne peut pas encore être envoyée", html);
        Assert.Contains($"href=\"{Step(id, 1)}\"", html);
        Assert.Contains($"href=\"{Step(id, 3)}\"", html);
        Assert.Contains($"href=\"{Step(id, 4)}\"", html);
        Assert.Contains("Indiquez où vous vivez aujourd'hui.", html);
        Assert.Contains("Choisissez au moins une taille de logement.", html);
        Assert.Contains("Cochez cette case pour confirmer que vous avez lu la notice", html);
        Assert.Equal(RequestStatus.Draft, await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Each_step_checks_its_fields_on_the_server_with_french_messages()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);

        var step1 = System.Net.WebUtility.HtmlDecode(await (await SaveAsync(client, id, 1, new()
        {
            ["Input.Members[0].FirstName"] = "",
            ["Input.Members[0].LastName"] = new string('x', 101),
            ["Input.Members[0].BirthDate"] = "31/02/1990",
            ["Input.Members[1].FirstName"] = "Jules",
            ["Input.Phone"] = "pas un numéro",
        })).HtmlAsync());
        Assert.Contains("Indiquez votre prénom.", step1);
        Assert.Contains("Le nom est trop long : 100 caractères au plus.", step1);
        Assert.Contains("Cette date n'est pas valide", step1);
        Assert.Contains("Indiquez le nom de cette personne.", step1);
        Assert.Contains("Choisissez le lien de cette personne avec vous.", step1);
        Assert.Contains("Ce numéro de téléphone n'est pas valide", step1);
        Assert.Contains("aria-describedby=\"m0-first-error\"", step1);

        var step2 = System.Net.WebUtility.HtmlDecode(await (await SaveAsync(client, id, 2, new()
        {
            ["Input.Lines[0].Kind"] = "Rsa", ["Input.Lines[0].Amount"] = "beaucoup",
            ["Input.Lines[1].Kind"] = "Salary", ["Input.Lines[1].Amount"] = "-5",
            ["Input.Lines[2].Kind"] = "NotAKind", ["Input.Lines[2].Amount"] = "10",
        })).HtmlAsync());
        Assert.Contains("Ce montant n'est pas valide", step2);
        Assert.Contains("Le montant doit être compris entre 0 et 100 000 €", step2);
        Assert.Contains("Ce choix ne fait pas partie de la liste proposée.", step2);

        var step4 = System.Net.WebUtility.HtmlDecode(await (await SaveAsync(client, id, 4, new()
        {
            ["Input.Typologies"] = "T9", ["Input.Towns"] = new string('a', 501), ["Input.AffordableRent"] = "12,5,3",
        })).HtmlAsync());
        Assert.Contains("Ce choix ne fait pas partie de la liste proposée.", step4);
        Assert.Contains("La liste des communes est trop longue", step4);
        Assert.Contains("Ce montant n'est pas valide", step4);
    }

    [Fact]
    public async Task Sending_twice_even_at_once_makes_one_request_and_one_receipt()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        await FillAsync(client, id);

        var page = await (await client.GetAsync(Step(id, 6))).HtmlAsync();
        var token = Forms.Token(page);
        HttpRequestMessage Post() => new(HttpMethod.Post, Step(id, 6) + "?handler=Send")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.AcceptPrivacy"] = "true" }),
        };
        var both = await Task.WhenAll(client.SendAsync(Post()), client.SendAsync(Post()), client.SendAsync(Post()));
        foreach (var response in both)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/espace/demandes/{id}", response.Headers.Location!.OriginalString);
        }
        var again = await client.SendAsync(Post());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var reference = await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        Assert.NotNull(reference);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == email)));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.HousingRequestId == id && e.ToStatus == RequestStatus.Submitted)));
        await app.Mail.WaitForAsync(email);
        await Task.Delay(1000);
        Assert.Single(await app.Mail.ToAsync(email));
    }

    [Fact]
    public async Task Hostile_names_come_back_exactly_as_typed_and_never_run()
    {
        var email = await NewResidentAsync(app);
        var client = await app.SignedInAsync(email);
        var id = await StartAsync(client);
        var first = "<script>alert(1)</script>";
        var last = "O'Brien & \"Fils\" 🏠\u200Fمريم";
        var fields = Household(first, last);
        fields["Input.CurrentAddress"] = "<img src=x onerror=alert(2)> & co";
        await Expect(SaveAsync(client, id, 1, fields), Step(id, 2));

        var member = await app.WithDbAsync(db => db.HouseholdMembers.Where(m => m.HousingRequestId == id).OrderBy(m => m.Position).FirstAsync());
        Assert.Equal(first, member.FirstName);
        Assert.Equal(last, member.LastName);

        foreach (var url in new[] { Step(id, 1), Step(id, 6) })
        {
            var html = await (await client.GetAsync(url)).HtmlAsync();
            Assert.DoesNotContain("<script>alert(1)</script>", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
        var step1 = await (await client.GetAsync(Step(id, 1))).HtmlAsync();
        Assert.Equal(first, InputValue(step1, "Input_Members_0__FirstName"));
        Assert.Equal(last, InputValue(step1, "Input_Members_0__LastName"));

        var huge = new string('é', 5000);
        var tooLong = await SaveAsync(client, id, 1, Household(huge, "Durand"));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var tooLongHtml = await tooLong.HtmlAsync();
        Assert.Contains("Le prénom est trop long", tooLongHtml);
        Assert.Equal(huge, InputValue(tooLongHtml, "Input_Members_0__FirstName"));
    }

    [Fact]
    public async Task The_message_thread_takes_the_persons_messages_and_shows_the_teams()
    {
        var (id, _, client) = await SentRequestAsync(app);
        var url = $"/espace/demandes/{id}";

        var plain = await Forms.PostAsync(client, url, new() { ["Message.Body"] = "Bonjour, j'ai changé de numéro : 07 00 00 00 00." }, "Message");
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal($"{url}#messages", plain.Headers.Location!.OriginalString);

        var token = Forms.Token(await (await client.GetAsync(url)).HtmlAsync());
        var htmx = new HttpRequestMessage(HttpMethod.Post, $"{url}?handler=Message")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Message.Body"] = "Deuxième <b>message</b> & 🙂" }),
        };
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await client.SendAsync(htmx);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var part = await fragment.HtmlAsync();
        Assert.StartsWith("<section id=\"messages\"", part.Trim());
        Assert.DoesNotContain("<html", part);
        Assert.Contains("Deuxième &lt;b&gt;message&lt;/b&gt; &amp; ", part);
        Assert.Contains("Votre message est envoyé", System.Net.WebUtility.HtmlDecode(part));

        var empty = await Forms.PostAsync(client, url, new() { ["Message.Body"] = "   " }, "Message");
        Assert.Contains("Écrivez votre message avant de l'envoyer.", System.Net.WebUtility.HtmlDecode(await empty.HtmlAsync()));
        var tooLong = await Forms.PostAsync(client, url, new() { ["Message.Body"] = new string('a', 5001) }, "Message");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Votre message est trop long", System.Net.WebUtility.HtmlDecode(await tooLong.HtmlAsync()));

        await app.WithDbAsync(async db =>
        {
            (await db.HousingRequests.SingleAsync(r => r.Id == id))
                .Write("staff", "Claire Martin", "Merci, c'est noté.", fromStaff: true, withPartner: false, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var details = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(url)).HtmlAsync());
        Assert.Contains("Merci, c'est noté.", details);
        Assert.Contains("Équipe Passerelle", details);
        Assert.Contains("Nouveau", details);
        Assert.Equal(2, await app.WithDbAsync(db => db.RequestMessages.CountAsync(m => m.HousingRequestId == id && !m.FromStaff)));
        Assert.True(await app.WithDbAsync(db => db.RequestMessages.Where(m => m.HousingRequestId == id && m.FromStaff).AllAsync(m => m.ReadAtUtc != null)));
    }

    [Fact]
    public async Task Adding_the_requested_documents_fulfils_them_and_leaves_the_review_to_the_team()
    {
        var (id, email, client) = await SentRequestAsync(app);
        long cafId = 0;
        await app.WithDbAsync(async db =>
        {
            var request = await db.HousingRequests.SingleAsync(r => r.Id == id);
            request.RequestDocuments([SupportingDocumentKind.TaxNotice], "Il nous faut vos revenus récents.", "staff", "Claire Martin", DateTime.UtcNow);
            request.RequestDocuments([SupportingDocumentKind.CafCertificate], "De moins de trois mois", "staff", "Claire Martin", DateTime.UtcNow);
            await db.SaveChangesAsync();
            cafId = request.RequestedDocuments.Single(d => d.Kind == SupportingDocumentKind.CafCertificate).Id;
            return 0;
        });
        var url = $"/espace/demandes/{id}";
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(url)).HtmlAsync());
        Assert.Contains("Pièces demandées", page);
        Assert.Contains("Il manque 2 pièces à votre dossier", page);
        Assert.Contains("De moins de trois mois", page);
        Assert.Contains("Ajouter ce document : Attestation CAF", page);

        var refused = await UploadAsync(client, url, "CafCertificate", "caf.pdf", "texte"u8.ToArray(), requestedId: cafId);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"id=\"requested-{cafId}-file-error\" class=\"field-error\">Ce fichier", await refused.HtmlAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, url, "CafCertificate", "caf.pdf", Pdf, requestedId: cafId)).StatusCode);
        Assert.Equal(RequestStatus.DocumentsRequested, await app.WithDbAsync(db => db.HousingRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        var last = await UploadAsync(client, url, "TaxNotice", "avis.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal($"{url}#pieces", last.Headers.Location!.OriginalString);

        var request = await app.WithDbAsync(db => db.HousingRequests.Include(r => r.RequestedDocuments).Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(RequestStatus.DocumentsRequested, request.Status);
        Assert.All(request.RequestedDocuments, r => Assert.NotNull(r.FulfilledByDocumentId));
        Assert.Equal(2, request.Events.Count(e => e.Kind == Portal.Domain.Requests.RequestEventKind.DocumentAdded));
        Assert.DoesNotContain(request.Events, e => e.Kind == Portal.Domain.Requests.RequestEventKind.StatusChanged && e.ToStatus == RequestStatus.UnderReview);

        var after = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(url)).HtmlAsync());
        Assert.DoesNotContain("Ajouter ce document :", after);
        Assert.Contains("Document ajouté", after);
        Assert.Contains("avis.jpg", after);
    }

    private static string? InputValue(string html, string id)
    {
        var m = Regex.Match(html, $"<input[^>]*id=\"{id}\"[^>]*value=\"([^\"]*)\"");
        if (!m.Success) m = Regex.Match(html, $"<input[^>]*value=\"([^\"]*)\"[^>]*id=\"{id}\"");
        return m.Success ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }
}
