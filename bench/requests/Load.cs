using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;

namespace RequestsBench;

/// Bulk-loads requests as the site writes them (NewDraft, then Move through the state machine),
/// in batches, with a fixed seed so that every run measures the same data.
public static class Load
{
    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Diallo", "Traoré", "Haddad", "Benali", "El Amrani", "Nguyen", "Kaci", "Saïdi", "Bouzid", "Martinez",
    ];

    private static readonly string[] FirstNames =
    [
        "Émilie", "Hélène", "Noé", "Zoé", "François", "Chloé", "Léa", "Lucas", "Hugo", "Inès", "Jade", "Louis",
        "Manon", "Nathan", "Camille", "Sarah", "Karim", "Nadia", "Mamadou", "Aïssatou", "Yasmine", "Thomas",
        "Julie", "Paul", "Céline", "Olivier", "Amina", "Fatima", "Kevin", "Sophie", "Marie", "Jean-Pierre",
    ];

    private static readonly RequestAction[][] Paths =
    [
        [],
        [RequestAction.TakeInCharge],
        [RequestAction.RequestDocuments],
        [RequestAction.TakeInCharge, RequestAction.RequestDocuments],
        [RequestAction.TakeInCharge, RequestAction.PresentToCommittee],
        [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Accept],
        [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.PutOnWaitingList],
        [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Accept, RequestAction.OfferHousing, RequestAction.MoveIn],
        [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Accept, RequestAction.OfferHousing, RequestAction.MoveIn],
        [RequestAction.TakeInCharge, RequestAction.Close],
        [RequestAction.TakeInCharge, RequestAction.PresentToCommittee, RequestAction.Refuse],
        [RequestAction.Close],
    ];

    /// Returns the two teams' ids and one existing reference to look up. Into teams that already
    /// exist when <paramref name="teams"/> is given (bench/load adds to the demo data), ids from <paramref name="firstId"/>.
    public static async Task<(int Nord, int Sud, string SampleReference)> InsertAsync(Func<PortalDbContext> newDb, int count, string provider,
        (int Nord, int Sud)? teams = null, long firstId = 1)
    {
        var sw = Stopwatch.StartNew();
        var random = new Random(2026);
        int nord, sud;
        var applicants = new List<PortalUser>();
        var staff = new List<PortalUser>();
        await using (var db = newDb())
        {
            if (teams is { } existing)
                (nord, sud) = existing;
            else
            {
                var n = new Team { Name = "Nord", Towns = "Lille, Roubaix" };
                var s = new Team { Name = "Sud", Towns = "Arras, Lens" };
                db.Teams.AddRange(n, s);
                await db.SaveChangesAsync();
                (nord, sud) = (n.Id, s.Id);
            }
            for (var i = 0; i < 6; i++)
                staff.Add(User($"instructeur{i}@bench.local", $"Travailleur {i}", i % 2 == 0 ? nord : sud));
            for (var i = 0; i < 5_000; i++)
                applicants.Add(User($"demandeur{i}@bench.local", $"Demandeur {i}", null));
            db.Users.AddRange(staff);
            db.Users.AddRange(applicants);
            await db.SaveChangesAsync();
        }

        var start = new DateTime(2023, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var spanMinutes = (int)(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) - start).TotalMinutes;
        const int Batch = 5_000;
        string sample = "";
        for (var done = 0; done < count; done += Batch)
        {
            await using var db = newDb();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<HousingRequest>(Batch);
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var applicant = applicants[random.Next(applicants.Count)];
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                // Submission dates grow with the id, as they do in real life.
                var submitted = start.AddMinutes((long)spanMinutes * i / count + random.Next(60));
                var request = HousingRequest.NewDraft(applicant.Id, applicant.FullName, applicant.PhoneNumber, submitted.AddDays(-1));
                // Ids given here (the batch is inserted at once and the references need them).
                db.Entry(request).Property(r => r.Id).CurrentValue = firstId + i;
                // 1 in 30 has no team (towns nobody covers); the rest split 55/45.
                int? team = random.Next(30) == 0 ? null : random.Next(100) < 55 ? nord : sud;
                request.DescribeHousehold([new MemberDetails(null, first, last, new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28)), Relationship.Applicant)],
                    false, request.Phone, null, team == nord ? "Lille" : "Arras");
                request.ShowApplicantAs($"{first} {last}", $"{last} {first}");
                request.RouteTo(team);
                request.DescribeSituation(null, null, (TargetGroups)(random.Next(4) == 0 ? 1 << random.Next(6) : 0), random.Next(12) == 0, null, DateOnly.FromDateTime(submitted));
                request.DescribeWishes(Typologies.None, null, AccessibilityNeeds.None, null, 300 + random.Next(500), 40);
                request.DeclareIncomes([new IncomeLine(IncomeKind.Rsa, 600 + random.Next(1200))]);
                if (random.Next(20) != 0)
                {
                    request.Move(RequestAction.Submit, applicant.Id, applicant.FullName, submitted);
                    // Old requests are mostly finished; recent ones still in progress.
                    var age = (double)i / count;
                    var path = age < 0.8 ? Paths[7 + random.Next(5)] : Paths[random.Next(Paths.Length)];
                    var worker = staff.FirstOrDefault(s => s.TeamId == request.TeamId) ?? staff[0];
                    var at = submitted;
                    foreach (var action in path)
                    {
                        at = at.AddDays(3);
                        if (action == RequestAction.TakeInCharge) request.TakeInCharge(worker.Id, worker.FullName, at);
                        else request.Move(action, worker.Id, worker.FullName, at, action is RequestAction.Close or RequestAction.Refuse ? "Motif de test" : null);
                    }
                    if (i == count / 2) sample = request.Reference!;
                }
                batch.Add(request);
            }
            db.HousingRequests.AddRange(batch);
            await db.SaveChangesAsync();
            Console.Write($"\r[{provider}] inserted {Math.Min(count, done + Batch):N0} requests");
        }
        Console.WriteLine($" in {sw.Elapsed.TotalSeconds:0.0} s");
        if (sample == "")
        {
            await using var db = newDb();
            sample = await db.HousingRequests.Where(r => r.Reference != null).Select(r => r.Reference!).FirstAsync();
        }
        return (nord, sud, sample);
    }

    private static PortalUser User(string email, string name, int? teamId) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = email, NormalizedUserName = email.ToUpperInvariant(),
        Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
        FullName = name, TeamId = teamId, SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
    };
}
