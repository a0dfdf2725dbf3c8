using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Partners;
using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace Portal.Infrastructure;

/// Demo partners (see Seeder, after DemoSupport): a SIAO, a CCAS and the landlord of the demo IML
/// lease, one account each (partners are not staff: no second factor is forced), and orientations
/// at different stages: just sent, information asked and answered, refused with its reason,
/// accepted; an IML candidate awaiting the SIAO, the demo IML household validated; the landlord
/// invited to the 6-month review with its shared summary and to the 12-month one. Runs once.
public static class DemoPartners
{
    public const string Siao = "siao@demo.passerelle.fr";
    public const string Ccas = "ccas@demo.passerelle.fr";
    public const string Landlord = "bailleur@demo.passerelle.fr";

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (await db.PartnerOrganisations.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(French.ToParis(now));

        var imlLease = await db.SlidingLeases.Where(l => l.SupportMeasureId != null)
            .Join(db.SupportMeasures.Where(m => m.Kind == SupportKind.Iml), l => l.SupportMeasureId, m => m.Id, (l, m) => l).FirstOrDefaultAsync(ct);

        var siao = new PartnerOrganisation { Kind = PartnerKind.Siao, Name = "SIAO du Nord", Town = "Lille", Email = "contact@siao-nord.example", Phone = "03 20 00 00 01", CreatedAtUtc = now };
        var ccas = new PartnerOrganisation { Kind = PartnerKind.Ccas, Name = "CCAS de Roubaix", Town = "Roubaix", Email = "accueil@ccas-roubaix.example", Phone = "03 20 00 00 02", CreatedAtUtc = now };
        var landlord = new PartnerOrganisation { Kind = PartnerKind.Landlord, Name = imlLease?.Landlord ?? "Habitat du Nord (ESH)", Town = "Lille", Phone = "03 20 00 00 03", CreatedAtUtc = now };
        db.PartnerOrganisations.AddRange(siao, ccas, landlord);
        await db.SaveChangesAsync(ct);

        async Task<PortalUser> Account(string email, string name, PartnerOrganisation org)
        {
            if (await users.FindByEmailAsync(email) is { } existing) return existing;
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, PartnerOrganisationId = org.Id, CreatedAtUtc = now };
            Check(await users.CreateAsync(user, Seeder.DemoPassword));
            Check(await users.AddToRoleAsync(user, Roles.Partner));
            return user;
        }
        var siaoUser = await Account(Siao, "Nadia Lefebvre", siao);
        var ccasUser = await Account(Ccas, "Julie Caron", ccas);
        await Account(Landlord, "Marc Delattre", landlord);

        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var worker = await db.Users.FirstAsync(u => u.Email == "travailleur1@demo.passerelle.fr", ct);
        var manager = await db.Users.FirstAsync(u => u.Email == "responsable@demo.passerelle.fr", ct);

        async Task<HousingRequest> Orient(PortalUser partner, PartnerOrganisation org, string first, string last, DateOnly birth, int daysAgo,
            OrientationUrgency urgency, CurrentSituation situation, TargetGroups groups, string details, (string First, DateOnly Birth)[] children, decimal income)
        {
            var sent = now.AddDays(-daysAgo);
            var r = HousingRequest.NewOrientation(partner.Id, partner.FullName, org.Id, sent);
            r.RecordConsent(ConsentMethod.SignedForm, DateOnly.FromDateTime(sent).AddDays(-2), true, DateOnly.FromDateTime(sent));
            r.SetUrgency(urgency);
            var members = new List<MemberDetails> { new(null, first, last, birth, Relationship.Applicant) };
            members.AddRange(children.Select(c => new MemberDetails(null, c.First, last, c.Birth, Relationship.Child)));
            r.DescribeHousehold(members, isSingleParent: children.Length > 0, phone: null, currentAddress: null, currentTown: "Roubaix");
            r.NameApplicant(first, last, lastNameFirst: true);
            r.DescribeSituation(situation, details, groups, isDalo: false, daloDecisionDate: null, today);
            r.DescribeWishes(Typologies.None, "Roubaix, Lille", AccessibilityNeeds.None, null, null, null);
            r.DeclareIncomes([new IncomeLine(IncomeKind.Rsa, income)]);
            r.AcceptPrivacy(sent);
            r.AddDocument(new RequestDocument(SupportingDocumentKind.SocialAssessment, "evaluation-sociale.pdf", "application/pdf", DemoPdf, partner.Id, sent), sent);
            r.RouteTo(Portal.Requests.RequestRouting.TeamFor(r, teams));
            db.HousingRequests.Add(r);
            await db.SaveChangesAsync(ct);
            r.Move(RequestAction.Submit, partner.Id, $"{partner.FullName} ({org.Name})", sent, $"Orientation par {org.Name}.");
            return r;
        }

        // 1. Just sent by the CCAS.
        await Orient(ccasUser, ccas, "Awa", "TRAORÉ", today.AddYears(-29), 1, OrientationUrgency.Priority, CurrentSituation.HostedByThirdParty,
            TargetGroups.None, "Mère seule avec deux enfants, hébergée chez une cousine qui ne peut plus la garder après la fin du mois. Suivie par le CCAS depuis six mois ; budget travaillé.",
            [("Moussa", today.AddYears(-6)), ("Inès", today.AddYears(-3))], 780m);

