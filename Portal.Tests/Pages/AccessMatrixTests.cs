using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Support;
using Portal.Domain.Requests;
using Portal.Testing;
using Portal.Domain.Appointments;

namespace Portal.Tests.Pages;

/// Every page and handler of the site, read from its EndpointDataSource, against a table saying
/// who may use it and which record it is about. Each identity (anonymous, residents A and B,
/// workers of teams Nord and Sud, manager, admin) tries every handler: those it may not use answer
/// a sign-in redirect or 403; those it may reach get past authorization (a GET answers, a POST
/// without antiforgery token is refused by antiforgery, so nothing changes). Then each tries the
/// records that are not theirs (the other resident's, the other team's) with a real token: 404
/// or 403. A page or handler missing from the table fails the test.
[Collection(PortalCollection.Name)]
public partial class AccessMatrixTests(PortalApp app)
{
    /// PasswordChecked: open to anyone, but only whoever just passed the password step (Identity's
    /// two-factor cookie) is served; anyone else is sent back to sign in.
    public enum Who { Anyone, PasswordChecked, SignedIn, Resident, Staff, Manager, Admin, Partner }

    /// What the {id}s of a route are: decides the ids tried, the owner's and the others'.
    public enum Record
    {
        None, Household, Measure, Stay, ResidentRequest, RequestUpload, StaffRequest, ResidentAppointment, StaffAppointment,
        StaffWorkshop, ResidentWorkshop, Session, GeneratedDocument, Dwelling, Residence, Place, Motif, TemplateKind, StatusCode, ImportBatch,
        Orientation, PartnerOrganisation, LeaseMeasure,
    }

    public sealed record Rule(Who Who, Record Record, string Handlers, string ManagerOnly = "");

