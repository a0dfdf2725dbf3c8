using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;
using Portal.Requests;

namespace Portal.Infrastructure;

/// About thirty housing requests at every step for the demo teams, so that the staff queue has
/// something to show. Written once, on an empty table; no email is sent for them.
public static class DemoRequests
{
    private sealed record Person(string First, string Last, int Age);

    private sealed record Demo(
        Person Applicant, string Town, string WishedTowns, CurrentSituation Situation, string Details, TargetGroups Groups, bool Dalo,
        Person[] Household, (IncomeKind Kind, decimal Amount)[] Incomes, decimal? Rent, decimal? Charges, Typologies Typologies,
        int DaysAgo, Step[] Steps);

    private sealed record Step(RequestAction Action, string? Note = null, SupportingDocumentKind[]? Kinds = null);

    private static Step Take => new(RequestAction.TakeInCharge);
    private static Step Committee => new(RequestAction.PresentToCommittee);
    private static Step Ask(params SupportingDocumentKind[] kinds) => new(RequestAction.RequestDocuments, "Merci de nous les transmettre sous quinze jours.", kinds);
    private static Step Act(RequestAction action, string? note = null) => new(action, note);

    private static readonly Demo[] Demos =
    [
        new(new("Émilie", "Rousseau", 34), "Lille", "Lille, Roubaix", CurrentSituation.HostedByThirdParty, "Hébergée chez sa sœur avec ses deux enfants depuis la séparation.",
            TargetGroups.ViolenceVictim, true, [new("Léa", "Rousseau", 9), new("Noé", "Rousseau", 6)],
            [(IncomeKind.Salary, 1150m), (IncomeKind.FamilyAllowance, 150m), (IncomeKind.HousingBenefit, 280m)], 560m, 60m, Typologies.T3, 40, [Take, Ask(SupportingDocumentKind.TaxNotice, SupportingDocumentKind.DaloDecision)]),
        new(new("Mamadou", "Diallo", 41), "Roubaix", "Roubaix, Tourcoing", CurrentSituation.UnfitHousing, "Logement humide, signalé insalubre par la mairie.",
            TargetGroups.None, false, [new("Aïssatou", "Diallo", 38), new("Ibrahima", "Diallo", 12), new("Fatou", "Diallo", 7)],
            [(IncomeKind.Salary, 1450m), (IncomeKind.Salary, 700m), (IncomeKind.FamilyAllowance, 290m), (IncomeKind.HousingBenefit, 310m)], 690m, 90m, Typologies.T4, 25, [Ask(SupportingDocumentKind.IncomeProof, SupportingDocumentKind.CafCertificate)]),
        new(new("Hélène", "Lefèvre", 67), "Tourcoing", "Tourcoing", CurrentSituation.TenantInDifficulty, "Loyer trop élevé depuis le décès de son mari.",
            TargetGroups.Elderly, false, [], [(IncomeKind.Pension, 980m), (IncomeKind.HousingBenefit, 120m)], 430m, 40m, Typologies.T1 | Typologies.T2, 3, []),
        new(new("Kevin", "Marchand", 22), "Lille", "Lille", CurrentSituation.Homeless, "Dort dans sa voiture depuis trois semaines.",
            TargetGroups.Young18To25 | TargetGroups.RoughSleeper, false, [], [(IncomeKind.Other, 520m)], 300m, 30m, Typologies.T1, 2, []),
        new(new("Nadia", "Benkacem", 29), "Valenciennes", "Valenciennes", CurrentSituation.EmergencyShelter, "En CHRS depuis six mois, prête à accéder à un logement.",
            TargetGroups.ViolenceVictim, false, [new("Inès", "Benkacem", 4)],
            [(IncomeKind.Rsa, 780m), (IncomeKind.FamilyAllowance, 140m)], 420m, 50m, Typologies.T2, 60, [Take, Committee]),
        new(new("François", "Dubois", 52), "Dunkerque", "Dunkerque", CurrentSituation.LeavingInstitution, "Sortie de détention prévue le mois prochain.",
            TargetGroups.LeavingPrison, false, [], [(IncomeKind.Rsa, 607m)], 320m, 35m, Typologies.T1, 15, [Take]),
        new(new("Zoé", "Martinez", 19), "Lille", "Lille, Villeneuve-d'Ascq", CurrentSituation.Separation, "Quitte le foyer de l'ASE à sa majorité.",
            TargetGroups.Young18To25, false, [], [(IncomeKind.Salary, 890m)], 350m, 40m, Typologies.T1, 90, [Take, Committee, Act(RequestAction.Accept)]),
        new(new("Jean-Pierre", "Lambert", 58), "Roubaix", "Roubaix", CurrentSituation.SocialResidence, "Résidence sociale, séjour arrivant à son terme.",
            TargetGroups.MentalHealth, false, [], [(IncomeKind.Aah, 1016m), (IncomeKind.HousingBenefit, 200m)], 450m, 50m, Typologies.T1 | Typologies.T2, 120,
            [Take, Committee, Act(RequestAction.Accept), Act(RequestAction.OfferHousing), Act(RequestAction.MoveIn)]),
        new(new("Samira", "Haddad", 36), "Tourcoing", "Tourcoing, Lille", CurrentSituation.HostedByThirdParty, "Hébergée chez des amis, famille monoparentale.",
            TargetGroups.None, false, [new("Yanis", "Haddad", 10), new("Lina", "Haddad", 8)],
            [(IncomeKind.Salary, 1300m), (IncomeKind.FamilyAllowance, 150m)], 620m, 70m, Typologies.T3, 75, [Take, Committee, Act(RequestAction.PutOnWaitingList)]),
        new(new("Paul", "Girard", 45), "Lille", "Lille", CurrentSituation.TenantInDifficulty, "A retrouvé un logement par ses propres moyens.",
            TargetGroups.None, false, [], [(IncomeKind.Unemployment, 1100m)], 480m, 50m, Typologies.T2, 100, [Take, Act(RequestAction.Close, "Vous nous avez indiqué avoir trouvé un logement : nous clôturons la demande.")]),
        new(new("Chloé", "Petit", 27), "Valenciennes", "Valenciennes", CurrentSituation.HostedByThirdParty, "Hébergée chez ses parents avec son bébé.",
            TargetGroups.Young18To25, false, [new("Jules", "Petit", 1)], [(IncomeKind.Rsa, 790m), (IncomeKind.FamilyAllowance, 100m)], 400m, 45m, Typologies.T2, 8, []),
        new(new("Olivier", "Moreau", 61), "Dunkerque", "Dunkerque", CurrentSituation.UnfitHousing, "Appartement sans chauffage.",
            TargetGroups.Elderly, true, [], [(IncomeKind.Pension, 1200m), (IncomeKind.HousingBenefit, 90m)], 470m, 60m, Typologies.T2, 35, [Take, Ask(SupportingDocumentKind.DaloDecision)]),
        new(new("Amina", "Traoré", 31), "Lille", "Lille", CurrentSituation.EmergencyShelter, "Hébergement d'urgence à l'hôtel avec ses enfants.",
            TargetGroups.ViolenceVictim, true, [new("Moussa", "Traoré", 7), new("Awa", "Traoré", 3)],
            [(IncomeKind.Rsa, 950m), (IncomeKind.FamilyAllowance, 140m)], 520m, 60m, Typologies.T3, 5, [Take]),
        new(new("Lucas", "Fontaine", 24), "Roubaix", "Roubaix", CurrentSituation.Homeless, "À la rue depuis sa sortie d'hôpital.",
            TargetGroups.Young18To25 | TargetGroups.RoughSleeper | TargetGroups.MentalHealth, false, [], [(IncomeKind.Aah, 1016m)], 380m, 40m, Typologies.T1, 130,
            [Take, Committee, Act(RequestAction.Refuse, "Le logement adapté à votre situation relève d'une pension de famille : nous vous orientons vers le SIAO.")]),

        new(new("Sophie", "Bernard", 38), "Arras", "Arras", CurrentSituation.Separation, "Séparation récente, hébergée temporairement.",
            TargetGroups.None, false, [new("Manon", "Bernard", 11)], [(IncomeKind.Salary, 1600m), (IncomeKind.FamilyAllowance, 0m)], 580m, 70m, Typologies.T3, 4, []),
        new(new("Karim", "Bouzid", 47), "Lens", "Lens, Douai", CurrentSituation.TenantInDifficulty, "Impayés de loyer après une perte d'emploi.",
            TargetGroups.None, false, [new("Leïla", "Bouzid", 44), new("Adam", "Bouzid", 15)],
            [(IncomeKind.Unemployment, 1250m), (IncomeKind.Salary, 600m), (IncomeKind.HousingBenefit, 180m)], 650m, 80m, Typologies.T3, 20, [Take]),
        new(new("Marie", "Lemaire", 72), "Douai", "Douai", CurrentSituation.UnfitHousing, "Logement à l'étage sans ascenseur, mobilité réduite.",
            TargetGroups.Elderly, false, [], [(IncomeKind.Pension, 890m), (IncomeKind.HousingBenefit, 150m)], 400m, 40m, Typologies.T1 | Typologies.T2, 45, [Take, Committee]),
        new(new("Thomas", "Caron", 20), "Cambrai", "Cambrai", CurrentSituation.HostedByThirdParty, "Hébergé chez un ami, apprenti.",
            TargetGroups.Young18To25, false, [], [(IncomeKind.Salary, 950m)], 330m, 30m, Typologies.T1, 12, [Ask(SupportingDocumentKind.IdentityDocument, SupportingDocumentKind.IncomeProof)]),
        new(new("Fatima", "El Amrani", 33), "Arras", "Arras", CurrentSituation.EmergencyShelter, "Mise à l'abri avec ses enfants après des violences.",
            TargetGroups.ViolenceVictim, true, [new("Rayan", "El Amrani", 9), new("Sara", "El Amrani", 5)],
            [(IncomeKind.Rsa, 930m), (IncomeKind.FamilyAllowance, 150m), (IncomeKind.HousingBenefit, 0m)], 540m, 60m, Typologies.T3, 1, []),
        new(new("Patrick", "Vasseur", 55), "Lens", "Lens", CurrentSituation.LeavingInstitution, "Sortie de cure, hébergé en CHRS.",
            TargetGroups.LeavingPrison | TargetGroups.MentalHealth, false, [], [(IncomeKind.Rsa, 607m)], 310m, 30m, Typologies.T1, 80, [Take, Committee, Act(RequestAction.Accept), Act(RequestAction.OfferHousing)]),
        new(new("Céline", "Dupont", 42), "Douai", "Douai, Arras", CurrentSituation.Separation, "Séparée, garde alternée de deux enfants.",
            TargetGroups.None, false, [new("Hugo", "Dupont", 13), new("Eva", "Dupont", 10)],
            [(IncomeKind.Salary, 1750m), (IncomeKind.FamilyAllowance, 140m)], 700m, 90m, Typologies.T3 | Typologies.T4, 55, [Take, Ask(SupportingDocumentKind.TaxNotice)]),
        new(new("Yasmine", "Kaci", 26), "Arras", "Arras", CurrentSituation.SocialResidence, "En foyer de jeunes travailleurs depuis un an.",
            TargetGroups.None, false, [], [(IncomeKind.Salary, 1350m), (IncomeKind.HousingBenefit, 60m)], 450m, 50m, Typologies.T1 | Typologies.T2, 110,
            [Take, Committee, Act(RequestAction.Accept), Act(RequestAction.OfferHousing), Act(RequestAction.MoveIn)]),
        new(new("Bernard", "Leroy", 63), "Cambrai", "Cambrai", CurrentSituation.TenantInDifficulty, "Demande retirée.",
            TargetGroups.Elderly, false, [], [(IncomeKind.Pension, 1100m)], 420m, 40m, Typologies.T2, 95, [Act(RequestAction.Close, "Vous avez retiré votre demande par téléphone le 3 du mois.")]),
        new(new("Julie", "Mercier", 30), "Lens", "Lens", CurrentSituation.HostedByThirdParty, "Hébergée chez sa mère avec son fils.",
            TargetGroups.None, false, [new("Enzo", "Mercier", 6)], [(IncomeKind.Salary, 1050m), (IncomeKind.FamilyAllowance, 0m)], 480m, 50m, Typologies.T2, 6, [Take]),
        new(new("Ahmed", "Saïdi", 39), "Douai", "Douai", CurrentSituation.UnfitHousing, "Suroccupation : cinq personnes dans un T2.",
            TargetGroups.None, true, [new("Nora", "Saïdi", 35), new("Ilyes", "Saïdi", 11), new("Maya", "Saïdi", 8), new("Sami", "Saïdi", 2)],
            [(IncomeKind.Salary, 1500m), (IncomeKind.FamilyAllowance, 450m), (IncomeKind.HousingBenefit, 350m)], 750m, 110m, Typologies.T4 | Typologies.T5, 65, [Take, Committee, Act(RequestAction.PutOnWaitingList)]),

        // No team covers these towns: a manager dispatches them.
        new(new("Gaëlle", "Renard", 28), "Calais", "Calais", CurrentSituation.HostedByThirdParty, "Arrivée récemment dans la région pour un emploi.",
            TargetGroups.Young18To25, false, [], [(IncomeKind.Salary, 1400m)], 450m, 50m, Typologies.T1 | Typologies.T2, 3, []),
        new(new("Dominique", "Morel", 50), "Boulogne-sur-Mer", "Boulogne-sur-Mer", CurrentSituation.TenantInDifficulty, "Propriétaire qui vend le logement.",
            TargetGroups.None, false, [], [(IncomeKind.Unemployment, 980m), (IncomeKind.HousingBenefit, 120m)], 430m, 40m, Typologies.T2, 9, []),
    ];

