using System.Diagnostics;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Support;

namespace HouseholdsBench;

/// Bulk-loads households as the site writes them (name, accent-free key, team, referent, one person),
/// in batches, with a fixed seed so that every run measures the same data.
public static class Load
{
    public sealed record Loaded(int Nord, int Sud, string NordWorkerId);

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

    /// Into teams that already exist when <paramref name="teams"/> is given (bench/load adds to the demo data), else two new ones.
    public static async Task<Loaded> InsertAsync(Func<PortalDbContext> newDb, int count, string provider, (int Nord, int Sud)? teams = null)
    {
        var sw = Stopwatch.StartNew();
        var random = new Random(2026);
        int nord, sud;
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
            // 400 workers, 200 per team: about 125 households each over the years (all statuses).
            for (var i = 0; i < 400; i++)
                staff.Add(User($"travailleur{i}@bench.local", $"Travailleur {i}", i % 2 == 0 ? nord : sud));
            db.Users.AddRange(staff);
            await db.SaveChangesAsync();
        }

        var nordStaff = staff.Where(u => u.TeamId == nord).ToList();
        var sudStaff = staff.Where(u => u.TeamId == sud).ToList();
        var start = new DateTime(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        // Measures draw from their own sequence, so the households are the same as without them.
        var measureRandom = new Random(2027);
        var measures = 0;
        const int Batch = 5_000;
        for (var done = 0; done < count; done += Batch)
        {
            await using var db = newDb();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<Household>(Batch);
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var name = $"{last.ToUpperInvariant()} {first}";
                // 1 in 40 has no team; the rest split 55/45; the referent is a worker of the team.
                int? team = random.Next(40) == 0 ? null : random.Next(100) < 55 ? nord : sud;
                var referents = team == nord ? nordStaff : team == sud ? sudStaff : [];
                var created = start.AddMinutes(i * 25);
                var referentId = referents.Count == 0 || random.Next(10) == 0 ? null : referents[random.Next(referents.Count)].Id;
                var exited = random.Next(3) == 0;
                var household = new Household
                {
                    Name = name,
                    SearchName = HouseholdFactory.SearchKey(name),
                    TeamId = team,
                    ReferentId = referentId,
                    Town = team == nord ? "Lille" : "Arras",
                    IsDalo = random.Next(12) == 0,
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                };
                if (exited)
                {
                    var on = DateOnly.FromDateTime(created);
                    household.RecordExit(Exit.Record(0, on, on, ExitDestination.SocialLandlord, null, [], [], []), created);
                }
                household.Persons.Add(new HouseholdPerson { FirstName = first, LastName = last, Relationship = Relationship.Applicant, BirthDate = new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28)) });
                if (random.Next(3) == 0)
                    household.Persons.Add(new HouseholdPerson { FirstName = FirstNames[random.Next(FirstNames.Length)], LastName = last, Relationship = Relationship.Child, Position = 1 });
                batch.Add(household);
            }
            db.Households.AddRange(batch);
            await db.SaveChangesAsync();
            var running = RunningMeasures(batch, measureRandom);
            db.SupportMeasures.AddRange(running);
            await db.SaveChangesAsync();
            measures += running.Count;
            Console.Write($"\r[{provider}] inserted {Math.Min(count, done + Batch):N0} households, {measures:N0} measures");
        }
        Console.WriteLine($" in {sw.Elapsed.TotalSeconds:0.0} s");
        return new Loaded(nord, sud, staff[0].Id);
    }

    /// The day the loaded measures are dated from (fixed, so that every snapshot holds the same data).
    public static readonly DateOnly MeasuresAsOf = new(2026, 12, 1);

    /// Half the followed households of a team have a running measure (MASP, 24 months, started within
    /// the 20 months before <see cref="MeasuresAsOf"/>). Their past reviews were held on their date,
    /// except in 1 measure in 20, whose past reviews are late.
    private static List<SupportMeasure> RunningMeasures(List<Household> households, Random random)
    {
        var measures = new List<SupportMeasure>();
        foreach (var household in households)
        {
            if (household.Status != HouseholdStatus.Active || household.TeamId is null || random.Next(2) != 0) continue;
            var measure = SupportMeasure.Open(household.Id, SupportKind.Masp, Funder.FslDepartment, MeasuresAsOf.AddDays(-random.Next(600)), 24);
            if (random.Next(20) != 0)
                foreach (var review in measure.Reviews(MeasuresAsOf).Where(r => r.DueOn <= MeasuresAsOf && !r.IsEnd).ToList())
                    measure.RecordReview(review.MonthsFromStart, review.DueOn, ReviewDecision.Continue, null);
            measures.Add(measure);
        }
        return measures;
    }

    private static PortalUser User(string email, string name, int? teamId) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = email, NormalizedUserName = email.ToUpperInvariant(),
        Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
        FullName = name, TeamId = teamId, SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
    };
}