    /// The table. Handlers: Get, GetX, Post, PostX as the page model declares them (OnGetXAsync…).
    /// ManagerOnly: handlers of a staff page that a social worker is refused (403) by the handler.
    public static readonly Dictionary<string, Rule> Table = new()
    {
        ["/Index"] = new(Who.Anyone, Record.None, "Get"),
        ["/Confidentialite"] = new(Who.Anyone, Record.None, "Get"),
        ["/Error"] = new(Who.Anyone, Record.None, ""),
        ["/StatusCode"] = new(Who.Anyone, Record.StatusCode, "Get"),
        ["/RendezVous/Annuler"] = new(Who.Anyone, Record.None, "Get Post"),

        ["/Compte/Confirmer"] = new(Who.Anyone, Record.None, "Get"),
        ["/Compte/Connexion"] = new(Who.Anyone, Record.None, "Get Post PostPasskey PostPasskeyOptions"),
        ["/Compte/Deconnexion"] = new(Who.SignedIn, Record.None, "Get Post"),
        ["/Compte/Inscription"] = new(Who.Anyone, Record.None, "Get Post"),
        ["/Compte/InscriptionEnvoyee"] = new(Who.Anyone, Record.None, "Get"),
        ["/Compte/MotDePasse"] = new(Who.SignedIn, Record.None, "Get Post"),
        ["/Compte/MotDePasseOublie"] = new(Who.Anyone, Record.None, "Get Post"),
        ["/Compte/NouveauMotDePasse"] = new(Who.Anyone, Record.None, "Get Post"),
        ["/Compte/RenvoyerConfirmation"] = new(Who.Anyone, Record.None, "Get Post"),
        // The code step answers only to whoever passed the password step (Identity's two-factor cookie).
        ["/Compte/ConnexionCode"] = new(Who.PasswordChecked, Record.None, "Get Post PostRecovery"),
        ["/Compte/Index"] = new(Who.SignedIn, Record.None, "Get PostEndOthers PostEndSession"),
        ["/Compte/Securite/Authentificateur"] = new(Who.SignedIn, Record.None, "Get GetQr Post PostDisable"),
        ["/Compte/Securite/ClesAcces"] = new(Who.SignedIn, Record.None, "Get PostAdd PostOptions PostRemove"),
        ["/Compte/Securite/CodesDeSecours"] = new(Who.SignedIn, Record.None, "Get Post"),
        ["/Compte/Supprimer"] = new(Who.SignedIn, Record.None, "Get Post"),

        ["/Espace/Index"] = new(Who.Resident, Record.None, "Get PostProfile"),
        ["/Espace/Ateliers/Index"] = new(Who.Resident, Record.None, "Get PostAccept PostDecline PostRegister PostWithdraw"),
        ["/Espace/Ateliers/Details"] = new(Who.Resident, Record.ResidentWorkshop, "Get"),
        ["/Espace/Demandes/Index"] = new(Who.Resident, Record.None, "Get PostStart"),
        ["/Espace/Demandes/Details"] = new(Who.Resident, Record.ResidentRequest, "Get PostMessage PostUpload"),
        ["/Espace/Demandes/Document"] = new(Who.Resident, Record.RequestUpload, "Get"),
        ["/Espace/Demandes/Menage"] = new(Who.Resident, Record.ResidentRequest, "Get PostAddMember PostRemoveMember PostSave"),
        ["/Espace/Demandes/Ressources"] = new(Who.Resident, Record.ResidentRequest, "Get PostAddLine PostRemoveLine PostSave"),
        ["/Espace/Demandes/Situation"] = new(Who.Resident, Record.ResidentRequest, "Get PostSave"),
        ["/Espace/Demandes/Recherche"] = new(Who.Resident, Record.ResidentRequest, "Get PostSave"),
        ["/Espace/Demandes/Pieces"] = new(Who.Resident, Record.ResidentRequest, "Get PostDeleteDocument PostSave PostUpload"),
        ["/Espace/Demandes/Envoi"] = new(Who.Resident, Record.ResidentRequest, "Get PostSend"),
        ["/Espace/Documents/Index"] = new(Who.Resident, Record.None, "Get"),
        ["/Espace/Donnees/Index"] = new(Who.Resident, Record.None, "Get GetDownload GetStatus PostErase PostPrepare PostWithdraw"),
        ["/Espace/Documents/Download"] = new(Who.Resident, Record.GeneratedDocument, "Get"),
        ["/Espace/RendezVous/Index"] = new(Who.Resident, Record.None, "Get PostCancel"),
        ["/Espace/RendezVous/Prendre"] = new(Who.Resident, Record.None, "Get GetChoice Post PostShow"),
        ["/Espace/RendezVous/Deplacer"] = new(Who.Resident, Record.ResidentAppointment, "Get Post"),

        ["/Suivi/Index"] = new(Who.Staff, Record.None, "Get"),
        ["/Suivi/Portefeuille/Index"] = new(Who.Staff, Record.None, "Get"),
        ["/Suivi/Menages/Index"] = new(Who.Staff, Record.None, "Get"),
        ["/Suivi/Menages/Nouveau"] = new(Who.Staff, Record.None, "Get Post PostAddMember PostCreate PostRemoveMember"),
        ["/Suivi/Menages/Dossier"] = new(Who.Staff, Record.Household, "Get Post PostAssign", ManagerOnly: "PostAssign"),
        ["/Suivi/Menages/Identite"] = new(Who.Staff, Record.Household, "Get PostIdentity"),
        ["/Suivi/Menages/Personnes"] = new(Who.Staff, Record.Household, "Get PostAddPerson PostCivility PostRemovePerson"),
        ["/Suivi/Menages/Ressources"] = new(Who.Staff, Record.Household, "Get PostAddIncome PostRemoveIncome"),
        ["/Suivi/Menages/Partenaires"] = new(Who.Staff, Record.Household, "Get PostAddPartner PostEditPartner PostRemovePartner"),
        ["/Suivi/Menages/Journal"] = new(Who.Staff, Record.Household, "Get PostJournal"),
        ["/Suivi/Menages/Fusion"] = new(Who.Manager, Record.Household, "Get PostMerge"),
        ["/Suivi/Accompagnement/Index"] = new(Who.Staff, Record.Household, "Get Post"),
        ["/Suivi/Accompagnement/Mesure/Index"] = new(Who.Staff, Record.Measure, "Get Post"),
        ["/Suivi/Accompagnement/Mesure/Diagnostic"] = new(Who.Staff, Record.Measure, "Get Post"),
        ["/Suivi/Accompagnement/Mesure/Plan"] = new(Who.Staff, Record.Measure, "Get PostAddAxis PostAxisNote PostAxisStatus"),
        ["/Suivi/Accompagnement/Mesure/Bilans"] = new(Who.Staff, Record.Measure, "Get Post"),
        ["/Suivi/Accompagnement/Mesure/Renouvellement"] = new(Who.Staff, Record.Measure, "Get Post"),
        ["/Suivi/Accompagnement/Mesure/Bail"] = new(Who.Staff, Record.Measure, "Get PostCreateLease PostPayment"),
        ["/Suivi/Accompagnement/Sortie"] = new(Who.Staff, Record.Household, "Get Post PostRecord"),
        ["/Suivi/Accompagnement/Mediations"] = new(Who.Staff, Record.Household, "Get Post PostClose PostOpen"),
        ["/Suivi/Sejours/Details"] = new(Who.Staff, Record.Stay, "Get Post PostExit PostRenew"),
        ["/Suivi/Demandes/Index"] = new(Who.Staff, Record.None, "Get"),
        ["/Suivi/Demandes/Details"] = new(Who.Staff, Record.StaffRequest,
            "Get GetDocument Post PostAssignTeam PostClose PostCommittee PostRequestDocuments PostTakeInCharge"),
        ["/Suivi/Demandes/Messages"] = new(Who.Staff, Record.StaffRequest, "Get PostMessage"),
        ["/Suivi/Demandes/DossierMenage"] = new(Who.Staff, Record.StaffRequest, "Get PostOpenHousehold"),
        ["/Suivi/Agenda/Index"] = new(Who.Staff, Record.None, "Get Post PostCancel PostHonoured PostMissed"),
        ["/Suivi/Agenda/Horaires"] = new(Who.Staff, Record.None,
            "Get Post PostAbsence PostDeleteAbsence PostDeleteExtra PostDeleteOpening PostExtra PostOpening"),
        ["/Suivi/Agenda/Reserver"] = new(Who.Staff, Record.None, "Get GetChoice GetPeople Post PostShow"),
        ["/Suivi/Conservation/Index"] = new(Who.Manager, Record.None, "Get PostHold PostLift"),
        ["/Suivi/Effacements/Index"] = new(Who.Manager, Record.None, "Get PostApply PostRefuse"),
        ["/Suivi/Agenda/Deplacer"] = new(Who.Staff, Record.StaffAppointment, "Get Post"),
        ["/Suivi/Agenda/Journal"] = new(Who.Staff, Record.StaffAppointment, "Get Post"),
        ["/Suivi/Ateliers/Index"] = new(Who.Staff, Record.None, "Get Post"),
        ["/Suivi/Ateliers/Details"] = new(Who.Staff, Record.StaffWorkshop, "Get Post PostAttendance PostCancel PostEnrol PostSeats"),
        ["/Suivi/Ateliers/Edition"] = new(Who.Staff, Record.StaffWorkshop, "Get Post"),
        ["/Suivi/Commissions/Index"] = new(Who.Staff, Record.None, "Get Post PostCommittee PostMember PostMemberActive PostSession",
            ManagerOnly: "PostCommittee PostMember PostMemberActive PostSession"),
        ["/Suivi/Commissions/Seance"] = new(Who.Staff, Record.Session, "Get Post PostAddItem PostClose PostRemoveItem"),
        ["/Suivi/Commissions/Decision"] = new(Who.Staff, Record.Session, "Get PostAid PostAllocate PostPostpone PostRefuse PostSupport"),
        ["/Suivi/Commissions/Planning"] = new(Who.Staff, Record.Session, "Get PostAttendance PostReschedule"),
        ["/Suivi/Documents/Index"] = new(Who.Staff, Record.None, "Get GetStatus PostGenerate"),
        ["/Suivi/Documents/Download"] = new(Who.Staff, Record.GeneratedDocument, "Get"),
        ["/Suivi/FondsAide/Index"] = new(Who.Staff, Record.None, "Get Post PostCreateFund PostGrant PostSetBudget"),
        ["/Suivi/Rapports/Index"] = new(Who.Staff, Record.None, "Get"),
        ["/Suivi/Statistiques/Index"] = new(Who.Staff, Record.None, "Get PostBudget", ManagerOnly: "PostBudget"),
        ["/Suivi/Exports/Index"] = new(Who.Staff, Record.None, "Get PostDelete PostRun PostRunSaved PostSave PostWorkbook", ManagerOnly: "PostWorkbook"),
        ["/Suivi/Veille/Index"] = new(Who.Staff, Record.None, "Get Post PostFlag PostFollowUp PostIncident PostLift PostNote"),

        ["/Admin/Index"] = new(Who.Admin, Record.None, "Get"),
        ["/Admin/Documents/Index"] = new(Who.Admin, Record.None, "Get GetDownload GetRow PostGenerate"),
        ["/Admin/Import/Index"] = new(Who.Admin, Record.None, "Get PostUpload"),
        ["/Admin/Import/Colonnes"] = new(Who.Admin, Record.ImportBatch, "Get Post"),
        ["/Admin/Import/Lot"] = new(Who.Admin, Record.ImportBatch, "Get GetProgress PostCell PostDecide PostDelete PostImport"),
        ["/Admin/Journal/Index"] = new(Who.Admin, Record.None, "Get GetCsv"),
        ["/Admin/Traitements/Index"] = new(Who.Admin, Record.None, "Get GetCsv"),
        ["/Admin/Logements/Index"] = new(Who.Admin, Record.None, "Get Post PostCreate"),
        ["/Admin/Logements/Logement"] = new(Who.Admin, Record.Dwelling, "Get Post PostSave PostWithdraw"),
        ["/Admin/Logements/Residence"] = new(Who.Admin, Record.Residence, "Get Post PostAddDwelling PostSave"),
        ["/Admin/Modeles/Index"] = new(Who.Admin, Record.None, "Get"),
        ["/Admin/Modeles/Logo"] = new(Who.Admin, Record.None, "Get GetImage PostRemove PostUpload"),
        ["/Admin/Modeles/Modele"] = new(Who.Admin, Record.TemplateKind, "Get GetActive GetDefault GetPreview GetVersion PostActivate PostRevert PostUpload"),
        ["/Admin/RendezVous/Index"] = new(Who.Admin, Record.None, "Get"),
        ["/Admin/RendezVous/Lieu"] = new(Who.Admin, Record.Place, "Get Post"),
        ["/Admin/RendezVous/Motif"] = new(Who.Admin, Record.Motif, "Get Post"),
        ["/Admin/Utilisateurs/Index"] = new(Who.Admin, Record.None, "Get PostChangeRole PostDelete PostInvite PostResetFactor PostTeam"),
        ["/Admin/Partenaires/Index"] = new(Who.Admin, Record.None, "Get PostCreate"),
        ["/Admin/Partenaires/Organisation"] = new(Who.Admin, Record.PartnerOrganisation, "Get PostActive PostInvite PostSave"),

        ["/Suivi/Partenaires/ValidationSiao"] = new(Who.Staff, Record.None, "Get Post"),
        ["/Suivi/Partenaires/Bailleur"] = new(Who.Staff, Record.LeaseMeasure, "Get PostInvite PostShare"),

        ["/Partenaire/Index"] = new(Who.Partner, Record.None, "Get"),
        ["/Partenaire/Orientations/Nouvelle"] = new(Who.Partner, Record.None, "Get Post"),
        ["/Partenaire/Orientations/Details"] = new(Who.Partner, Record.Orientation, "Get GetDocument Post PostInvite PostMessage PostUpload"),
        ["/Partenaire/Validations/Index"] = new(Who.Partner, Record.None, "Get PostDecide"),
        ["/Partenaire/Baux/Index"] = new(Who.Partner, Record.None, "Get PostConfirm"),
    };

