using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Housing;

namespace Portal.Infrastructure;

/// Demo data for the case files (see Seeder): the association's stock (two residences and scattered
/// sublet dwellings, twenty dwellings), forty households at every stage (in a dwelling, gone,
/// waiting), the allocation committee with two closed sessions whose allocations opened the
/// stays, and a session to come. Written once, when no residence exists; dates follow today.
public static class DemoCaseFiles
{
    private sealed record Place(int Residence, string Label, Typology Typology, Financing Financing, decimal Rent, decimal Charges,
        bool Lease = false, string? Address = null, string? Landlord = null);

    private sealed record Member(string First, int Age, Relationship Relationship);

    /// Stage: "stay" (Dwelling, EntryDaysAgo, Months, RenewMonths) — "s1"/"s2": allocated by the first or
    /// second past session — "exit" (Dwelling, EntryDaysAgo, ExitDaysAgo) — "wait".
    private sealed record Demo(string Last, string First, int Age, string Team, CurrentSituation Situation, Member[] Members,
        (IncomeKind Kind, decimal Amount)[] Incomes, string Stage, int Dwelling = -1, int EntryDaysAgo = 0, int Months = 6, int Renew = 0,
        int ExitDaysAgo = 0, ExitDestination Destination = ExitDestination.SocialLandlord);

    private static readonly (string Name, ResidenceKind Kind, string Address, string Town)[] Residences =
    [
        ("Résidence sociale Les Tilleuls", ResidenceKind.SocialResidence, "12 rue des Tilleuls", "Lille"),
        ("Pension de famille La Passerelle", ResidenceKind.FamilyBoardingHouse, "5 rue de la Passerelle", "Roubaix"),
        ("Logements relais en diffus", ResidenceKind.ScatteredTransitionalHousing, "Métropole lilloise", "Lille"),
    ];

    private static readonly Place[] Places =
    [
        new(0, "A01", Typology.T1, Financing.Plai, 310m, 45m), new(0, "A02", Typology.T1, Financing.Plai, 310m, 45m),
        new(0, "A03", Typology.T1, Financing.Plai, 315m, 45m), new(0, "B11", Typology.T2, Financing.Plai, 390m, 55m),
        new(0, "B12", Typology.T2, Financing.Plai, 390m, 55m), new(0, "B13", Typology.T2, Financing.Plus, 420m, 55m),
        new(0, "B14", Typology.T2, Financing.Plus, 420m, 55m), new(0, "C21", Typology.T3, Financing.Plai, 470m, 70m),
        new(0, "C22", Typology.T3, Financing.Plai, 470m, 70m), new(0, "C23", Typology.T3, Financing.Plus, 495m, 70m),
        new(0, "D31", Typology.T4, Financing.Plai, 540m, 85m),
        new(1, "Studio 1", Typology.T1, Financing.Plai, 290m, 60m), new(1, "Studio 2", Typology.T1, Financing.Plai, 290m, 60m),
        new(1, "Studio 3", Typology.T1, Financing.Plai, 290m, 60m), new(1, "Studio 4", Typology.T1, Financing.Plai, 290m, 60m),
        new(1, "Studio 5", Typology.T1, Financing.Plai, 295m, 60m),
        new(2, "Tourcoing Nationale", Typology.T2, Financing.Plai, 410m, 50m, true, "8 rue Nationale, 59200 Tourcoing, 2e étage", "Vilogia"),
        new(2, "Lille Arras", Typology.T3, Financing.Plai, 505m, 65m, true, "44 rue d'Arras, 59000 Lille, 1er étage gauche", "Lille Métropole Habitat"),
        new(2, "Roubaix Pierre", Typology.T3, Financing.AnahAgreement, 480m, 60m, true, "3 rue Pierre de Roubaix, 59100 Roubaix", "Partenord Habitat"),
        new(2, "Villeneuve Parc", Typology.T4, Financing.Private, 620m, 80m, true, "17 allée du Parc, 59650 Villeneuve-d'Ascq", "M. Lenoir (propriétaire privé)"),
    ];

    private static Member Child(string first, int age) => new(first, age, Relationship.Child);
    private static Member Spouse(string first, int age) => new(first, age, Relationship.Spouse);