    /// Drafts: never shown to the staff.
    private static readonly (Person Applicant, string Town)[] Drafts =
    [
        (new("Lucie", "Garnier", 23), "Lille"),
        (new("Stéphane", "Roux", 44), "Arras"),
    ];

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.HousingRequests.AnyAsync(ct)) return;
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.TeamId != null).ToListAsync(ct);

        var number = 0;
        foreach (var demo in Demos)
        {
            number++;
            // Mamadou Diallo is the demo resident2: he follows his request in his own space.
            var applicant = demo.Applicant is { First: "Mamadou", Last: "Diallo" }
                ? await users.FindByEmailAsync("resident2@demo.passerelle.fr") ?? await ApplicantAsync(users, number, demo.Applicant, now)
                : await ApplicantAsync(users, number, demo.Applicant, now);

            var submitted = now.AddDays(-demo.DaysAgo).AddHours(-number);
            var request = HousingRequest.NewDraft(applicant.Id, applicant.FullName, applicant.PhoneNumber, submitted.AddDays(-1));
            Fill(request, demo);
            request.RouteTo(RequestRouting.TeamFor(request, teams));
            db.HousingRequests.Add(request);
            await db.SaveChangesAsync(ct);

            request.Move(RequestAction.Submit, applicant.Id, applicant.FullName, submitted);
            var worker = staff.FirstOrDefault(s => s.TeamId == request.TeamId);
            var at = submitted;
            foreach (var step in demo.Steps)
            {
                at = at.AddDays(Math.Max(1, demo.DaysAgo / (demo.Steps.Length + 1)));
                if (at > now) at = now.AddMinutes(-demo.Steps.Length);
                var actorName = worker?.FullName ?? "Équipe Passerelle";
                if (step.Kinds is { Length: > 0 } kinds)
                    request.RequestDocuments(kinds, step.Note, worker?.Id ?? applicant.Id, actorName, at);
                else if (step.Action == RequestAction.TakeInCharge && worker is not null)
                    request.TakeInCharge(worker.Id, worker.FullName, at);
                else
                    request.Move(step.Action, worker?.Id, actorName, at, step.Note);
            }
            if (number % 4 == 1)
                request.Write(applicant.Id, applicant.FullName, "Bonjour, je reste joignable par téléphone du lundi au vendredi. Merci pour votre aide.",
                    fromStaff: false, withPartner: false, submitted.AddHours(2));
            await db.SaveChangesAsync(ct);
        }

        foreach (var (person, town) in Drafts)
        {
            number++;
            var applicant = await ApplicantAsync(users, number, person, now);
            var draft = HousingRequest.NewDraft(applicant.Id, applicant.FullName, applicant.PhoneNumber, now.AddDays(-2));
            draft.DescribeHousehold([new MemberDetails(null, person.First, person.Last, Birth(now, person.Age), Relationship.Applicant)],
                isSingleParent: false, draft.Phone, currentAddress: null, town);
            db.HousingRequests.Add(draft);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Fill(HousingRequest request, Demo demo)
    {
        var now = request.CreatedAtUtc;
        var p = demo.Applicant;
        // Same shape as the applicant side writes: "Prénom NOM", searched as "NOM PRENOM".
        var members = new List<MemberDetails> { new(null, p.First, p.Last, Birth(now, p.Age), Relationship.Applicant) };
        members.AddRange(demo.Household.Select(m => new MemberDetails(null, m.First, m.Last, Birth(now, m.Age), m.Age < 18 ? Relationship.Child : Relationship.Spouse)));
        request.DescribeHousehold(members, isSingleParent: demo.Household.Length > 0 && demo.Household.All(m => m.Age < 18),
            request.Phone ?? "06 12 34 56 78", "12 rue des Tilleuls", demo.Town);
        request.DescribeSituation(demo.Situation, demo.Details, demo.Groups, demo.Dalo, demo.Dalo ? DateOnly.FromDateTime(now.AddMonths(-2)) : null, DateOnly.FromDateTime(now));
        request.DescribeWishes(demo.Typologies, demo.WishedTowns, p.Age >= 65 ? AccessibilityNeeds.GroundFloorOrLift : AccessibilityNeeds.None, null, demo.Rent, demo.Charges);

        var self = request.Members[0];
        var adults = request.Members.Where(m => m.Relationship != Relationship.Child).ToList();
        var salaries = 0;
        var incomes = new List<IncomeLine>();
        foreach (var (kind, amount) in demo.Incomes)
        {
            if (amount == 0) continue;
            // The second salary is the spouse's; other lines belong to the applicant or the household.
            var member = kind == IncomeKind.Salary && salaries++ > 0 && adults.Count > 1 ? adults[1] : kind is IncomeKind.FamilyAllowance or IncomeKind.HousingBenefit ? null : self;
            incomes.Add(new IncomeLine(kind, amount, member));
        }
        request.DeclareIncomes(incomes);
        request.AcceptPrivacy(now);
    }

    private static DateOnly Birth(DateTime now, int age) => DateOnly.FromDateTime(now).AddYears(-age).AddDays(-(age * 37 % 300));

    private static async Task<PortalUser> ApplicantAsync(UserManager<PortalUser> users, int number, Person person, DateTime now)
    {
        var email = $"demandeur{number:D2}@demo.passerelle.fr";
        if (await users.FindByEmailAsync(email) is { } existing) return existing;
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = $"{person.First} {person.Last}", CreatedAtUtc = now,
            PhoneNumber = $"06 {10 + number:D2} {20 + number:D2} {30 + number:D2} {40 + number:D2}",
        };
        // No password: the demo applicants only exist to fill the queue (hashing thirty is slow).
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException("Seeding failed: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Resident);
        return user;
    }
}