    public enum Identity { Anonymous, ResidentA, ResidentB, WorkerNord, WorkerSud, Manager, Admin, PartnerCcas, PartnerSiao }

    private static string? Email(Identity who) => who switch
    {
        Identity.ResidentA => PortalApp.Resident1,
        Identity.ResidentB => PortalApp.Resident2,
        Identity.WorkerNord => PortalApp.Worker1,
        Identity.WorkerSud => PortalApp.Worker2,
        Identity.Manager => PortalApp.Manager,
        Identity.Admin => PortalApp.Admin,
        Identity.PartnerCcas => Portal.Infrastructure.DemoPartners.Ccas,
        Identity.PartnerSiao => Portal.Infrastructure.DemoPartners.Siao,
        _ => null,
    };

    private static bool May(Who who, Identity identity) => who switch
    {
        Who.Anyone or Who.PasswordChecked => true,
        Who.SignedIn => identity != Identity.Anonymous,
        Who.Resident => identity is Identity.ResidentA or Identity.ResidentB,
        Who.Staff => identity is Identity.WorkerNord or Identity.WorkerSud or Identity.Manager,
        Who.Manager => identity == Identity.Manager,
        Who.Admin => identity == Identity.Admin,
        Who.Partner => identity is Identity.PartnerCcas or Identity.PartnerSiao,
        _ => false,
    };