        // 2. Information asked by the worker, answered by the CCAS.
        var asked = await Orient(ccasUser, ccas, "Julien", "MOREAU", today.AddYears(-41), 12, OrientationUrgency.Ordinary, CurrentSituation.UnfitHousing,
            TargetGroups.OverIndebted, "Logement déclaré insalubre ; dossier de surendettement en cours.", [], 610m);
        asked.TakeInCharge(worker.Id, worker.FullName, now.AddDays(-10));
        asked.RequestDocuments([SupportingDocumentKind.Other], "Plan de surendettement", worker.Id, worker.FullName, now.AddDays(-9));
        asked.Write(worker.Id, worker.FullName, "Bonjour, pouvez-vous nous transmettre le plan de surendettement de M. Moreau ?", fromStaff: true, withPartner: true, now.AddDays(-9))
            .MarkRead(now.AddDays(-8));
        asked.Write(ccasUser.Id, $"{ccasUser.FullName} ({ccas.Name})", "Bonjour, la commission de surendettement se réunit la semaine prochaine : je vous l'envoie dès réception.",
            fromStaff: false, withPartner: true, now.AddDays(-8));

        // 3. Refused by the committee, with its reason.
        var refused = await Orient(ccasUser, ccas, "Kevin", "LAMBERT", today.AddYears(-23), 40, OrientationUrgency.Ordinary, CurrentSituation.HostedByThirdParty,
            TargetGroups.Young18To25, "Jeune de 23 ans en rupture familiale, en emploi précaire.", [], 450m);
        refused.TakeInCharge(worker.Id, worker.FullName, now.AddDays(-35));
        refused.Move(RequestAction.PresentToCommittee, worker.Id, worker.FullName, now.AddDays(-30));
        refused.Move(RequestAction.Refuse, manager.Id, manager.FullName, now.AddDays(-20),
            "Ressources insuffisantes pour un logement autonome à ce jour : une orientation vers le foyer de jeunes travailleurs est proposée.");

        // 4. Accepted, referent named.
        var accepted = await Orient(ccasUser, ccas, "Samira", "BENSALEM", today.AddYears(-35), 60, OrientationUrgency.Urgent, CurrentSituation.Separation,
            TargetGroups.ViolenceVictim, "Victime de violences conjugales, mise à l'abri à l'hôtel par le 115.", [("Yanis", today.AddYears(-8))], 920m);
        accepted.TakeInCharge(worker.Id, worker.FullName, now.AddDays(-58));
        accepted.Move(RequestAction.PresentToCommittee, worker.Id, worker.FullName, now.AddDays(-50));
        accepted.Move(RequestAction.Accept, manager.Id, manager.FullName, now.AddDays(-45), "Accompagnement ASLL décidé ; un logement relais est recherché.");

        // 5. An IML candidate oriented by the SIAO, its validation awaited.
        var candidate = await Orient(siaoUser, siao, "Thomas", "GIRARD", today.AddYears(-38), 5, OrientationUrgency.Priority, CurrentSituation.EmergencyShelter,
            TargetGroups.RoughSleeper, "Sortie de CHRS après 18 mois ; ressources stables ; candidat à l'intermédiation locative.", [], 1_050m);
        candidate.TakeInCharge(worker.Id, worker.FullName, now.AddDays(-4));
        await db.SaveChangesAsync(ct);
        db.SiaoValidations.Add(new SiaoValidation
        {
            PartnerOrganisationId = siao.Id, HousingRequestId = candidate.Id, CandidateName = candidate.ApplicantName,
            Presentation = "Candidature IML sortie de structures : budget travaillé avec le CHRS, T1 à Lille.",
            RequestedById = worker.Id, RequestedByName = worker.FullName, RequestedAtUtc = now.AddDays(-3),
        });

        // The demo IML household was validated by the SIAO before its measure opened; its landlord
        // takes part in the reviews.
        if (imlLease is not null)
        {
            var household = await db.Households.AsNoTracking().Where(h => h.Id == imlLease.HouseholdId).Select(h => new { h.Id, h.Name }).SingleAsync(ct);
            var measure = await db.SupportMeasures.AsNoTracking().SingleAsync(m => m.Id == imlLease.SupportMeasureId, ct);
            db.SiaoValidations.Add(new SiaoValidation
            {
                PartnerOrganisationId = siao.Id, HouseholdId = household.Id, CandidateName = household.Name,
                RequestedById = worker.Id, RequestedByName = worker.FullName, RequestedAtUtc = now.AddMonths(-8),
                Status = SiaoValidationStatus.Validated, DecidedByName = siaoUser.FullName, DecidedAtUtc = now.AddMonths(-8).AddDays(3),
                DecisionNote = "Candidature validée en commission SIAO.",
            });
            LeaseReviewInvitation Invite(int months, string? summary) => new()
            {
                SlidingLeaseId = imlLease.Id, SupportMeasureId = measure.Id, HouseholdId = household.Id, PartnerOrganisationId = landlord.Id,
                HouseholdName = household.Name, ReviewLabel = ReviewLabels.MilestoneLabel(months, months == measure.TotalMonths),
                ReviewOn = ReviewSchedule.DueOn(measure.StartsOn, months), InvitedById = worker.Id, InvitedByName = worker.FullName,
                InvitedAtUtc = now.AddMonths(-2), SharedSummary = summary, SharedAtUtc = summary is null ? null : now.AddMonths(-1),
                AsksSlideConfirmation = months >= 12,
            };
            db.LeaseReviewInvitations.Add(Invite(6, "Loyers payés, un retard régularisé au troisième mois. Le ménage entretient bien le logement. Poursuite de la mesure ; glissement envisagé au bilan d'un an."));
            db.LeaseReviewInvitations.Add(Invite(measure.TotalMonths, null));
        }
        await db.SaveChangesAsync(ct);
    }

    /// A one-page PDF standing for a partner's assessment.
    private static readonly byte[] DemoPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Seeding partners failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