    private static readonly Demo[] Demos =
    [
        // In a dwelling today.
        new("LECLERCQ", "Martine", 58, "Nord", CurrentSituation.TenantInDifficulty, [], [(IncomeKind.Aah, 1016m), (IncomeKind.HousingBenefit, 210m)], "stay", 0, 160, 6),
        new("BOULANGER", "Rémi", 46, "Nord", CurrentSituation.Homeless, [], [(IncomeKind.Rsa, 607m), (IncomeKind.HousingBenefit, 250m)], "stay", 1, 300, 6, 6),
        new("DEHAENE", "Céline", 31, "Nord", CurrentSituation.Separation, [Child("Lola", 6)], [(IncomeKind.Salary, 1240m), (IncomeKind.FamilyAllowance, 110m), (IncomeKind.HousingBenefit, 160m)], "s2", 3),
        new("KACI", "Nora", 27, "Nord", CurrentSituation.EmergencyShelter, [Child("Adam", 2)], [(IncomeKind.Rsa, 790m), (IncomeKind.FamilyAllowance, 180m), (IncomeKind.HousingBenefit, 270m)], "stay", 4, 120, 6),
        new("VERMEERSCH", "Jonathan", 35, "Nord", CurrentSituation.HostedByThirdParty, [Spouse("Élodie", 33)], [(IncomeKind.Salary, 1480m), (IncomeKind.Salary, 600m), (IncomeKind.HousingBenefit, 90m)], "stay", 5, 215, 6),
        new("N'DIAYE", "Aminata", 38, "Nord", CurrentSituation.EmergencyShelter, [Child("Ousmane", 12), Child("Mariama", 9), Child("Khady", 4)], [(IncomeKind.Rsa, 980m), (IncomeKind.FamilyAllowance, 420m), (IncomeKind.HousingBenefit, 360m)], "s1", 7),
        new("CARPENTIER", "Sandrine", 44, "Sud", CurrentSituation.UnfitHousing, [Child("Théo", 15), Child("Enzo", 11)], [(IncomeKind.Salary, 1350m), (IncomeKind.FamilyAllowance, 140m), (IncomeKind.HousingBenefit, 180m)], "stay", 8, 400, 6, 12),
        new("HAMIDI", "Rachid", 41, "Nord", CurrentSituation.TenantInDifficulty, [Spouse("Samia", 39), Child("Yasmine", 14), Child("Ilyes", 10), Child("Nael", 5)], [(IncomeKind.Salary, 1650m), (IncomeKind.FamilyAllowance, 480m), (IncomeKind.HousingBenefit, 310m)], "stay", 10, 175, 6),
        new("DUPONT", "Gérard", 67, "Nord", CurrentSituation.Homeless, [], [(IncomeKind.Pension, 820m), (IncomeKind.HousingBenefit, 230m)], "s1", 11),
        new("LEROY", "Pascal", 52, "Nord", CurrentSituation.LeavingInstitution, [], [(IncomeKind.Rsa, 607m), (IncomeKind.HousingBenefit, 240m)], "stay", 12, 170, 6),
        new("FOURNIER", "Bernadette", 61, "Sud", CurrentSituation.EmergencyShelter, [], [(IncomeKind.Aah, 1016m), (IncomeKind.HousingBenefit, 200m)], "stay", 13, 500, 6, 12),
        new("BEN SALEM", "Yacine", 24, "Nord", CurrentSituation.HostedByThirdParty, [], [(IncomeKind.Salary, 1100m), (IncomeKind.HousingBenefit, 120m)], "s1", 16),
        new("MOREL", "Audrey", 33, "Nord", CurrentSituation.Separation, [Child("Louna", 8), Child("Gabin", 3)], [(IncomeKind.Salary, 1320m), (IncomeKind.FamilyAllowance, 150m), (IncomeKind.HousingBenefit, 210m)], "s2", 17),
        new("KOUASSI", "Serge", 45, "Sud", CurrentSituation.EmergencyShelter, [Spouse("Awa", 40), Child("Junior", 13), Child("Grâce", 7)], [(IncomeKind.Salary, 1400m), (IncomeKind.FamilyAllowance, 280m), (IncomeKind.HousingBenefit, 290m)], "stay", 18, 95, 6),
        new("POLLET", "Damien", 39, "Nord", CurrentSituation.UnfitHousing, [Spouse("Laetitia", 37), Child("Maëlys", 10), Child("Tom", 8), Child("Jade", 1)], [(IncomeKind.Salary, 1700m), (IncomeKind.FamilyAllowance, 350m), (IncomeKind.HousingBenefit, 330m)], "stay", 19, 260, 6, 6),

        // Gone: stays ended, exit recorded.
        new("GARNIER", "Luc", 50, "Nord", CurrentSituation.Homeless, [], [(IncomeKind.Rsa, 607m)], "exit", 2, 420, ExitDaysAgo: 40, Destination: ExitDestination.SocialLandlord),
        new("TESSIER", "Manon", 23, "Nord", CurrentSituation.HostedByThirdParty, [], [(IncomeKind.Salary, 980m)], "exit", 6, 330, ExitDaysAgo: 25, Destination: ExitDestination.PrivateRental),
        new("BAKARI", "Fatoumata", 36, "Sud", CurrentSituation.EmergencyShelter, [Child("Ibrahim", 10)], [(IncomeKind.Rsa, 850m), (IncomeKind.FamilyAllowance, 110m)], "exit", 9, 380, ExitDaysAgo: 60, Destination: ExitDestination.SlidingLease),
        new("RENARD", "Michel", 63, "Nord", CurrentSituation.UnfitHousing, [], [(IncomeKind.Pension, 1050m)], "exit", 14, 450, ExitDaysAgo: 90, Destination: ExitDestination.SocialLandlord),
        new("COLIN", "Jérôme", 48, "Sud", CurrentSituation.LeavingInstitution, [], [(IncomeKind.Rsa, 607m)], "exit", 15, 270, ExitDaysAgo: 15, Destination: ExitDestination.VoluntaryDeparture),
        new("MASSON", "Isabelle", 55, "Nord", CurrentSituation.TenantInDifficulty, [], [(IncomeKind.Unemployment, 1150m)], "exit", 0, 560, ExitDaysAgo: 170, Destination: ExitDestination.OtherAssociation),
        new("ROGER", "Kévin", 29, "Nord", CurrentSituation.Homeless, [], [(IncomeKind.Salary, 1050m)], "exit", 1, 620, ExitDaysAgo: 310, Destination: ExitDestination.SocialLandlord),
        new("BLANCHARD", "Nathalie", 42, "Sud", CurrentSituation.Separation, [Child("Clara", 16), Child("Hugo", 13)], [(IncomeKind.Salary, 1500m), (IncomeKind.FamilyAllowance, 140m)], "exit", 10, 600, ExitDaysAgo: 200, Destination: ExitDestination.SocialLandlord),

        // Waiting for a dwelling or a measure.
        new("LAMBRECHT", "Sylvie", 47, "Nord", CurrentSituation.HostedByThirdParty, [Child("Lucie", 17)], [(IncomeKind.Salary, 1280m), (IncomeKind.FamilyAllowance, 0m)], "wait"),
        new("OUALI", "Mehdi", 26, "Nord", CurrentSituation.Homeless, [], [(IncomeKind.Rsa, 607m)], "wait"),
        new("PETIT", "Danielle", 70, "Sud", CurrentSituation.UnfitHousing, [], [(IncomeKind.Pension, 910m)], "wait"),
        new("SAIDI", "Karima", 34, "Sud", CurrentSituation.EmergencyShelter, [Child("Rayane", 9), Child("Inaya", 6)], [(IncomeKind.Rsa, 930m), (IncomeKind.FamilyAllowance, 150m)], "wait"),
        new("DELATTRE", "Frédéric", 53, "Nord", CurrentSituation.LeavingInstitution, [], [(IncomeKind.Aah, 1016m)], "wait"),
        new("GUERIN", "Océane", 21, "Nord", CurrentSituation.HostedByThirdParty, [], [(IncomeKind.Salary, 870m)], "wait"),
        new("MERCIER", "Alain", 59, "Sud", CurrentSituation.TenantInDifficulty, [Spouse("Chantal", 57)], [(IncomeKind.Unemployment, 1100m), (IncomeKind.Pension, 640m)], "wait"),
        new("TRAN", "Linh", 30, "Nord", CurrentSituation.Separation, [Child("Minh", 4)], [(IncomeKind.Salary, 1190m), (IncomeKind.FamilyAllowance, 90m)], "wait"),
        new("DIALLO", "Oumar", 43, "Sud", CurrentSituation.EmergencyShelter, [Spouse("Kadiatou", 38), Child("Aïcha", 11), Child("Moussa", 8), Child("Binta", 2)], [(IncomeKind.Salary, 1450m), (IncomeKind.FamilyAllowance, 390m)], "wait"),
        new("FONTAINE", "Jessica", 28, "Nord", CurrentSituation.EmergencyShelter, [Child("Léo", 5)], [(IncomeKind.Rsa, 790m), (IncomeKind.FamilyAllowance, 100m)], "wait"),
        new("HUBERT", "Christian", 65, "Sud", CurrentSituation.Homeless, [], [(IncomeKind.Pension, 780m)], "wait"),
        new("BRUNET", "Morgane", 25, "Nord", CurrentSituation.HostedByThirdParty, [], [(IncomeKind.Unemployment, 920m)], "wait"),
        new("AMRANI", "Youssef", 37, "Sud", CurrentSituation.TenantInDifficulty, [Spouse("Hanane", 35), Child("Imane", 7)], [(IncomeKind.Salary, 1550m), (IncomeKind.FamilyAllowance, 140m)], "wait"),
        new("LEFEBVRE", "Thierry", 49, "Nord", CurrentSituation.UnfitHousing, [], [(IncomeKind.Salary, 1230m)], "wait"),
        new("COULIBALY", "Mariam", 32, "Sud", CurrentSituation.EmergencyShelter, [Child("Seydou", 3)], [(IncomeKind.Rsa, 790m), (IncomeKind.FamilyAllowance, 100m)], "wait"),
        new("VANDAMME", "Paul", 57, "Nord", CurrentSituation.LeavingInstitution, [], [(IncomeKind.Rsa, 607m)], "wait"),
        new("ROUX", "Émilie", 40, "Sud", CurrentSituation.Separation, [Child("Anna", 12), Child("Jules", 9)], [(IncomeKind.Salary, 1420m), (IncomeKind.FamilyAllowance, 140m)], "wait"),
    ];

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.Residences.AnyAsync(ct)) return;
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = StockQueries.Today(clock);

        var manager = await users.FindByEmailAsync("responsable@demo.passerelle.fr");
        var worker1 = await users.FindByEmailAsync("travailleur1@demo.passerelle.fr");
        var worker2 = await users.FindByEmailAsync("travailleur2@demo.passerelle.fr");
        if (manager is null || worker1 is null || worker2 is null) return;
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, ct);

        var residences = Residences.Select(r => new Residence(r.Name, r.Kind, r.Address, r.Town)).ToList();
        db.Residences.AddRange(residences);
        await db.SaveChangesAsync(ct);
        var dwellings = Places.Select(p =>
        {
            var d = new Dwelling(residences[p.Residence].Id, p.Label, p.Typology, p.Financing, p.Rent, p.Charges, p.Lease);
            d.Locate(p.Address ?? $"{Residences[p.Residence].Address}, {Residences[p.Residence].Town}",
                p.Landlord ?? (p.Residence == 0 ? "Vilogia" : "Notre Logis"));
            return d;
        }).ToList();
        db.Dwellings.AddRange(dwellings);

        var households = new List<Household>();
        foreach (var demo in Demos)
        {
            var name = $"{demo.Last} {demo.First}";
            var team = teams.GetValueOrDefault(demo.Team);
            var h = new Household
            {
                Name = name, SearchName = HouseholdFactory.SearchKey(name),
                TeamId = team == 0 ? null : team,
                ReferentId = demo.Team == "Sud" ? worker2.Id : worker1.Id,
                Phone = $"06 {12 + households.Count:00} {34 + households.Count:00} 56 78",
                Town = demo.Team == "Sud" ? "Arras" : "Lille",
                Situation = demo.Situation,
                TargetGroups = demo.Last is "N'DIAYE" or "FONTAINE" ? TargetGroups.ViolenceVictim
                    : demo.Age <= 25 ? TargetGroups.Young18To25 : demo.Age >= 65 ? TargetGroups.Elderly : TargetGroups.None,
                IsSingleParent = demo.Members.Length > 0 && demo.Members.All(m => m.Relationship == Relationship.Child),
                CreatedAtUtc = now.AddDays(-Math.Max(demo.EntryDaysAgo, 30) - 20),
                UpdatedAtUtc = now,
            };
            var head = new HouseholdPerson { FirstName = demo.First, LastName = Capitalised(demo.Last), BirthDate = Birth(today, demo.Age, households.Count), Relationship = Relationship.Applicant };
            h.Persons.Add(head);
            var position = 1;
            foreach (var m in demo.Members)
                h.Persons.Add(new HouseholdPerson
                {
                    FirstName = m.First, LastName = Capitalised(demo.Last), BirthDate = Birth(today, m.Age, households.Count + position),
                    Relationship = m.Relationship, Position = position++,
                });
            foreach (var (kind, amount) in demo.Incomes)
                h.Incomes.Add(new HouseholdIncome { Kind = kind, MonthlyAmount = amount, Person = kind is IncomeKind.Salary or IncomeKind.Aah or IncomeKind.Pension ? head : null });
            households.Add(h);
        }
        db.Households.AddRange(households);
        await db.SaveChangesAsync(ct);

        // Stays that began before the committee was kept in Passerelle, and the households gone since.
        var stays = new List<Stay>();
        for (var i = 0; i < Demos.Length; i++)
        {
            var demo = Demos[i];
            if (demo.Stage == "stay")
            {
                var stay = Stay.Open(households[i].Id, dwellings[demo.Dwelling].Id, today.AddDays(-demo.EntryDaysAgo), demo.Months);
                if (demo.Renew > 0) stay.Renew(demo.Renew, stay.EndsOn.AddDays(-20));
                stays.Add(stay);
            }
            else if (demo.Stage == "exit")
            {
                var stay = Stay.Open(households[i].Id, dwellings[demo.Dwelling].Id, today.AddDays(-demo.EntryDaysAgo), 6);
                for (var r = 0; r < 3 && stay.EndsOn < today.AddDays(-demo.ExitDaysAgo); r++) stay.Renew(6, stay.EndsOn.AddDays(-15));
                var exitOn = today.AddDays(-demo.ExitDaysAgo);
                var exit = Exit.Record(households[i].Id, exitOn, today, demo.Destination, null, [stay], [], []);
                db.Exits.Add(exit);
                households[i].RecordExit(exit, now);
                stays.Add(stay);
            }
        }
        db.Stays.AddRange(stays);
        await db.SaveChangesAsync(ct);

        // The allocation committee: two closed sessions whose allocations opened stays, one to come.
        var committee = new Committee("Commission d'attribution", CommitteeKind.DecisionBody);
        db.Committees.Add(committee);
        await db.SaveChangesAsync(ct);
        var members = new[]
        {
            new CommitteeMember { CommitteeId = committee.Id, UserId = manager.Id, Name = manager.FullName, Role = "Chef de service, président de la commission" },
            new CommitteeMember { CommitteeId = committee.Id, UserId = worker1.Id, Name = worker1.FullName, Role = "Travailleuse sociale, équipe Nord" },
            new CommitteeMember { CommitteeId = committee.Id, UserId = worker2.Id, Name = worker2.FullName, Role = "Travailleur social, équipe Sud" },
            new CommitteeMember { CommitteeId = committee.Id, Name = "Nathalie Roche", Organisation = "SIAO du Nord", Role = "Coordinatrice logement adapté" },
        };
        db.CommitteeMembers.AddRange(members);
        await db.SaveChangesAsync(ct);

        var wait = Enumerable.Range(0, Demos.Length).Where(i => Demos[i].Stage == "wait").ToList();
        var sessions = new[] { (Tag: "s1", DaysAgo: 75), (Tag: "s2", DaysAgo: 20) };
        for (var s = 0; s < sessions.Length; s++)
        {
            var session = new CommitteeSession(committee.Id, today.AddDays(-sessions[s].DaysAgo));
            var entryOn = session.HeldOn.AddDays(7);
            foreach (var i in Enumerable.Range(0, Demos.Length).Where(i => Demos[i].Stage == sessions[s].Tag))
            {
                var household = households[i];
                var item = session.AddItem(AgendaSubject.Household, household.Id, household.ReferentId!, "Situation présentée par son travailleur social.");
                var dwelling = dwellings[Demos[i].Dwelling];
                stays.Add(session.DecideAllocation(item, household.Id, dwelling, CommitteeDecisions.Composition(household, entryOn), entryOn, [], Stay.DefaultMonths));
                db.Stays.Add(stays[^1]);
            }
            var other = households[wait[s]];
            var pending = session.AddItem(AgendaSubject.Household, other.Id, other.ReferentId!, "Demande d'entrée en résidence sociale.");
            if (s == 0) session.Refuse(pending, "Les ressources du ménage permettent un accès direct au logement social : orientation vers une demande de logement social avec l'appui du référent.");
            else session.Postpone(pending, "Dans l'attente du diagnostic social complet.");
            session.Close();
            db.CommitteeSessions.Add(session);
            await db.SaveChangesAsync(ct);
            db.CommitteeAttendances.AddRange(members.Take(s == 0 ? 4 : 3).Select(m => new CommitteeAttendance { CommitteeSessionId = session.Id, CommitteeMemberId = m.Id }));
        }
        var next = new CommitteeSession(committee.Id, today.AddDays(14));
        var candidate = households[wait[2]];
        next.AddItem(AgendaSubject.Household, candidate.Id, candidate.ReferentId!, "Sortie d'hébergement d'urgence, ménage prêt à accéder à un logement temporaire.");
        db.CommitteeSessions.Add(next);
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Birth(DateOnly today, int age, int salt) =>
        today.AddYears(-age).AddDays(-(salt * 37 % 300) - 10);

    private static string Capitalised(string upper) =>
        string.Join(' ', upper.Split(' ').Select(w => w.Length == 0 ? w : w[0] + w[1..].ToLowerInvariant()));
}