    /// One handler of one page, as the endpoints describe it.
    public sealed record Handler(string Page, string Route, string Method, string? Name)
    {
        public string Key => (Method == "GET" ? "Get" : "Post") + (Name ?? "");
        public override string ToString() => $"{Method} {Page}{(Name is null ? "" : "?handler=" + Name)}";
    }

    private async Task<List<Handler>> HandlersAsync()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<Handler>();
        foreach (var group in sources.Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            // An Index page answers at ".../Index" and at its folder: the shorter route is the one used.
            var endpoint = group.OrderBy(e => e.RoutePattern.RawText!.Length).First();
            var compiled = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            // OnPageHandlerExecutionAsync and the like are filters, not handlers a request can name.
            foreach (var method in compiled.HandlerMethods.Where(m => m.HttpMethod is "Get" or "Post"))
                handlers.Add(new Handler(group.Key, "/" + endpoint.RoutePattern.RawText, method.HttpMethod.ToUpperInvariant(), method.Name));
            if (compiled.HandlerMethods.Count == 0)
                handlers.Add(new Handler(group.Key, "/" + endpoint.RoutePattern.RawText, "NONE", null));
        }
        return handlers;
    }

    [Fact]
    public async Task Every_page_and_handler_of_the_site_has_a_row_in_the_table()
    {
        var handlers = await HandlersAsync();
        var missingPages = handlers.Select(h => h.Page).Distinct().Where(p => !Table.ContainsKey(p)).ToList();
        Assert.True(missingPages.Count == 0, "Pages without a row in AccessMatrixTests.Table: " + string.Join(", ", missingPages));
        var missingHandlers = handlers.Where(h => h.Method != "NONE" && !Table[h.Page].Handlers.Split(' ').Contains(h.Key)).ToList();
        Assert.True(missingHandlers.Count == 0, "Handlers not in their page's row: " + string.Join(", ", missingHandlers));
        var stale = Table.Where(t => !handlers.Any(h => h.Page == t.Key)).Select(t => t.Key).ToList();
        Assert.True(stale.Count == 0, "Rows for pages that no longer exist: " + string.Join(", ", stale));
        var staleHandlers = Table.SelectMany(t => t.Value.Handlers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(k => (t.Key, k)))
            .Where(x => !handlers.Any(h => h.Page == x.Key && h.Key == x.k)).ToList();
        Assert.True(staleHandlers.Count == 0, "Handlers in the table that no longer exist: " + string.Join(", ", staleHandlers));
    }

    /// Real records, one of each kind per owner: resident A's and B's, team Nord's and team Sud's.
    private sealed class Records
    {
        public required Dictionary<Record, Dictionary<string, object>> Nord { get; init; }
        public required Dictionary<Record, Dictionary<string, object>> Sud { get; init; }
        public required Dictionary<Record, Dictionary<string, object>> ResidentA { get; init; }
        public required Dictionary<Record, Dictionary<string, object>> ResidentB { get; init; }
        public required Dictionary<Record, Dictionary<string, object>> Shared { get; init; }

        /// The ids an identity uses for the role check: its own records where it has some.
        public Dictionary<string, object> Own(Identity who, Record record) =>
            (who switch
            {
                Identity.ResidentB => ResidentB.GetValueOrDefault(record),
                Identity.WorkerSud or Identity.PartnerSiao => Sud.GetValueOrDefault(record),
                _ => null,
            }) ?? ResidentA.GetValueOrDefault(record) ?? Nord.GetValueOrDefault(record) ?? Shared.GetValueOrDefault(record) ?? [];

        /// A record of this kind the identity must not reach, if there is one.
        public Dictionary<string, object>? Foreign(Identity who, Record record) => who switch
        {
            Identity.ResidentA => ResidentB.GetValueOrDefault(record),
            Identity.ResidentB => ResidentA.GetValueOrDefault(record),
            Identity.WorkerNord => Sud.GetValueOrDefault(record),
            Identity.WorkerSud => Nord.GetValueOrDefault(record),
            // A partner's orientations are their organisation's: the other organisation's answer 404.
            Identity.PartnerCcas => Sud.GetValueOrDefault(record),
            Identity.PartnerSiao => Nord.GetValueOrDefault(record),
            _ => null,
        };
    }

    private static Dictionary<string, object> Id(long id) => new() { ["id"] = id };

    private async Task<Records> SeedAsync()
    {
        var nord = await SupportData.HouseholdAsync(app, "Nord", PortalApp.Worker1);
        var sud = await SupportData.HouseholdAsync(app, "Sud", PortalApp.Worker2);
        var nordMeasure = await SupportData.MeasureAsync(app, nord.HouseholdId, SupportKind.Asll, SupportData.Today.AddMonths(-2), 12);
        var sudMeasure = await SupportData.MeasureAsync(app, sud.HouseholdId, SupportKind.Asll, SupportData.Today.AddMonths(-2), 12);
        var nordLeaseMeasure = await SupportData.MeasureAsync(app, nord.HouseholdId, SupportKind.Iml, SupportData.Today.AddMonths(-2), 12);
        var sudLeaseMeasure = await SupportData.MeasureAsync(app, sud.HouseholdId, SupportKind.Iml, SupportData.Today.AddMonths(-2), 12);
        await SupportData.LeaseAsync(app, nord.HouseholdId, nordLeaseMeasure, SupportData.Today.AddMonths(-2), _ => { });
        await SupportData.LeaseAsync(app, sud.HouseholdId, sudLeaseMeasure, SupportData.Today.AddMonths(-2), _ => { });

        var residentA = await app.SignedInAsync(PortalApp.Resident1);
        var residentB = await app.SignedInAsync(PortalApp.Resident2);
        var requestA = await RequestDrafts.StartAsync(residentA);
        var requestB = await RequestDrafts.StartAsync(residentB);
        await RequestDrafts.UploadAsync(residentA, RequestDrafts.Step(requestA, 5), "IdentityDocument", "a.pdf", RequestDrafts.Pdf);
        await RequestDrafts.UploadAsync(residentB, RequestDrafts.Step(requestB, 5), "IdentityDocument", "b.pdf", RequestDrafts.Pdf);

        return await app.WithDbAsync(async db =>
        {
            var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith("@demo.passerelle.fr")).ToDictionaryAsync(u => u.Email!, u => u);
            var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id);
            var uploadA = await db.RequestDocuments.Where(d => d.HousingRequestId == requestA).Select(d => d.Id).FirstAsync();
            var uploadB = await db.RequestDocuments.Where(d => d.HousingRequestId == requestB).Select(d => d.Id).FirstAsync();
            // A request staff reach: sent (drafts are the applicant's alone), of the team.
            var sent = db.HousingRequests.Where(r => r.Status != RequestStatus.Draft && r.SubmittedAtUtc != null).OrderBy(r => r.Id);
            var staffNord = await sent.Where(r => r.TeamId == teams["Nord"]).Select(r => r.Id).FirstAsync();
            var staffSud = await sent.Where(r => r.TeamId == teams["Sud"]).Select(r => r.Id).FirstAsync();
            var (motif, place) = await AppointmentData.OfficeFirstVisitAsync(app);
            long Appointment(string workerId, string personId)
            {
                var a = Portal.Domain.Appointments.Appointment.Book(personId, workerId, place, motif, TimeSpan.FromMinutes(60),
                    DateTime.UtcNow.Date.AddDays(300).AddHours(8 + db.ChangeTracker.Entries<Portal.Domain.Appointments.Appointment>().Count()), personId, DateTime.UtcNow);
                db.Appointments.Add(a);
                db.SaveChanges();
                return a.Id;
            }
            var worker1 = users[PortalApp.Worker1].Id;
            var worker2 = users[PortalApp.Worker2].Id;
            var appointmentA = Appointment(worker1, users[PortalApp.Resident1].Id);
            var appointmentB = Appointment(worker1, users[PortalApp.Resident2].Id);
            var appointmentSud = Appointment(worker2, users[PortalApp.Resident2].Id);
            var workshopNord = await db.Workshops.Where(w => w.TeamId == teams["Nord"] && w.LeaderId == worker1).Select(w => w.Id).FirstAsync();
            var workshopSud = await db.Workshops.Where(w => w.TeamId == teams["Sud"] && w.LeaderId == worker2).Select(w => w.Id).FirstAsync();
            var session = await db.CommitteeSessions.Select(s => s.Id).FirstAsync();
            var dwelling = await db.Dwellings.Select(d => d.Id).FirstAsync();
            var residence = await db.Residences.Select(r => r.Id).FirstAsync();
            var placeId = await db.Places.Select(p => p.Id).FirstAsync();
            var motifId = await db.AppointmentMotifs.Select(m => m.Id).FirstAsync();
            var batch = new Portal.Data.ImportBatch
            {
                FileName = "matrice.csv", UploadedById = users[PortalApp.Admin].Id, CreatedAtUtc = DateTime.UtcNow, Stage = Portal.Data.ImportStage.Preview,
                Headers = "[\"Nom\"]", Fields = "[\"LastName\"]", RowCount = 1,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            db.ImportRows.Add(new Portal.Data.ImportRow { ImportBatchId = batch.Id, Line = 2, Cells = "[\"MATRICE\"]" });
            await db.SaveChangesAsync();
            var orgs = await db.PartnerOrganisations.ToDictionaryAsync(o => o.Name, o => o.Id);
            var ccasOrientation = await db.HousingRequests.Where(r => r.PartnerOrganisationId == orgs["CCAS de Roubaix"] && r.SubmittedAtUtc != null).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var siaoOrientation = await db.HousingRequests.Where(r => r.PartnerOrganisationId == orgs["SIAO du Nord"] && r.SubmittedAtUtc != null).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            return new Records
            {
                Nord = new()
                {
                    [Record.Household] = Id(nord.HouseholdId),
                    [Record.Measure] = new() { ["id"] = nord.HouseholdId, ["measureId"] = nordMeasure },
                    [Record.Stay] = Id(nord.StayId!.Value),
                    [Record.StaffRequest] = Id(staffNord),
                    [Record.StaffAppointment] = Id(appointmentA),
                    [Record.StaffWorkshop] = Id(workshopNord),
                    [Record.Orientation] = Id(ccasOrientation),
                    [Record.LeaseMeasure] = new() { ["id"] = nord.HouseholdId, ["measureId"] = nordLeaseMeasure },
                },
                Sud = new()
                {
                    [Record.Household] = Id(sud.HouseholdId),
                    [Record.Measure] = new() { ["id"] = sud.HouseholdId, ["measureId"] = sudMeasure },
                    [Record.Stay] = Id(sud.StayId!.Value),
                    [Record.StaffRequest] = Id(staffSud),
                    [Record.StaffAppointment] = Id(appointmentSud),
                    [Record.StaffWorkshop] = Id(workshopSud),
                    [Record.Orientation] = Id(siaoOrientation),
                    [Record.LeaseMeasure] = new() { ["id"] = sud.HouseholdId, ["measureId"] = sudLeaseMeasure },
                },
                ResidentA = new()
                {
                    [Record.ResidentRequest] = Id(requestA),
                    [Record.RequestUpload] = new() { ["id"] = requestA, ["documentId"] = uploadA },
                    [Record.ResidentAppointment] = Id(appointmentA),
                },
                ResidentB = new()
                {
                    [Record.ResidentRequest] = Id(requestB),
                    [Record.RequestUpload] = new() { ["id"] = requestB, ["documentId"] = uploadB },
                    [Record.ResidentAppointment] = Id(appointmentB),
                },
                Shared = new()
                {
                    [Record.ResidentWorkshop] = Id(workshopNord),
                    [Record.Session] = Id(session),
                    // Generated documents: reached through their subject, pinned by DocumentGenerationTests;
                    // here an id that exists for no one, to check the role only.
                    [Record.GeneratedDocument] = Id(long.MaxValue - 1),
                    [Record.Dwelling] = Id(dwelling),
                    [Record.Residence] = Id(residence),
                    [Record.Place] = Id(placeId),
                    [Record.Motif] = Id(motifId),
                    [Record.TemplateKind] = new() { ["kind"] = "contrat-tripartite" },
                    [Record.StatusCode] = new() { ["code"] = 404 },
                    [Record.ImportBatch] = Id(batch.Id),
                    [Record.PartnerOrganisation] = new() { ["id"] = orgs["CCAS de Roubaix"] },
                },
            };
        });
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("RequestVerificationToken(?:&quot;|\")\\s*:\\s*(?:&quot;|\")([^&\"]+)")]
    private static partial Regex LayoutToken();

    private static string Url(Handler h, Dictionary<string, object> values)
    {
        var path = RouteParameter().Replace(h.Route, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! : "");
        path = path.TrimEnd('/');
        if (path.Length == 0) path = "/";
        return h.Name is null ? path : $"{path}?handler={h.Name}";
    }

    private static bool ToSignIn(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location is { } to
        && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/compte/connexion", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Every_identity_reaches_exactly_the_handlers_and_records_the_table_gives_it()
    {
        var handlers = (await HandlersAsync()).Where(h => h.Method != "NONE" && Table.ContainsKey(h.Page)).ToList();
        var records = await SeedAsync();
        // The identities run side by side: each has its own client and reads or is refused.
        var failures = (await Task.WhenAll(Enum.GetValues<Identity>().Select(identity => CellsAsync(identity, handlers, records)))).SelectMany(f => f).ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} cells differ from the table:\n" + string.Join("\n", failures));
    }

    private async Task<List<string>> CellsAsync(Identity identity, List<Handler> handlers, Records records)
    {
        var failures = new List<string>();
        {
            var client = Email(identity) is { } email ? await app.SignedInAsync(email) : app.Client();
            var home = identity switch
            {
                Identity.ResidentA or Identity.ResidentB => "/espace",
                Identity.WorkerNord or Identity.WorkerSud or Identity.Manager => "/suivi",
                Identity.Admin => "/admin",
                Identity.PartnerCcas or Identity.PartnerSiao => "/partenaire",
                _ => "/",
            };
            var token = WebUtility.HtmlDecode(LayoutToken().Match(await (await client.GetAsync(home)).HtmlAsync()).Groups[1].Value);

            foreach (var h in handlers)
            {
                var rule = Table[h.Page];
                var own = records.Own(identity, rule.Record);
                var url = Url(h, own);
                var response = h.Method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent([]));
                var status = (int)response.StatusCode;
                string? problem = null;
                if (status >= 500) problem = $"server error {status}";
                else if (!May(rule.Who, identity))
                {
                    var refused = identity == Identity.Anonymous ? ToSignIn(response) : response.StatusCode == HttpStatusCode.Forbidden;
                    if (!refused) problem = $"should be refused, answered {status} {response.Headers.Location}";
                }
                else if ((ToSignIn(response) && rule.Who != Who.PasswordChecked) || response.StatusCode == HttpStatusCode.Forbidden)
                    problem = $"should be allowed, answered {status} {response.Headers.Location}";
                else if (h.Method == "POST" && response.StatusCode != HttpStatusCode.BadRequest)
                    problem = $"a POST without antiforgery token answered {status}";
                else if (h.Method == "GET" && rule.Record != Record.None && rule.Record is not (Record.GeneratedDocument or Record.StatusCode) && h.Name is null
                         && response.StatusCode == HttpStatusCode.NotFound)
                    problem = "its own record answered 404";
                if (problem is not null) failures.Add($"{identity} {h.Method} {url}: {problem}");

                // Manager-only handlers of a staff page: a social worker, even with a token, is refused.
                if (h.Method == "POST" && rule.ManagerOnly.Split(' ').Contains(h.Key) && identity is Identity.WorkerNord or Identity.WorkerSud)
                {
                    var posted = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                    if (posted.StatusCode != HttpStatusCode.Forbidden)
                        failures.Add($"{identity} POST {url} (manager only, with token): answered {(int)posted.StatusCode}");
                }

                // Records that are not theirs, with a real token: not found (or refused), never served or changed.
                if (May(rule.Who, identity) && records.Foreign(identity, rule.Record) is { } foreign)
                {
                    var foreignUrl = Url(h, foreign);
                    var answer = h.Method == "GET"
                        ? await client.GetAsync(foreignUrl)
                        : await client.PostAsync(foreignUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                    // A POST naming no handler only sends back to the page (which then answers 404).
                    var backToPage = h.Key == "Post" && answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString == foreignUrl;
                    if (answer.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) && !backToPage)
                        failures.Add($"{identity} {h.Method} {foreignUrl} (not theirs): answered {(int)answer.StatusCode} {answer.Headers.Location}");
                }
            }
        }
        return failures;
    }
}
